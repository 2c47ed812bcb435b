package th.go.cdd.womenfund.loan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications the committees rejected, for the retention of their personal data (PDPA,
 * docs/OPERATIONS.md): who borrowed on nothing but applications rejected before a day, and the
 * family acknowledgements of those applications. The loan rows themselves stay (figures and reports
 * need them).
 */
@Component
public class RejectedApplications {

  static final String FAMILY_NAME_REMOVED = "-";
  private static final String REJECTED =
      "('"
          + LoanStatus.REJECTED_BY_DISTRICT.name()
          + "', '"
          + LoanStatus.REJECTED_BY_PROVINCE.name()
          + "')";

  private final JdbcClient jdbc;

  RejectedApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Members named on applications, every one of them rejected (last change) before {@code cutoff}.
   */
  public List<Long> borrowersOnlyOnApplicationsRejectedBefore(Instant cutoff) {
    return jdbc.sql(
            "select b.member_id from loan_borrower b join loan_project p on p.id = b.loan_id"
                + " group by b.member_id having sum(case when p.status in "
                + REJECTED
                + " and p.updated_at < ? then 0 else 1 end) = 0")
        .param(Timestamp.from(cutoff))
        .query(Long.class)
        .list();
  }

  /**
   * Blanks the family members' names acknowledged on applications rejected before {@code cutoff}.
   */
  public int forgetFamilyNames(Instant cutoff) {
    return jdbc.sql(
            "update family_acknowledgement set full_name = ? where full_name <> ? and loan_id in"
                + " (select id from loan_project where status in "
                + REJECTED
                + " and updated_at < ?)")
        .params(FAMILY_NAME_REMOVED, FAMILY_NAME_REMOVED, Timestamp.from(cutoff))
        .update();
  }
}
