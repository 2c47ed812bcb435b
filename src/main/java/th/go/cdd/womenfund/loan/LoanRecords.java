package th.go.cdd.womenfund.loan;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.member.NationalId;

/**
 * What other capabilities may ask of a loan's own records (loan is the one writer of {@code
 * loan_project}, {@code loan_borrower}, {@code family_acknowledgement} and {@code risk_cover}):
 * repayment locks a loan while it applies a payment; riskcover reads a borrower's cover and ends it
 * when she dies. Set-based reads by others go through the published views ({@code loan_view},
 * {@code loan_borrower_view}; V65).
 */
@Repository
public class LoanRecords {

  /**
   * A borrower of a loan with her family's acknowledgement and her risk cover (null fields when
   * none).
   */
  public record BorrowerCover(
      long memberId,
      NationalId nationalId,
      String fullName,
      BigDecimal amount,
      FamilyRelation relation,
      String acknowledgedBy,
      Boolean coverInForce,
      LocalDate coverFrom,
      String beneficiary) {}

  private final JdbcClient jdbc;

  public LoanRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the loan's row until the transaction ends, so two payments of one loan never interleave.
   */
  public void lock(long loanId) {
    jdbc.sql("select id from loan_project where id = ? for update")
        .param(loanId)
        .query(Long.class)
        .optional();
  }

  public Optional<BorrowerCover> borrowerCover(long loanId, String nationalId) {
    return jdbc.sql(
            "select m.id, m.national_id, m.full_name, b.amount, a.relation, a.full_name, c.in_force,"
                + " c.cover_from, c.beneficiary_name"
                + " from loan_borrower b join member_view m on m.id = b.member_id"
                + " left join family_acknowledgement a on a.loan_id = b.loan_id and a.member_id = b.member_id"
                + " left join risk_cover c on c.loan_id = b.loan_id and c.member_id = b.member_id"
                + " where b.loan_id = ? and m.national_id = ?")
        .params(loanId, nationalId)
        .query(
            (rs, n) ->
                new BorrowerCover(
                    rs.getLong(1),
                    new NationalId(rs.getString(2)),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getString(5) == null ? null : FamilyRelation.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getObject(7) == null ? null : rs.getBoolean(7),
                    date(rs, 8),
                    rs.getString(9)))
        .optional();
  }

  /** The borrower died: her risk cover of this loan ends. */
  public void endRiskCover(long loanId, long memberId) {
    jdbc.sql("update risk_cover set in_force = false where loan_id = ? and member_id = ?")
        .params(loanId, memberId)
        .update();
  }
}
