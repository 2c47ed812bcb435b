package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import th.go.cdd.womenfund.loan.InterestRate;

/**
 * ดอกเบี้ยผิดนัด: default interest on the unpaid principal of an overdue installment, for each day
 * after {@code from} up to and including {@code to}, at the default rate in force on that day (the
 * dated {@code interest_rate} table: a period that spans a new announcement uses each rate for its
 * own days), actual/365. The exact sum is rounded half-up to the satang once per accrual.
 */
public final class DefaultInterest {

  private static final BigDecimal DAYS_IN_YEAR_PCT = new BigDecimal("36500");

  private DefaultInterest() {}

  /**
   * @param rates every announcement, oldest first
   */
  public static BigDecimal accrue(
      BigDecimal principal, LocalDate from, LocalDate to, List<InterestRate> rates) {
    if (principal.signum() <= 0 || !to.isAfter(from)) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal pctDays = BigDecimal.ZERO; // sum over days of the rate in percent
    for (int i = 0; i < rates.size(); i++) {
      InterestRate rate = rates.get(i);
      // the rate covers days d with effectiveFrom <= d < next.effectiveFrom; we count days d in
      // (from, to]
      LocalDate periodStart = rate.effectiveFrom().minusDays(1); // exclusive lower bound
      LocalDate periodEnd =
          i + 1 < rates.size() ? rates.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
      LocalDate lo = max(from, periodStart);
      LocalDate hi = min(to, periodEnd);
      if (hi.isAfter(lo)) {
        pctDays =
            pctDays.add(
                rate.defaultRatePct()
                    .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(lo, hi))));
      }
    }
    if (rates.isEmpty() || from.isBefore(rates.get(0).effectiveFrom().minusDays(1))) {
      throw new IllegalStateException("no default interest rate in force on " + from.plusDays(1));
    }
    return principal.multiply(pctDays).divide(DAYS_IN_YEAR_PCT, 2, RoundingMode.HALF_UP);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
