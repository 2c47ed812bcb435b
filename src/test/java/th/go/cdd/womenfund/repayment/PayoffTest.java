package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.InterestRate;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.loan.RepaymentScheduleCalculator;
import th.go.cdd.womenfund.riskcover.DeathClaimService;

/**
 * Early settlement (issue 13, item 11): the pay-off of a day charges interest only up to that day,
 * against hand-computed figures. The loan: 12,000.00 at 3% a year, 12 monthly installments from 15
 * Jan 2026 (actual/365).
 */
class PayoffTest {

  static final LocalDate TRANSFER = LocalDate.of(2026, 1, 15);
  static final List<InterestRate> THREE_PERCENT =
      List.of(
          new InterestRate(
              LocalDate.of(2013, 1, 1), new BigDecimal("3.0000"), new BigDecimal("3.0000"), "3%"));

  static List<InstallmentState> schedule() {
    List<Installment> plan =
        RepaymentScheduleCalculator.schedule(
            new BigDecimal("12000.00"),
            new BigDecimal("3"),
            12,
            RepaymentFrequency.MONTHLY,
            TRANSFER);
    return plan.stream()
        .map(i -> InstallmentState.scheduled(i.seq(), i.dueDate(), i.principal(), i.interest()))
        .toList();
  }

  static Map<Integer, LocalDate> starts() {
    return Payoff.periodStarts(schedule(), TRANSFER);
  }

  @Test
  void theScheduleChargesTheRateOnTheOutstandingPrincipalForTheDaysOfEachPeriod() {
    List<InstallmentState> s = schedule();
    // #1 15 Jan - 15 Feb, 31 days: 12,000 x 3% x 31 / 365 = 30.5753 -> 30.58
    assertThat(s.get(0).interest()).isEqualByComparingTo("30.58");
    // #2 15 Feb - 15 Mar, 28 days on 11,000: 25.3151 -> 25.32; #3 31 days on 10,000: 25.4795 ->
    // 25.48
    assertThat(s.get(1).interest()).isEqualByComparingTo("25.32");
    assertThat(s.get(2).interest()).isEqualByComparingTo("25.48");
    assertThat(PaymentAllocator.scheduledOwed(s)).isGreaterThan(new BigDecimal("12190"));
  }

