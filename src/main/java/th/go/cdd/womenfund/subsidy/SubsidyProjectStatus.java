package th.go.cdd.womenfund.subsidy;

import java.util.Set;

/** Where a subsidy-type project stands. */
public enum SubsidyProjectStatus {
  REGISTERED("รอคณะทำงานฯ ตำบลรับรอง"),
  ENDORSED("รอคณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา"),
  SCREENED("รอคณะอนุกรรมการกองทุนฯ จังหวัดอนุมัติ"),
  REJECTED_BY_DISTRICT("อำเภอไม่เห็นชอบ"),
  REJECTED_BY_PROVINCE("จังหวัดไม่อนุมัติ"),
  APPROVED("อนุมัติแล้ว รอโอนเงิน"),
  DISBURSED("โอนเงินแล้ว รอรายงานผล"),
  CLOSED("รายงานผลแล้ว ปิดโครงการ");

  /** The statuses whose total is spent from the district's allocation. */
  public static final Set<SubsidyProjectStatus> COMMITTED = Set.of(APPROVED, DISBURSED, CLOSED);

  private final String thai;

  SubsidyProjectStatus(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
