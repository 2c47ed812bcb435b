package th.go.cdd.womenfund.restructuring;

/** Where a district's restructuring package stands. */
public enum PackageStatus {
  PREPARING("อำเภอกำลังรวบรวมเอกสาร"),
  NOTHING_TO_SEND("อำเภอไม่มีผู้ขอปรับโครงสร้างหนี้"),
  SENT_TO_PROVINCE("อำเภอส่งจังหวัดแล้ว"),
  RECEIVED("จังหวัดรับเอกสารแล้ว"),
  SUBMITTED("จังหวัดส่งกรมแล้ว"),
  ACKNOWLEDGED("คณะอนุกรรมการจังหวัดรับทราบแล้ว"),
  DECIDED("บันทึกผลการพิจารณาของกรมแล้ว");

  private final String labelTh;

  PackageStatus(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }
}
