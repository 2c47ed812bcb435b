package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal principal installments with interest on the declining balance, counted in days
 * (actual/365). Principal is rounded down to the satang; the last installment absorbs the
 * remainder, so the principal sums exactly to the loan amount. Interest is rounded half-up to the
 * satang.
 */
public final class RepaymentScheduleCalculator {

  private static final BigDecimal DAYS_IN_YEAR = new BigDecimal("365");
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private RepaymentScheduleCalculator() {}

  public static List<Installment> schedule(
      BigDecimal amount,
      BigDecimal annualRatePct,
      int termMonths,
      RepaymentFrequency frequency,
      LocalDate startDate) {
    if (amount.signum() <= 0 || termMonths <= 0 || termMonths % frequency.months() != 0) {
      throw new IllegalArgumentException(
          "amount must be positive and the term a whole number of periods");
    }
    int count = termMonths / frequency.months();
    BigDecimal regular = amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    BigDecimal rate = annualRatePct.divide(HUNDRED, 10, RoundingMode.UNNECESSARY);
    List<Installment> result = new ArrayList<>(count);
    BigDecimal outstanding = amount.setScale(2, RoundingMode.UNNECESSARY);
    LocalDate from = startDate;
    for (int seq = 1; seq <= count; seq++) {
      LocalDate due = startDate.plusMonths((long) seq * frequency.months());
      BigDecimal principal = seq == count ? outstanding : regular;
      long days = ChronoUnit.DAYS.between(from, due);
      BigDecimal interest =
          outstanding
              .multiply(rate)
              .multiply(BigDecimal.valueOf(days))
              .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
      result.add(new Installment(seq, due, principal, interest));
      outstanding = outstanding.subtract(principal);
      from = due;
    }
    return List.copyOf(result);
  }
}
