package th.go.cdd.womenfund.loan;

/** Where a loan project stands, as the fund's own tables record it. */
public enum LoanStatus {
  REGISTERED("ยื่นคำขอ"),
  RETURNED("ส่งกลับให้แก้ไข"),
  DISTRICT_APPROVED("อนุกรรมการอำเภอเห็นชอบ"),
  REJECTED_BY_DISTRICT("อนุกรรมการอำเภอไม่เห็นชอบ"),
  APPROVED("อนุกรรมการจังหวัดอนุมัติ"),
  REJECTED_BY_PROVINCE("อนุกรรมการจังหวัดไม่อนุมัติ"),
  CONTRACT_SIGNED("ทำสัญญาแล้ว"),
  DISBURSED("โอนเงินแล้ว"),
  // repayment and follow-up (issue 4)
  CLOSED("ชำระครบแล้ว"),
  RESTRUCTURING("ส่งปรับโครงสร้างหนี้"),
  LEGAL_ACTION("ส่งดำเนินการทางกฎหมาย");

  private final String labelTh;

  LoanStatus(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
