package th.go.cdd.womenfund.repayment;

/** Where a payment was recorded from. */
public enum PaymentSource {
  OFFICER("เจ้าหน้าที่บันทึก"),
  API("บันทึกผ่านระบบ (REST)"),
  BANK_STATEMENT("นำเข้าจากรายการเดินบัญชีธนาคาร"),
  RISK_COVER("ชดใช้จากความคุ้มครองความเสี่ยง (ผู้กู้เสียชีวิต)"),
  DEMO("ข้อมูลตัวอย่าง"),
  IMPORT("นำเข้าจากทะเบียนเดิมของจังหวัด");

  private final String labelTh;

  PaymentSource(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
