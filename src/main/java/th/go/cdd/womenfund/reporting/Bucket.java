package th.go.cdd.womenfund.reporting;

/** Delinquency buckets: how many days the oldest unpaid installment of a loan is past due. */
public enum Bucket {
  DAYS_1_30("1-30 วัน", 1, 30),
  DAYS_31_60("31-60 วัน", 31, 60),
  DAYS_61_90("61-90 วัน", 61, 90),
  OVER_90("เกิน 90 วัน", 91, Integer.MAX_VALUE);

  private final String labelTh;
  private final int fromDay;
  private final int toDay;

  Bucket(String labelTh, int fromDay, int toDay) {
    this.labelTh = labelTh;
    this.fromDay = fromDay;
    this.toDay = toDay;
  }

  public String labelTh() {
    return labelTh;
  }

  public int fromDay() {
    return fromDay;
  }

  public int toDay() {
    return toDay;
  }

  /** The bucket of a loan this many days behind; null when it is not behind. */
  public static Bucket of(int daysOverdue) {
    for (Bucket b : values()) {
      if (daysOverdue >= b.fromDay && daysOverdue <= b.toDay) {
        return b;
      }
    }
    return null;
  }
}
