package th.go.cdd.womenfund.meeting;

import java.time.LocalDate;

/** Where a resolution stands on a day: done, open, or open past its due date. */
public enum ResolutionStatus {
  DONE("ดำเนินการแล้ว"),
  OPEN("อยู่ระหว่างดำเนินการ"),
  LATE("เลยกำหนด");

  private final String labelTh;

  ResolutionStatus(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }

  /** Done once reported done; otherwise late after its due day. */
  public static ResolutionStatus of(boolean done, LocalDate dueOn, LocalDate asOf) {
    if (done) {
      return DONE;
    }
    return asOf.isAfter(dueOn) ? LATE : OPEN;
  }
}
