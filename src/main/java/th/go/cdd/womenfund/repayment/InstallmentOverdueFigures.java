package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Overdue debt from the repayment schedules of disbursed loans: an installment's principal is outstanding
 * until paid, and overdue once its due date has passed unpaid. Payments come from the repayment ledger
 * (the principal that {@code repayment/PaymentAllocator} applied to each installment).
 */
@Component
public class InstallmentOverdueFigures implements OverdueFigures {

  /** The principal paid against installment {@code i}, as the repayment ledger applied it. */
  static final String PAID_PRINCIPAL = "i.principal_paid";

  private static final String SQL = "with owed as ("
      + " select l.district_code, i.due_date, i.principal - " + PAID_PRINCIPAL + " as unpaid"
      + " from repayment_installment i join loan_project l on l.id = i.loan_id"
      + " where l.province_code = ? and l.status = 'DISBURSED'"
      // a rescheduled loan: its old installments count until the day they were closed, the new ones from that day
      + " and (i.restructured_on is null or i.restructured_on > ?)"
      + " and (i.rescheduled_from is null or i.rescheduled_from <= ?))"
      + " select district_code, sum(unpaid), sum(case when due_date < ? then unpaid else 0 end)"
      + " from owed group by district_code order by district_code";

  private final JdbcClient jdbc;

  public InstallmentOverdueFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<DistrictOverdue> byDistrict(String provinceCode, LocalDate asOf) {
    return jdbc.sql(SQL).params(provinceCode, asOf, asOf, asOf)
        .query((rs, n) -> new DistrictOverdue(rs.getString(1), nz(rs.getBigDecimal(2)), nz(rs.getBigDecimal(3))))
        .list();
  }

  private static BigDecimal nz(BigDecimal v) {
    return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
  }
}
