package th.go.cdd.womenfund.loan;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.member.Member;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.member.NationalId;

/**
 * The fund's loan tables: groups, projects, borrowers, acknowledgements, risk cover, installments.
 */
@Repository
public class LoanRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final MemberRepository members;
  private final InstallmentSchedules schedules;

  public LoanRepository(
      JdbcClient jdbc,
      JdbcTemplate batch,
      MemberRepository members,
      InstallmentSchedules schedules) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.members = members;
    this.schedules = schedules;
  }

  /** A stored project, as much as later steps need. */
  public record StoredLoan(
      long id,
      String applicationNo,
      long groupId,
      String groupName,
      String districtCode,
      String provinceCode,
      BigDecimal amount,
      int termMonths,
      RepaymentFrequency frequency,
      LoanStatus status,
      String contactName,
      String contactEmail,
      LocalDate contractDate,
      LocalDate transferDate) {}

  /** A borrower with her family's acknowledgement, for risk cover and notices. */
  public record StoredBorrower(
      long memberId,
      NationalId nationalId,
      String fullName,
      BigDecimal amount,
      FamilyRelation ackRelation,
      String ackName) {}

  /** A newly registered project: its id and the application number made from it. */
  public record NewLoan(long id, String applicationNo) {}

  public NewLoan insert(LoanApplication app, LocalDate today) {
    Timestamp now = Timestamp.from(Instant.now());
    KeyHolder groupKey = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into women_group (name, sub_district_code, contact_name, contact_email,"
                + " contact_phone, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(groupColumns(app, now))
        .update(groupKey, "id");
    long groupId = groupKey.getKey().longValue();
    KeyHolder loanKey = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into loan_project (group_id, district_code, province_code, purpose,"
                + " occupation_category, requested_amount, term_months, repayment_frequency, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            groupId,
            app.subDistrict().districtCode(),
            app.subDistrict().provinceCode(),
            app.purpose(),
            app.occupation().name(),
            app.requestedAmount(),
            app.termMonths(),
            app.frequency().name(),
            LoanStatus.REGISTERED.name(),
            now,
            now)
        .update(loanKey, "id");
    long loanId = loanKey.getKey().longValue();
    String applicationNo =
        String.format(
            "LA-%s-%d-%05d", app.subDistrict().districtCode(), today.getYear() + 543, loanId);
    write(
        "update loan_project set application_no = ?, applied_on = ? where id = ?",
        applicationNo,
        today,
        loanId);
    insertBorrowers(loanId, app);
    return new NewLoan(loanId, applicationNo);
  }

  public void update(long loanId, LoanApplication app) {
    StoredLoan loan = find(loanId).orElseThrow();
    jdbc.sql(
            "update women_group set name = ?, sub_district_code = ?, contact_name = ?, contact_email = ?,"
                + " contact_phone = ? where id = ?")
        .params(groupColumns(app, loan.groupId()))
        .update();
    jdbc.sql(
            "update loan_project set purpose = ?, occupation_category = ?, requested_amount = ?, term_months = ?,"
                + " repayment_frequency = ?, updated_at = ? where id = ?")
        .params(
            app.purpose(),
            app.occupation().name(),
            app.requestedAmount(),
            app.termMonths(),
            app.frequency().name(),
            Timestamp.from(Instant.now()),
            loanId)
        .update();
    jdbc.sql("delete from family_acknowledgement where loan_id = ?").param(loanId).update();
    jdbc.sql("delete from loan_borrower where loan_id = ?").param(loanId).update();
    insertBorrowers(loanId, app);
  }

  private void insertBorrowers(long loanId, LoanApplication app) {
    Map<String, Long> memberIds =
        members.saveAll(
            app.borrowers().stream()
                .map(
                    b ->
                        new Member(
                            null,
                            b.nationalId(),
                            b.fullName(),
                            b.birthDate(),
                            b.residentSince(),
                            app.subDistrict().code()))
                .toList());
    // two JDBC batches: one round trip for the borrowers, one for their families' acknowledgements
    batch.batchUpdate(
        "insert into loan_borrower (loan_id, member_id, amount) values (?, ?, ?)",
        app.borrowers().stream()
            .map(b -> new Object[] {loanId, memberIds.get(b.nationalId().value()), b.amount()})
            .toList());
    batch.batchUpdate(
        "insert into family_acknowledgement (loan_id, member_id, relation, full_name, acknowledged_on)"
            + " values (?, ?, ?, ?, ?)",
        app.borrowers().stream()
            .map(
                b ->
                    new Object[] {
                      loanId,
                      memberIds.get(b.nationalId().value()),
                      b.acknowledgement().relation().name(),
                      b.acknowledgement().fullName(),
                      java.sql.Date.valueOf(b.acknowledgement().date())
                    })
            .toList());
  }

  public Optional<StoredLoan> find(long loanId) {
    return jdbc.sql(
            "select l.id, l.application_no, l.group_id, g.name, l.district_code, l.province_code,"
                + " l.requested_amount, l.term_months, l.repayment_frequency, l.status, g.contact_name, g.contact_email,"
                + " l.contract_date, l.transfer_date"
                + " from loan_project l join women_group g on g.id = l.group_id where l.id = ?")
        .param(loanId)
        .query(
            (rs, n) ->
                new StoredLoan(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBigDecimal(7),
                    rs.getInt(8),
                    RepaymentFrequency.valueOf(rs.getString(9)),
                    LoanStatus.valueOf(rs.getString(10)),
                    rs.getString(11),
                    rs.getString(12),
                    date(rs, 13),
                    date(rs, 14)))
        .optional();
  }

  public List<StoredBorrower> borrowers(long loanId) {
    return jdbc.sql(
            "select m.id, m.national_id, m.full_name, b.amount, a.relation, a.full_name"
                + " from loan_borrower b join member_view m on m.id = b.member_id"
                + " join family_acknowledgement a on a.loan_id = b.loan_id and a.member_id = b.member_id"
                + " where b.loan_id = ? order by m.id")
        .param(loanId)
        .query(
            (rs, n) ->
                new StoredBorrower(
                    rs.getLong(1),
                    new NationalId(rs.getString(2)),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    FamilyRelation.valueOf(rs.getString(5)),
                    rs.getString(6)))
        .list();
  }

  public void setProcessInstance(long loanId, String processInstanceId) {
    write(
        "update loan_project set process_instance_id = ? where id = ?", processInstanceId, loanId);
  }

  public void setStatus(long loanId, LoanStatus status) {
    write(
        "update loan_project set status = ?, updated_at = ? where id = ?",
        status.name(),
        Timestamp.from(Instant.now()),
        loanId);
  }

  public void setProvinceApprovedOn(long loanId, LocalDate day) {
    write("update loan_project set province_approved_on = ? where id = ?", day, loanId);
  }

  public void setEndorsedOn(long loanId, LocalDate day) {
    write("update loan_project set endorsed_on = ? where id = ?", day, loanId);
  }

  public void setScreenedOn(long loanId, LocalDate day) {
    write("update loan_project set screened_on = ? where id = ?", day, loanId);
  }

  /** The women's group's columns as the application keys them, then one more value. */
  private static Object[] groupColumns(LoanApplication app, Object last) {
    return new Object[] {
      app.groupName(),
      app.subDistrict().code(),
      app.contactName(),
      app.contactEmail(),
      app.contactPhone(),
      last
    };
  }

  /** One statement that changes rows, with its parameters in order. */
  private void write(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }

  /**
   * The day each step of the loan was done, from the fund's records (null: not done yet, or done
   * before the column existed).
   */
  public record StepDates(
      LocalDate appliedOn,
      LocalDate endorsedOn,
      LocalDate screenedOn,
      LocalDate provinceApprovedOn,
      LocalDate contractDate,
      LocalDate transferDate) {}

  public StepDates stepDates(long loanId) {
    return jdbc.sql(
            "select applied_on, endorsed_on, screened_on, province_approved_on, contract_date, transfer_date"
                + " from loan_project where id = ?")
        .param(loanId)
        .query(
            (rs, n) ->
                new StepDates(
                    date(rs, 1), date(rs, 2), date(rs, 3), date(rs, 4), date(rs, 5), date(rs, 6)))
        .single();
  }

  public void recordContract(
      long loanId, String contractNo, LocalDate contractDate, BigDecimal ratePct) {
    jdbc.sql(
            "update loan_project set contract_no = ?, contract_date = ?, interest_rate_pct = ?, status = ?,"
                + " updated_at = ? where id = ?")
        .params(
            contractNo,
            contractDate,
            ratePct,
            LoanStatus.CONTRACT_SIGNED.name(),
            Timestamp.from(Instant.now()),
            loanId)
        .update();
  }

  /**
   * Starts the risk cover of every borrower of the loan, with her family's acknowledger as
   * beneficiary (one batch).
   */
  public void insertRiskCovers(long loanId, List<StoredBorrower> borrowers, LocalDate from) {
    batch.batchUpdate(
        "insert into risk_cover (loan_id, member_id, beneficiary_name, beneficiary_relation, cover_from,"
            + " in_force) values (?, ?, ?, ?, ?, ?)",
        borrowers.stream()
            .map(
                b ->
                    new Object[] {
                      loanId,
                      b.memberId(),
                      b.ackName(),
                      b.ackRelation().name(),
                      java.sql.Date.valueOf(from),
                      true
                    })
            .toList());
  }

  public void insertRiskCover(
      long loanId, long memberId, String beneficiary, FamilyRelation relation, LocalDate from) {
    jdbc.sql(
            "insert into risk_cover (loan_id, member_id, beneficiary_name, beneficiary_relation, cover_from, in_force)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(loanId, memberId, beneficiary, relation.name(), from, true)
        .update();
  }

  public int riskCoversInForce(long loanId) {
    return jdbc.sql("select count(*) from risk_cover where loan_id = ? and in_force = true")
        .param(loanId)
        .query(Integer.class)
        .single();
  }

  public void recordTransfer(long loanId, LocalDate transferDate, String reference) {
    write(
        "update loan_project set transfer_date = ?, transfer_reference = ?, updated_at = ? where id = ?",
        transferDate,
        reference,
        Timestamp.from(Instant.now()),
        loanId);
  }

  public BigDecimal contractRate(long loanId) {
    return jdbc.sql("select interest_rate_pct from loan_project where id = ?")
        .param(loanId)
        .query(BigDecimal.class)
        .single();
  }

  /** Sets the loan's schedule (kept by repayment, {@link InstallmentSchedules}). */
  public void replaceSchedule(long loanId, List<Installment> installments) {
    schedules.replace(loanId, installments);
  }

  public List<Installment> schedule(long loanId) {
    return schedules.of(loanId);
  }
}
