package th.go.cdd.womenfund.riskcover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.loan.LoanRecords;
import th.go.cdd.womenfund.loan.LoanRecords.BorrowerCover;
import th.go.cdd.womenfund.member.MemberRepository;

/**
 * Death claims ({@code death_claim}, riskcover's table). The borrowers they concern and their risk
 * cover are loan's records, asked of {@link LoanRecords}; national ids of {@link MemberRepository}.
 */
@Repository
public class DeathClaimRepository {

  private final JdbcClient jdbc;
  private final LoanRecords loans;
  private final MemberRepository members;

  public DeathClaimRepository(JdbcClient jdbc, LoanRecords loans, MemberRepository members) {
    this.jdbc = jdbc;
    this.loans = loans;
    this.members = members;
  }

  public record Claim(
      long id,
      long loanId,
      long memberId,
      LocalDate deathDate,
      String certificateNo,
      String status,
      BigDecimal herShare,
      boolean covered,
      BigDecimal settledAmount,
      BigDecimal remainingWithGroup) {}

  /** From loan's records ({@link LoanRecords}): riskcover keeps only its claims. */
  public Optional<BorrowerCover> borrower(long loanId, String nationalId) {
    return loans.borrowerCover(loanId, nationalId);
  }

  /** A claim for this borrower and loan that was not rejected. */
  public Optional<Claim> activeClaim(long loanId, long memberId) {
    return jdbc.sql(SELECT + " where loan_id = ? and member_id = ? and status <> 'REJECTED'")
        .params(loanId, memberId)
        .query(DeathClaimRepository::row)
        .optional();
  }

  public Claim find(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(DeathClaimRepository::row).single();
  }

  public long insert(
      long loanId,
      long memberId,
      LocalDate deathDate,
      String certificateNo,
      LocalDate today,
      String reportedBy,
      BigDecimal borrowerAmount,
      BigDecimal loanAmount,
      BigDecimal outstanding,
      BigDecimal herShare,
      boolean covered) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into death_claim (loan_id, member_id, death_date, certificate_no, reported_on, reported_by,"
                + " borrower_amount, loan_amount, outstanding, her_share, covered, status)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED')")
        .params(
            loanId,
            memberId,
            deathDate,
            certificateNo,
            today,
            reportedBy,
            borrowerAmount,
            loanAmount,
            outstanding,
            herShare,
            covered)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public String nationalIdOf(long memberId) {
    return members.nationalIdOf(memberId);
  }

  public void linkProcess(long claimId, String processInstanceId) {
    jdbc.sql("update death_claim set process_instance_id = ? where id = ?")
        .params(processInstanceId, claimId)
        .update();
  }

  public void decide(
      long claimId, String status, BigDecimal settled, BigDecimal remaining, String reason) {
    jdbc.sql(
            "update death_claim set status = ?, settled_amount = ?, remaining_with_group = ?, decision_reason = ?"
                + " where id = ?")
        .params(status, settled, remaining, reason, claimId)
        .update();
  }

  public void endCover(long loanId, long memberId) {
    loans.endRiskCover(loanId, memberId);
  }

  public void recordLetter(long claimId, String letterNo, LocalDate letterDate) {
    jdbc.sql("update death_claim set letter_no = ?, letter_date = ? where id = ?")
        .params(letterNo, letterDate, claimId)
        .update();
  }

  private static final String SELECT =
      "select id, loan_id, member_id, death_date, certificate_no, status, her_share,"
          + " covered, settled_amount, remaining_with_group from death_claim";

  private static Claim row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Claim(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getDate(4).toLocalDate(),
        rs.getString(5),
        rs.getString(6),
        rs.getBigDecimal(7),
        rs.getBoolean(8),
        rs.getBigDecimal(9),
        rs.getBigDecimal(10));
  }
}
