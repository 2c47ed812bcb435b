package th.go.cdd.womenfund.area;

/** ตำบล/แขวง, keyed by its 6-digit official code: names repeat (คลองใหญ่ is 230201 and 230507). */
public record SubDistrict(
    String code, String districtCode, String nameTh, String nameEn, String zipCode) {

  public String provinceCode() {
    return code.substring(0, 2);
  }
}
