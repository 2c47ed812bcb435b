package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paid-to-date summary against the ledger (issue 15): every installment's {@code
 * principal_paid} is the principal of its allocations plus their corrections, and on days no
 * payment is dated after, {@link PortfolioArrears}' two computations give the same figures to the
 * satang. Called after the tests that write the ledger in each way: payments, a reversal that
 * re-allocates later payments, a reschedule, the risk cover, the portfolio import and the demo's
 * year of payments.
 */
public final class PaidToDate {

  private PaidToDate() {}

  /** Installments whose paid-to-date principal differs from their ledger, as text. */
  public static List<String> disagreements(JdbcClient jdbc) {
    return new LedgerReconciliation(jdbc, new SimpleMeterRegistry()).disagreements();
  }

  /**
   * Asserts the invariant on every installment of the database, and the two computations equal on
   * the day of the last payment and on days after it that move loans across every band (1–30,
   * 31–60, 61–90, over 90 days), for the country and for each province with loans.
   */
  public static void assertAgreesWithLedger(JdbcClient jdbc, PortfolioArrears arrears) {
    assertThat(disagreements(jdbc)).as("principal_paid = allocations + corrections").isEmpty();
    List<LocalDate> max =
        jdbc.sql("select max(paid_on) from repayment_payment").query(LocalDate.class).list();
    LocalDate last = max.get(0) == null ? LocalDate.of(2026, 1, 1) : max.get(0);
    List<String> provinces =
        jdbc.sql("select distinct province_code from loan_view order by province_code")
            .query(String.class)
            .list();
    for (int days : new int[] {0, 1, 29, 31, 45, 61, 75, 91, 200, 400}) {
      LocalDate d = last.plusDays(days);
      assertThat(arrears.paymentsDatedAfter(d)).isFalse();
      assertThat(arrears.fromPaidToDate(d, null))
          .as("the country on " + d)
          .isEqualTo(arrears.fromLedger(d, null))
          .isEqualTo(arrears.byDistrictOn(d, null));
      for (String p : provinces) {
        assertThat(arrears.fromPaidToDate(d, p))
            .as("province " + p + " on " + d)
            .isEqualTo(arrears.fromLedger(d, p));
      }
    }
  }
}
