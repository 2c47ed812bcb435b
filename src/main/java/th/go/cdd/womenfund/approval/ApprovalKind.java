package th.go.cdd.womenfund.approval;

/** What waits for a second person's approval (maker-checker, issue 11). */
public enum ApprovalKind {
  PAYMENT("การรับชำระหนี้"),
  STATEMENT("การนำเข้ารายการเดินบัญชีธนาคาร"),
  BUDGET("การกำหนดงบบริหารของอำเภอ"),
  DISBURSEMENT("การเบิกจ่ายงบบริหาร"),
  REVERSAL("การกลับรายการรับชำระหนี้");

  private final String labelTh;

  ApprovalKind(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
