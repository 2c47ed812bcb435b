package th.go.cdd.womenfund.loan;

/** งวดชำระคืน: how often the group repays. */
public enum RepaymentFrequency {
  MONTHLY(1, "รายเดือน"),
  QUARTERLY(3, "รายไตรมาส"),
  SEMIANNUAL(6, "ราย 6 เดือน"),
  ANNUAL(12, "รายปี");

  private final int months;
  private final String labelTh;

  RepaymentFrequency(int months, String labelTh) {
    this.months = months;
    this.labelTh = labelTh;
  }

  public int months() {
    return months;
  }

  public String labelTh() {
    return labelTh;
  }
}
