package th.go.cdd.womenfund.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated table of rates: the one in force on a day is the latest that took effect on or before
 * it.
 */
@Repository
public class InterestRateRepository {

  private final JdbcClient jdbc;

  public InterestRateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public InterestRate rateOn(LocalDate day) {
    return jdbc.sql(
            "select effective_from, loan_rate_pct, default_rate_pct, announcement from interest_rate"
                + " where effective_from <= ? order by effective_from desc fetch first 1 rows only")
        .param(day)
        .query(InterestRateRepository::rate)
        .optional()
        .orElseThrow(() -> new IllegalStateException("no interest rate in force on " + day));
  }

  /**
   * Every announcement, oldest first: default interest over a period uses each rate for its own
   * days.
   */
  public List<InterestRate> all() {
    return jdbc.sql(
            "select effective_from, loan_rate_pct, default_rate_pct, announcement from interest_rate"
                + " order by effective_from")
        .query(InterestRateRepository::rate)
        .list();
  }

  private static InterestRate rate(ResultSet rs, int n) throws SQLException {
    return new InterestRate(
        rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4));
  }
}
