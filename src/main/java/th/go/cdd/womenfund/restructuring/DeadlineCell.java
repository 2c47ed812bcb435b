package th.go.cdd.womenfund.restructuring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A package's submission deadline as the province's pages show it ("เหลือ 3 วัน"), and whether it
 * wants attention: sent late, overdue, or due within two days.
 */
record DeadlineCell(String text, boolean alert) {

  static final DeadlineCell NONE = new DeadlineCell("", false);

  /** {@code submittedOnTime} null while the package is not yet sent to the Department. */
  static DeadlineCell of(LocalDate asOf, LocalDate due, Boolean submittedOnTime) {
    if (due == null) {
      return NONE;
    }
    long days = ChronoUnit.DAYS.between(asOf, due);
    if (submittedOnTime != null) {
      return new DeadlineCell(
          submittedOnTime ? "ส่งกรมตามกำหนด" : "ส่งกรมเลยกำหนด", !submittedOnTime);
    } else if (days < 0) {
      return new DeadlineCell("เลยกำหนด " + (-days) + " วัน", true);
    } else {
      return new DeadlineCell(days == 0 ? "ครบกำหนดวันนี้" : "เหลือ " + days + " วัน", days <= 2);
    }
  }
}
