package th.go.cdd.womenfund.repayment;

import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.InstallmentSchedules;

/**
 * The loans' schedules in {@code repayment_installment}, repayment's table, as loan asks for them.
 */
@Repository
public class RepaymentSchedules implements InstallmentSchedules {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public RepaymentSchedules(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  @Override
  public void replace(long loanId, List<Installment> installments) {
    jdbc.sql("delete from repayment_installment where loan_id = ?").param(loanId).update();
    // one JDBC batch: a round trip for the whole schedule, not one per installment
    batch.batchUpdate(
        "insert into repayment_installment (loan_id, seq, due_date, principal, interest)"
            + " values (?, ?, ?, ?, ?)",
        installments.stream()
            .map(
                i ->
                    new Object[] {
                      loanId, i.seq(), Date.valueOf(i.dueDate()), i.principal(), i.interest()
                    })
            .toList());
  }

  @Override
  public List<Installment> of(long loanId) {
    return jdbc.sql(
            "select seq, due_date, principal, interest from repayment_installment where loan_id = ?"
                + " order by seq")
        .param(loanId)
        .query(
            (rs, n) ->
                new Installment(
                    rs.getInt(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4)))
        .list();
  }
}
