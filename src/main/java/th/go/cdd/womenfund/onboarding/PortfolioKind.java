package th.go.cdd.womenfund.onboarding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The five files of a province's portfolio, imported in this order (each refers to what the one
 * before brought): members, groups, loans (one row per borrower), their schedules (one row per
 * installment), payments to date. Each has a fixed list of Thai column headers: the template's
 * first row, and the names the import reads by.
 */
public enum PortfolioKind {
  MEMBERS(
      "members",
      "สมาชิก",
      List.of(
          Col.NATIONAL_ID, Col.FULL_NAME, Col.BIRTH_DATE, Col.RESIDENT_SINCE, Col.SUB_DISTRICT)),
  GROUPS(
      "groups",
      "กลุ่ม",
      List.of(
          Col.GROUP_CODE,
          Col.GROUP_NAME,
          Col.SUB_DISTRICT,
          Col.CONTACT_NAME,
          Col.CONTACT_EMAIL,
          Col.CONTACT_PHONE)),
  LOANS(
      "loans",
      "สัญญาเงินกู้",
      Stream.of(
              List.of(Col.CONTRACT_NO),
              Col.LOAN_LEVEL,
              List.of(Col.BORROWER_ID, Col.BORROWER_AMOUNT, Col.BENEFICIARY, Col.RELATION))
          .flatMap(List::stream)
          .toList()),
  SCHEDULES(
      "schedules",
      "ตารางชำระคืน",
      List.of(Col.CONTRACT_NO, Col.SEQ, Col.DUE_DATE, Col.PRINCIPAL, Col.INTEREST)),
  PAYMENTS(
      "payments",
      "การชำระเงิน",
      List.of(Col.CONTRACT_NO, Col.REFERENCE, Col.PAID_ON, Col.AMOUNT, Col.NOTE));

  /** The column headers, in Thai, as the templates write them. */
  public static final class Col {
    public static final String NATIONAL_ID = "เลขประจำตัวประชาชน";
    public static final String FULL_NAME = "ชื่อ-นามสกุล";
    public static final String BIRTH_DATE = "วันเกิด (วว/ดด/ปปปป พ.ศ.)";
    public static final String RESIDENT_SINCE = "อยู่ในพื้นที่ตั้งแต่ (วว/ดด/ปปปป พ.ศ.)";
    public static final String SUB_DISTRICT = "รหัสตำบล";
    public static final String GROUP_CODE = "รหัสกลุ่ม";
    public static final String GROUP_NAME = "ชื่อกลุ่ม";
    public static final String CONTACT_NAME = "ผู้ประสานงานกลุ่ม";
    public static final String CONTACT_EMAIL = "อีเมลกลุ่ม";
    public static final String CONTACT_PHONE = "โทรศัพท์กลุ่ม";
    public static final String CONTRACT_NO = "เลขที่สัญญา";
    public static final String CONTRACT_DATE = "วันที่ทำสัญญา (วว/ดด/ปปปป พ.ศ.)";
    public static final String TRANSFER_DATE = "วันที่โอนเงิน (วว/ดด/ปปปป พ.ศ.)";
    public static final String RATE = "อัตราดอกเบี้ย (ร้อยละต่อปี)";
    public static final String TERM = "ระยะเวลากู้ (เดือน)";
    public static final String FREQUENCY = "งวดชำระ";
    public static final String OCCUPATION = "ประเภทอาชีพ";
    public static final String PURPOSE = "วัตถุประสงค์";
    public static final String BORROWER_ID = "เลขประจำตัวประชาชนผู้กู้";
    public static final String BORROWER_AMOUNT = "จำนวนเงินกู้ของผู้กู้ (บาท)";
    public static final String BENEFICIARY = "ผู้รับประโยชน์ (ผู้รับทราบการกู้)";
    public static final String RELATION = "ความสัมพันธ์กับผู้กู้";
    public static final String SEQ = "งวดที่";
    public static final String DUE_DATE = "วันครบกำหนด (วว/ดด/ปปปป พ.ศ.)";
    public static final String PRINCIPAL = "เงินต้น (บาท)";
    public static final String INTEREST = "ดอกเบี้ย (บาท)";
    public static final String REFERENCE = "เลขที่อ้างอิงการชำระ";
    public static final String PAID_ON = "วันที่ชำระ (วว/ดด/ปปปป พ.ศ.)";
    public static final String AMOUNT = "จำนวนเงินที่ชำระ (บาท)";
    public static final String NOTE = "หมายเหตุ";

    /** The loans file's loan-level columns: the same on every row (borrower) of a contract. */
    public static final List<String> LOAN_LEVEL =
        List.of(
            GROUP_CODE, CONTRACT_DATE, TRANSFER_DATE, RATE, TERM, FREQUENCY, OCCUPATION, PURPOSE);

    private Col() {}
  }

  private final String slug;
  private final String labelTh;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
  private final List<String> columns;

  PortfolioKind(String slug, String labelTh, List<String> columns) {
    this.slug = slug;
    this.labelTh = labelTh;
    this.columns = columns;
  }

  /**
   * The kind's name in addresses and template file names ({@code
   * /onboarding/templates/members.xlsx}).
   */
  public String slug() {
    return slug;
  }

  public String labelTh() {
    return labelTh;
  }

  public List<String> columns() {
    return columns;
  }

  public static Optional<PortfolioKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
