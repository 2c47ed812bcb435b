package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.loan.InterestRate;

/** Default interest and the order in which a payment is applied, against hand-computed figures. */
class PaymentAllocationTest {

  static final List<InterestRate> THREE_PERCENT =
      List.of(
          new InterestRate(
              LocalDate.of(2013, 1, 1), new BigDecimal("3.0000"), new BigDecimal("3.0000"), "3%"));
  static final List<InterestRate> ANNOUNCEMENTS =
      List.of(
          new InterestRate(
              LocalDate.of(2013, 1, 1), new BigDecimal("3.0000"), new BigDecimal("3.0000"), "เดิม"),
          new InterestRate(
              LocalDate.of(2020, 7, 1),
              new BigDecimal("0.1000"),
              new BigDecimal("0.1000"),
              "2563 ฉบับที่ 4"));

  static BigDecimal money(String s) {
    return new BigDecimal(s);
  }

  static InstallmentState open(int seq, LocalDate due, String principal, String interest) {
    return InstallmentState.scheduled(seq, due, money(principal), money(interest));
  }

  @Test
  void defaultInterestIsActual365OnTheUnpaidPrincipalForTheDaysAfterTheDueDate() {
    // 36,500.00 at 3% for 10 days = 30.00 exactly
    assertThat(
            DefaultInterest.accrue(
                money("36500.00"),
                LocalDate.of(2021, 3, 1),
                LocalDate.of(2021, 3, 11),
                THREE_PERCENT))
        .isEqualByComparingTo("30.00");
    // no day has passed, or nothing is unpaid: nothing accrues
    assertThat(
            DefaultInterest.accrue(
                money("1000.00"),
                LocalDate.of(2021, 3, 1),
                LocalDate.of(2021, 3, 1),
                THREE_PERCENT))
        .isEqualByComparingTo("0.00");
    assertThat(
            DefaultInterest.accrue(
                money("0.00"), LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 1), THREE_PERCENT))
        .isEqualByComparingTo("0.00");
  }

  @Test
  void aPeriodAcrossANewAnnouncementUsesEachRateForItsOwnDays() {
    // 16..30 June 2020: 15 days at 3%; 1..15 July: 15 days at 0.1% -> 10,000 x (45 + 1.5) / 36,500
    // = 12.7397
    assertThat(
            DefaultInterest.accrue(
                money("10000.00"),
                LocalDate.of(2020, 6, 15),
                LocalDate.of(2020, 7, 15),
                ANNOUNCEMENTS))
        .isEqualByComparingTo("12.74");
    // entirely after the cut: 10,000 x 0.1% x 30 / 365 = 0.8219
    assertThat(
            DefaultInterest.accrue(
                money("10000.00"),
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 1, 31),
                ANNOUNCEMENTS))
        .isEqualByComparingTo("0.82");
  }

  @Test
  void aPaymentGoesToDefaultInterestThenInterestThenPrincipalOfTheOldestInstallment() {
    LocalDate paidOn = LocalDate.of(2026, 3, 10);
    List<InstallmentState> open =
        List.of(
            open(2, LocalDate.of(2026, 2, 28), "1000.00", "9.00"),
            open(1, LocalDate.of(2026, 1, 31), "1000.00", "10.00"),
            open(3, LocalDate.of(2026, 3, 31), "1000.00", "8.00"));
    List<InstallmentState> accrued = PaymentAllocator.accrued(open, paidOn, THREE_PERCENT);
    // #1: 1,000 x 3% x 38 days / 365 = 3.1233 -> 3.12; #2: 10 days -> 0.8219 -> 0.82; #3 not yet
    // due
    assertThat(accrued.get(1).unpaidDefaultInterest()).isEqualByComparingTo("3.12");
    assertThat(accrued.get(0).unpaidDefaultInterest()).isEqualByComparingTo("0.82");
    assertThat(accrued.get(2).unpaidDefaultInterest()).isEqualByComparingTo("0.00");
    assertThat(PaymentAllocator.scheduledOwed(accrued)).isEqualByComparingTo("3030.94");

    PaymentAllocator.Result r = PaymentAllocator.allocate(accrued, money("1500.00"), paidOn);
    assertThat(r.allocations())
        .containsExactly(
            new Allocation(1, money("3.12"), money("10.00"), money("1000.00")),
            new Allocation(2, money("0.82"), money("9.00"), money("477.06")));
    assertThat(r.unallocated()).isEqualByComparingTo("0.00");
    assertThat(r.installments().get(0).settledOn()).isEqualTo(paidOn);
    assertThat(r.installments().get(1).settledOn()).isNull();
    assertThat(r.installments().get(1).unpaidPrincipal()).isEqualByComparingTo("522.94");

    Map<Integer, LocalDate> starts =
        Payoff.periodStarts(r.installments(), LocalDate.of(2025, 12, 31));
    LoanBalance after =
        LoanBalance.of(
            r.installments().subList(1, 3),
            paidOn,
            Payoff.of(r.installments().subList(1, 3), starts, paidOn));
    assertThat(after.arrears()).isEqualByComparingTo("522.94");
    assertThat(after.overduePrincipal()).isEqualByComparingTo("522.94");
    assertThat(after.daysOverdue()).isEqualTo(10);
    assertThat(after.oldestOverdueDueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(after.nextDueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    // pay-off: #2 522.94 (its interest and default interest paid); #3 1,000.00 and the interest of
    // 10 of its 31 days,
    // 8.00 x 10 / 31 = 2.5806 -> 2.58 (not the whole 8.00)
    assertThat(after.interestToDate()).isEqualByComparingTo("2.58");
    assertThat(after.payoff()).isEqualByComparingTo("1525.52");
  }

  @Test
  void aPartialPaymentStopsWhereTheMoneyEndsAndDefaultInterestContinuesOnTheReducedPrincipal() {
    LocalDate due = LocalDate.of(2026, 1, 31);
    List<InstallmentState> accrued =
        PaymentAllocator.accrued(
            List.of(open(1, due, "3650.00", "10.00")), LocalDate.of(2026, 3, 2), THREE_PERCENT);
    // 30 days: 3,650 x 3% x 30 / 365 = 9.00
    assertThat(accrued.get(0).unpaidDefaultInterest()).isEqualByComparingTo("9.00");
    PaymentAllocator.Result r =
        PaymentAllocator.allocate(accrued, money("1844.00"), LocalDate.of(2026, 3, 2));
    assertThat(r.allocations())
        .containsExactly(new Allocation(1, money("9.00"), money("10.00"), money("1825.00")));
    InstallmentState left = r.installments().get(0);
    assertThat(left.unpaidPrincipal()).isEqualByComparingTo("1825.00");
    // 10 more days on 1,825: 1,825 x 3% x 10 / 365 = 1.50, counted from the payment date
    InstallmentState later = left.accruedTo(LocalDate.of(2026, 3, 12), THREE_PERCENT);
    assertThat(later.unpaidDefaultInterest()).isEqualByComparingTo("1.50");
    assertThat(later.overdueOn(LocalDate.of(2026, 3, 12))).isTrue();
  }

  @Test
  void anInstallmentDueTodayIsNotOverdueAndAccruesNothing() {
    LocalDate due = LocalDate.of(2026, 3, 31);
    InstallmentState i = open(1, due, "1000.00", "1.00").accruedTo(due, THREE_PERCENT);
    assertThat(i.unpaidDefaultInterest()).isEqualByComparingTo("0.00");
    assertThat(i.overdueOn(due)).isFalse();
    assertThat(i.overdueOn(due.plusDays(1))).isTrue();
    LoanBalance b =
        LoanBalance.of(List.of(i), due, Payoff.of(List.of(i), Map.of(1, due.minusMonths(1)), due));
    assertThat(b.inArrears()).isFalse();
    assertThat(b.nextDueDate()).isEqualTo(due);
  }

  @Test
  void shareAllocationPaysTheGivenPartOfEachInstallment() {
    LocalDate day = LocalDate.of(2026, 1, 15);
    List<InstallmentState> open =
        List.of(
            open(1, LocalDate.of(2026, 1, 31), "1000.00", "1.00"),
            open(2, LocalDate.of(2026, 2, 28), "1000.00", "0.50"));
    PaymentAllocator.Result r =
        PaymentAllocator.allocateShares(
            open,
            List.of(
                new Allocation(1, money("0.00"), money("0.20"), money("200.00")),
                new Allocation(2, money("0.00"), money("0.10"), money("200.00"))),
            day);
    assertThat(r.installments())
        .extracting(InstallmentState::unpaidPrincipal)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(money("800.00"), money("800.00"));
    assertThat(r.installments())
        .extracting(InstallmentState::unpaidInterest)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(money("0.80"), money("0.40"));
  }
}
