package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Overdue debt from the repayment schedules of disbursed loans: an installment's principal is outstanding
 * until paid, and overdue once its due date has passed unpaid. This tree has no payment ledger yet, so
 * {@link #PAID_PRINCIPAL} is 0: swap that one expression (or give a {@code @Primary} implementation of
 * {@link OverdueFigures} over the ledger and its daily snapshots) when repayments are recorded.
 */
@Component
public class InstallmentOverdueFigures implements OverdueFigures {

  /**
   * The principal paid against installment {@code i} (of loan {@code i.loan_id}, number {@code i.seq}).
   * With a ledger, e.g. {@code coalesce((select sum(p.principal) from repayment p where p.loan_id = i.loan_id
   * and p.seq = i.seq and p.paid_on < ?), 0)} (then bind {@code asOf} once more).
   */
  static final String PAID_PRINCIPAL = "0";

  private static final String SQL = "with owed as ("
      + " select l.district_code, i.due_date, i.principal - " + PAID_PRINCIPAL + " as unpaid"
      + " from repayment_installment i join loan_project l on l.id = i.loan_id"
      + " where l.province_code = ? and l.status = 'DISBURSED')"
      + " select district_code, sum(unpaid), sum(case when due_date < ? then unpaid else 0 end)"
      + " from owed group by district_code order by district_code";

  private final JdbcClient jdbc;

  public InstallmentOverdueFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<DistrictOverdue> byDistrict(String provinceCode, LocalDate asOf) {
    return jdbc.sql(SQL).params(provinceCode, asOf)
        .query((rs, n) -> new DistrictOverdue(rs.getString(1), nz(rs.getBigDecimal(2)), nz(rs.getBigDecimal(3))))
        .list();
  }

  private static BigDecimal nz(BigDecimal v) {
    return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
  }
}
