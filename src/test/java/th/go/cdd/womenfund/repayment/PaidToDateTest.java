package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * The arrears read from each installment's paid-to-date principal (issue 15) only where that is
 * exact, and a summary out of step with the ledger is found.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class PaidToDateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Actor OFFICER = new Actor("officer2305", List.of(Roles.districtOfficers("2305")));

  @Autowired PaymentService payments;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired PortfolioArrears arrears;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.reporting.PortfolioQuality quality;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  double gauge() {
    return meters.get("womenfund.ledger.disagreements").gauge().value();
  }

  long pay(long loanId, String date, String amount, String reference) {
    return payments
        .record(
            loanId,
            new PaymentInput(null, date, amount, reference, null),
            PaymentSource.OFFICER,
            OFFICER,
            TODAY)
        .paymentId();
  }

  /** Trat (23), where this test's loans are, on {@code day}, by each computation. */
  BigDecimal trat(List<PortfolioArrears.DistrictArrears> rows) {
    return rows.stream()
        .map(PortfolioArrears.DistrictArrears::outstanding)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void onADayWithPaymentsDatedAfterItTheFiguresComeFromTheLedger() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มชำระภายหลัง " + System.nanoTime());
    pay(loanId, "10/02/2569", "1500", "PTD-1-" + loanId);
    pay(loanId, "10/03/2569", "700", "PTD-2-" + loanId);
    PaidToDate.assertAgreesWithLedger(jdbc, arrears);

    // on 1 March the second payment (10 March) had not been made: the ledger counts its 700 less
    // interest as still owed, the installments' paid to date do not; the figure is the ledger's
    LocalDate march1 = LocalDate.of(2026, 3, 1);
    assertThat(arrears.paymentsDatedAfter(march1)).isTrue();
    List<PortfolioArrears.DistrictArrears> ledger = arrears.fromLedger(march1, "23");
    assertThat(arrears.byDistrictOn(march1, "23")).isEqualTo(ledger);
    assertThat(trat(ledger).subtract(trat(arrears.fromPaidToDate(march1, "23"))))
        .as("the second payment's principal")
        .isPositive();
  }

  @Test
  void anInstallmentWhosePaidToDateDiffersFromItsAllocationsIsFound() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มสรุปไม่ตรง " + System.nanoTime());
    pay(loanId, "10/02/2569", "1500", "PTD-3-" + loanId);
    assertThat(PaidToDate.disagreements(jdbc)).isEmpty();
    String outOfStep =
        "update repayment_installment set principal_paid = principal_paid + ? where loan_id = ? and seq = 2";
    jdbc.sql(outOfStep).params(new BigDecimal("0.01"), loanId).update();
    try {
      assertThat(PaidToDate.disagreements(jdbc)).containsExactly(loanId + "/2: 480.98 <> 480.97");
      LocalDate day = LocalDate.of(2099, 1, 1);
      assertThat(arrears.fromPaidToDate(day, "23")).isNotEqualTo(arrears.fromLedger(day, "23"));
      // the nightly task after the snapshot finds it: the gauge an operator alerts on
      quality.run(day);
      assertThat(gauge()).isEqualTo(1.0);
    } finally {
      jdbc.sql(outOfStep).params(new BigDecimal("-0.01"), loanId).update();
      jdbc.sql("delete from portfolio_snapshot where snapshot_date = ?")
          .param(LocalDate.of(2099, 1, 1))
          .update();
    }
    assertThat(PaidToDate.disagreements(jdbc)).isEmpty();
    quality.run(LocalDate.of(2099, 1, 1));
    assertThat(gauge()).isZero();
    jdbc.sql("delete from portfolio_snapshot where snapshot_date = ?")
        .param(LocalDate.of(2099, 1, 1))
        .update();
  }
}
