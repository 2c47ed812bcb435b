package th.go.cdd.womenfund.area;

/** อำเภอ/เขต, keyed by its 4-digit official code (Laem Ngop = "2305"). */
public record District(
    String code, String provinceCode, String nameTh, String nameEn, String officeEmail) {}
