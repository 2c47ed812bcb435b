package th.go.cdd.womenfund.demo;

import java.util.List;
import th.go.cdd.womenfund.member.NationalId;

/** Thai names and valid (check-digit-correct, fictitious) national ID numbers for demo data. */
final class DemoPeople {

  /**
   * The district's second officer (contracts and money): never the one who keyed the application.
   */
  public static String contractOfficer(String districtCode) {
    return "clerk" + districtCode;
  }

  static final List<String> FIRST =
      List.of(
          "สมศรี",
          "มาลี",
          "บุญมี",
          "ประไพ",
          "สุดา",
          "วันเพ็ญ",
          "จันทร์เพ็ญ",
          "ลำดวน",
          "พิมพ์ใจ",
          "รัตนา",
          "อำไพ",
          "ทองใบ",
          "สายสุนีย์",
          "นงลักษณ์",
          "ปราณี",
          "กาญจนา",
          "วิไล",
          "ศิริพร");
  static final List<String> LAST =
      List.of(
          "ใจดี",
          "รักษ์ตราด",
          "ทองคำ",
          "ศรีสุข",
          "แก้วมณี",
          "บุญเรือง",
          "ชัยมงคล",
          "พรหมมา",
          "สุขสวัสดิ์",
          "คงทน",
          "มั่นคง",
          "เจริญผล");
  static final List<String> MEN =
      List.of("สมชาย", "ประยุทธ", "บุญส่ง", "สมพงษ์", "วิชัย", "สมศักดิ์");

  private DemoPeople() {}

  static String woman(int n) {
    return "นาง"
        + FIRST.get(n % FIRST.size())
        + " "
        + LAST.get((n / FIRST.size() + n) % LAST.size());
  }

  static String husbandOf(int n) {
    return "นาย" + MEN.get(n % MEN.size()) + " " + LAST.get((n / FIRST.size() + n) % LAST.size());
  }

  /**
   * A fictitious 13-digit number starting with 3, distinct for each n, with a correct check digit.
   */
  static String nationalId(int n) {
    String first12 = String.format("3%011d", (123_457L + n * 7919L) % 100_000_000_000L);
    return first12 + NationalId.checkDigit(first12);
  }
}