  @Test
  void theDayAfterTheTransferThePayoffIsThePrincipalAndOneDaysInterest() {
    LocalDate day = TRANSFER.plusDays(1);
    Payoff p = Payoff.of(PaymentAllocator.accrued(schedule(), day, THREE_PERCENT), starts(), day);
    // #1: 30.58 x 1 / 31 = 0.9865 -> 0.99 (= 12,000 x 3% / 365 = 0.9863); nothing of the later
    // installments
    assertThat(p.principal()).isEqualByComparingTo("12000.00");
    assertThat(p.interest()).isEqualByComparingTo("0.99");
    assertThat(p.defaultInterest()).isEqualByComparingTo("0.00");
    assertThat(p.total()).isEqualByComparingTo("12000.99");

    // paying exactly that closes the loan: every installment settled, the rest of the interest
    // forgiven
    List<InstallmentState> accrued = PaymentAllocator.accrued(schedule(), day, THREE_PERCENT);
    PaymentAllocator.Result r =
        PaymentAllocator.allocate(accrued, new BigDecimal("12000.99"), day, starts());
    assertThat(r.unallocated()).isEqualByComparingTo("0.00");
    assertThat(r.installments())
        .allSatisfy(
            i -> {
              assertThat(i.settledOn()).isEqualTo(day);
              assertThat(i.unpaid()).isEqualByComparingTo("0.00");
            });
    assertThat(r.allocations().get(0))
        .isEqualTo(
            new Allocation(1, money("0.00"), money("0.99"), money("1000.00"), money("29.59")));
    assertThat(r.allocations().get(1))
        .isEqualTo(
            new Allocation(2, money("0.00"), money("0.00"), money("1000.00"), money("25.32")));
    assertThat(
            r.allocations().stream()
                .map(Allocation::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("12000.99");
    // one satang less is an ordinary payment: the loan stays open with the schedule's interest
    PaymentAllocator.Result partial =
        PaymentAllocator.allocate(accrued, new BigDecimal("12000.98"), day, starts());
    assertThat(partial.installments()).anySatisfy(i -> assertThat(i.settledOn()).isNull());
  }

  @Test
  void inTheMiddleOfAPeriodItChargesTheDaysRunOnTheOutstandingPrincipal() {
    // #1 paid in full on its due date; on 1 Mar, 14 of #2's 28 days have run: 25.32 x 14 / 28 =
    // 12.66
    // (11,000 x 3% x 14 / 365 = 12.6575 -> 12.66)
    List<InstallmentState> s = schedule();
    InstallmentState first =
        s.get(0)
            .paying(
                new Allocation(1, money("0.00"), money("30.58"), money("1000.00")),
                s.get(0).dueDate());
    List<InstallmentState> open = s.subList(1, s.size());
    LocalDate day = LocalDate.of(2026, 3, 1);
    Payoff p = Payoff.of(PaymentAllocator.accrued(open, day, THREE_PERCENT), starts(), day);
    assertThat(first.settledOn()).isEqualTo(LocalDate.of(2026, 2, 15));
    assertThat(p.principal()).isEqualByComparingTo("11000.00");
    assertThat(p.interest()).isEqualByComparingTo("12.66");
    assertThat(p.total()).isEqualByComparingTo("11012.66");
  }

  @Test
  void anOverdueInstallmentOwesItsWholeInterestAndDefaultInterestToTheDay() {
    // #1 paid; #2 (due 15 Mar) unpaid; on 20 Mar: #2's 25.32 in full, default interest 1,000 x 3% x
    // 5 / 365 = 0.4110
    // -> 0.41, and 5 of #3's 31 days: 25.48 x 5 / 31 = 4.1097 -> 4.11. 11,000 + 25.32 + 4.11 + 0.41
    // = 11,029.84
    List<InstallmentState> open = schedule().subList(1, 12);
    LocalDate day = LocalDate.of(2026, 3, 20);
    List<InstallmentState> accrued = PaymentAllocator.accrued(open, day, THREE_PERCENT);
    Payoff p = Payoff.of(accrued, starts(), day);
    assertThat(p.interest()).isEqualByComparingTo("29.43");
    assertThat(p.defaultInterest()).isEqualByComparingTo("0.41");
    assertThat(p.total()).isEqualByComparingTo("11029.84");
    LoanBalance b = LoanBalance.of(accrued, day, p);
    assertThat(b.payoff()).isEqualByComparingTo("11029.84");
    assertThat(b.interestToDate()).isEqualByComparingTo("29.43");
    assertThat(b.arrears()).isEqualByComparingTo("1025.73"); // 1,000 + 25.32 + 0.41
    assertThat(b.summaryTh()).contains("ยอดปิดบัญชี ณ วันที่ 20 มีนาคม 2569: 11,029.84 บาท");

    PaymentAllocator.Result r =
        PaymentAllocator.allocate(accrued, new BigDecimal("11029.84"), day, starts());
    assertThat(r.installments()).allSatisfy(i -> assertThat(i.settledOn()).isEqualTo(day));
    assertThat(r.allocations().get(0))
        .isEqualTo(
            new Allocation(2, money("0.41"), money("25.32"), money("1000.00"), money("0.00")));
    assertThat(r.allocations().get(1))
        .isEqualTo(
            new Allocation(3, money("0.00"), money("4.11"), money("1000.00"), money("21.37")));
  }

  @Test
  void aDeceasedBorrowersShareIsHerPartOfThePayoffOnTheDayOfHerDeath() {
    // she borrowed 3,000 of the 12,000 (a quarter); she died on 16 Jan, the day after the transfer
    LocalDate death = TRANSFER.plusDays(1);
    Payoff p =
        Payoff.of(PaymentAllocator.accrued(schedule(), death, THREE_PERCENT), starts(), death);
    List<Allocation> shares =
        DeathClaimService.shares(p, new BigDecimal("3000.00"), new BigDecimal("12000.00"));
    // #1: principal 1,000 / 4 = 250.00; interest 0.99 / 4 = 0.2475 -> 0.25; forgiven 30.58 / 4 =
    // 7.645 -> 7.65, less 0.25
    assertThat(shares.get(0))
        .isEqualTo(new Allocation(1, money("0.00"), money("0.25"), money("250.00"), money("7.40")));
    // #2: principal 250.00, no interest earned, its 25.32 / 4 = 6.33 forgiven
    assertThat(shares.get(1))
        .isEqualTo(new Allocation(2, money("0.00"), money("0.00"), money("250.00"), money("6.33")));
    BigDecimal paid =
        shares.stream().map(Allocation::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(paid)
        .isEqualByComparingTo(
            "3000.25"); // 12 x 250.00 + 0.25, not a quarter of the whole term's interest
    PaymentAllocator.Result r = PaymentAllocator.allocateShares(schedule(), shares, death);
    assertThat(r.installments().get(0).unpaidInterest())
        .isEqualByComparingTo("22.93"); // 30.58 - 0.25 - 7.40
    assertThat(r.installments().get(0).unpaidPrincipal()).isEqualByComparingTo("750.00");
  }

  static BigDecimal money(String s) {
    return new BigDecimal(s);
  }
}
