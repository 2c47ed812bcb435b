package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepaymentScheduleCalculatorTest {

  private static final LocalDate TRANSFER = LocalDate.of(2026, 1, 31);

  @ParameterizedTest
  @CsvSource({
    "100000.00,12,MONTHLY",
    "100000.00,36,MONTHLY",
    "99999.99,24,QUARTERLY",
    "150000.01,36,MONTHLY",
    "1605730.42,24,SEMIANNUAL",
    "0.05,12,MONTHLY",
    "200000.00,12,ANNUAL"
  })
  void principalSumsToTheLoanAmountToTheSatangAndTheLastInstallmentAbsorbsRounding(
      BigDecimal amount, int term, RepaymentFrequency frequency) {
    List<Installment> s =
        RepaymentScheduleCalculator.schedule(
            amount, new BigDecimal("0.1"), term, frequency, TRANSFER);
    assertThat(s).hasSize(term / frequency.months());
    assertThat(s.stream().map(Installment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(amount);
    BigDecimal regular = s.get(0).principal();
    assertThat(s.subList(0, s.size() - 1))
        .allSatisfy(i -> assertThat(i.principal()).isEqualByComparingTo(regular));
    assertThat(s.get(s.size() - 1).principal()).isGreaterThanOrEqualTo(regular);
    assertThat(s)
        .allSatisfy(
            i -> {
              assertThat(i.principal().scale()).isEqualTo(2);
              assertThat(i.interest().scale()).isEqualTo(2);
            });
  }

  @Test
  void interestIsOnTheDecliningBalanceByDays() {
    List<Installment> s =
        RepaymentScheduleCalculator.schedule(
            new BigDecimal("120000.00"),
            new BigDecimal("0.1"),
            12,
            RepaymentFrequency.MONTHLY,
            LocalDate.of(2026, 1, 1));
    // 120,000 x 0.1% x 31/365 = 10.19
    assertThat(s.get(0).interest()).isEqualByComparingTo("10.19");
    assertThat(s.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    // last month: 10,000 x 0.1% x 31/365 = 0.85 (Dec 2026 -> Jan 2027)
    assertThat(s.get(11).interest()).isEqualByComparingTo("0.85");
    assertThat(s.get(11).principal()).isEqualByComparingTo("10000.00");
  }

  @Test
  void remainderGoesToTheLastInstallment() {
    List<Installment> s =
        RepaymentScheduleCalculator.schedule(
            new BigDecimal("100000.00"), BigDecimal.ZERO, 36, RepaymentFrequency.MONTHLY, TRANSFER);
    assertThat(s.get(0).principal()).isEqualByComparingTo("2777.77");
    assertThat(s.get(35).principal()).isEqualByComparingTo("2778.05"); // 100,000.00 - 35 x 2,777.77
    assertThat(s.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 2, 28)); // month end kept sensible
  }
}
