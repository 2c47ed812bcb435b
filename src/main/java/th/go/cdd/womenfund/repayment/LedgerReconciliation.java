package th.go.cdd.womenfund.repayment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every installment's paid-to-date principal against its ledger: {@code principal_paid} must be the
 * principal of its allocations plus their corrections, since {@link PortfolioArrears} reads today's
 * figures from it. Checked every night after the portfolio snapshot; the count of installments out
 * of step is the gauge {@code womenfund_ledger_disagreements} (0 when all is well: alert on
 * anything else), and each is logged at ERROR with the loan and installment.
 */
@Component
public class LedgerReconciliation {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerReconciliation.class);
  private static final int LOGGED = 50;

  private static final String DISAGREEMENTS =
      """
      select i.loan_id || '/' || i.seq || ': ' || i.principal_paid || ' <> ' || coalesce(a.paid, 0)
      from repayment_installment i
      left join (
        select loan_id, seq, sum(principal) as paid
        from (
          select loan_id, seq, principal from payment_allocation
          union all
          select loan_id, seq, principal from allocation_correction
        ) u
        group by loan_id, seq
      ) a on a.loan_id = i.loan_id and a.seq = i.seq
      where i.principal_paid <> coalesce(a.paid, 0)
      order by i.loan_id, i.seq
      """;

  private final JdbcClient jdbc;
  private final AtomicLong lastCount = new AtomicLong();

  public LedgerReconciliation(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    Gauge.builder("womenfund.ledger.disagreements", lastCount, AtomicLong::get)
        .description(
            "Installments whose principal paid differs from their allocations, at the last check")
        .register(registry);
  }

  /** Installments out of step, as "loan/seq: principal_paid <> allocations", in loan order. */
  public List<String> disagreements() {
    return jdbc.sql(DISAGREEMENTS).query(String.class).list();
  }

  /** Checks every installment, sets the gauge and logs those out of step; returns how many. */
  public int check() {
    List<String> out = disagreements();
    lastCount.set(out.size());
    if (!out.isEmpty()) {
      LOG.error(
          "ยอดเงินต้นที่ชำระแล้วของ {} งวดไม่ตรงกับรายการชำระ (loan/seq: principal_paid <> allocations): {}",
          out.size(),
          out.subList(0, Math.min(LOGGED, out.size())));
    }
    return out.size();
  }
}
