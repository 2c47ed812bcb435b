package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;

/**
 * ยอดปิดบัญชี (early settlement, issue 13): what settles a loan in full on a day, instead of the
 * whole term's interest. Per open installment:
 *
 * <ul>
 *   <li>its unpaid principal;
 *   <li>its interest earned up to the day, less what was paid of it: an installment due on or
 *       before the day has earned its whole scheduled interest; the installment whose period runs
 *       on the day (from the previous due date, or the transfer date for the first, to its own due
 *       date) has earned its scheduled interest times the days run over the days of the period,
 *       rounded half-up to the satang once (the schedule charges the contract rate on the
 *       outstanding principal for the days of each period, actual/365, so this is that rate for the
 *       days run); later installments have earned nothing;
 *   <li>its default interest accrued up to the day (the dated rate table, {@link DefaultInterest}).
 * </ul>
 *
 * What of an installment's scheduled interest is not earned is forgiven ({@code interestWaived})
 * when the loan is settled. Paying exactly {@link #total()} on the day closes the loan ({@link
 * PaymentAllocator#allocate}).
 *
 * @param parts one per open installment: what settling pays of it, and what of its interest it
 *     forgives
 */
public record Payoff(
    LocalDate asOf,
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal defaultInterest,
    List<Allocation> parts) {

  public BigDecimal total() {
    return principal.add(interest).add(defaultInterest);
  }

  /** Scheduled interest that settling on the day forgives. */
  public BigDecimal interestWaived() {
    return parts.stream().map(Allocation::interestWaived).reduce(zero(), BigDecimal::add);
  }

  /**
   * @param accrued the loan's open installments, default interest accrued to {@code asOf}
   * @param periodStarts for each installment (by seq), the day its interest period starts ({@link
   *     #periodStarts})
   */
  public static Payoff of(
      List<InstallmentState> accrued, Map<Integer, LocalDate> periodStarts, LocalDate asOf) {
    BigDecimal principal = zero();
    BigDecimal interest = zero();
    BigDecimal defaults = zero();
    List<Allocation> parts = new ArrayList<>();
    for (InstallmentState i :
        accrued.stream().sorted(Comparator.comparingInt(InstallmentState::seq)).toList()) {
      BigDecimal earned = earned(i, periodStarts.get(i.seq()), asOf);
      BigDecimal owed = earned.subtract(i.interestPaid()).max(zero()).min(i.unpaidInterest());
      Allocation part =
          new Allocation(
              i.seq(),
              i.unpaidDefaultInterest(),
              owed,
              i.unpaidPrincipal(),
              i.unpaidInterest().subtract(owed));
      principal = principal.add(part.principal());
      interest = interest.add(part.interest());
      defaults = defaults.add(part.defaultInterest());
      parts.add(part);
    }
    return new Payoff(asOf, principal, interest, defaults, List.copyOf(parts));
  }

  /**
   * The scheduled interest of {@code i} earned by {@code asOf} (its period starting on {@code
   * start}), net of what an earlier settlement forgave (a deceased borrower's share, settled by her
   * risk cover).
   */
  static BigDecimal earned(InstallmentState i, LocalDate start, LocalDate asOf) {
    BigDecimal scheduled = i.interest().subtract(i.interestWaived());
    if (!asOf.isBefore(i.dueDate())) {
      return scheduled;
    }
    if (start == null || !asOf.isAfter(start) || !i.dueDate().isAfter(start)) {
      return zero();
    }
    long run = ChronoUnit.DAYS.between(start, asOf);
    long days = ChronoUnit.DAYS.between(start, i.dueDate());
    return scheduled
        .multiply(BigDecimal.valueOf(run))
        .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
  }

  /**
   * The day each installment's interest period starts: the due date of the installment before it
   * (in seq order), the transfer date for the first.
   *
   * @param all every installment of the loan, settled or not
   */
  public static Map<Integer, LocalDate> periodStarts(
      List<InstallmentState> all, LocalDate transferDate) {
    Map<Integer, LocalDate> starts = new HashMap<>();
    LocalDate previous = transferDate;
    for (InstallmentState i :
        all.stream().sorted(Comparator.comparingInt(InstallmentState::seq)).toList()) {
      starts.put(i.seq(), previous);
      previous = i.dueDate();
    }
    return starts;
  }

  /** Markdown lines for forms, mails and the API. */
  public String summaryTh() {
    return "- ยอดปิดบัญชี ณ วันที่ "
        + ThaiDates.format(asOf)
        + ": "
        + ThaiMoney.format(total())
        + " (เงินต้น "
        + ThaiMoney.format(principal)
        + " ดอกเบี้ยถึงวันที่ปิดบัญชี "
        + ThaiMoney.format(interest)
        + " ดอกเบี้ยผิดนัด "
        + ThaiMoney.format(defaultInterest)
        + ")\n";
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
