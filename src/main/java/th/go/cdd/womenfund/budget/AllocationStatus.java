package th.go.cdd.womenfund.budget;

/** Where a subsidy allocation stands. */
public enum AllocationStatus {
  PROPOSED("รอคณะอนุกรรมการฯ จังหวัดพิจารณา"),
  RETURNED("ส่งกลับแก้ไข"),
  APPROVED("อนุมัติแล้ว"),
  REJECTED("ไม่อนุมัติ"),
  SUPERSEDED("ถูกแทนที่ด้วยการจัดสรรที่อนุมัติภายหลัง");

  private final String thai;

  AllocationStatus(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
