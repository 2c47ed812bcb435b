package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.member.NationalId;

/** Rounds, packages, candidates and debtors, and the checklist of documents. */
@Repository
public class RestructuringRepository {

  private final JdbcClient jdbc;

  public RestructuringRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record DocumentType(String code, String nameTh, boolean required, int number) {}

  /** A borrower of a disbursed loan in the district, with what the eligibility table needs. */
  public record LoanDebt(
      long loanId,
      String applicationNo,
      String loanStatus,
      LocalDate contractDate,
      long memberId,
      NationalId nationalId,
      String fullName,
      BigDecimal amount,
      LocalDate firstOverdue) {}

  public record Debtor(
      long id,
      int seq,
      long loanId,
      String applicationNo,
      long memberId,
      NationalId nationalId,
      String fullName,
      BigDecimal amount,
      int daysOverdue,
      boolean applies,
      String documents,
      String decision) {}

  @SuppressWarnings("JavaLangClash") // the fund's word for a district's set of papers
  public record Package(
      long id,
      long roundId,
      String districtCode,
      String status,
      LocalDate sentOn,
      LocalDate receivedOn,
      LocalDate submissionDue,
      String letterNo,
      LocalDate letterDate,
      Boolean submittedOnTime,
      BigDecimal totalAmount) {}

  public record Round(
      long id, String provinceCode, String title, String announcement, LocalDate openedOn) {}

  public List<DocumentType> documentTypes() {
    return jdbc.sql(
            "select code, name_th, required, sort_order from restructuring_document_type order by sort_order")
        .query(
            (rs, n) -> new DocumentType(rs.getString(1), rs.getString(2), rs.getBoolean(3), n + 1))
        .list();
  }

  public long insertRound(
      String provinceCode, String title, String announcement, LocalDate openedOn) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into restructuring_round (province_code, title, announcement, opened_on, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(provinceCode, title, announcement, openedOn, Timestamp.from(Instant.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void linkProcess(long roundId, String processInstanceId) {
    jdbc.sql("update restructuring_round set process_instance_id = ? where id = ?")
        .params(processInstanceId, roundId)
        .update();
  }

  public Round round(long roundId) {
    return jdbc.sql(
            "select id, province_code, title, announcement, opened_on from restructuring_round where id = ?")
        .param(roundId)
        .query(
            (rs, n) ->
                new Round(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDate(5).toLocalDate()))
        .single();
  }

  public void closeRound(long roundId, LocalDate closedOn) {
    jdbc.sql("update restructuring_round set closed_on = ? where id = ?")
        .params(closedOn, roundId)
        .update();
  }

  public long insertPackage(long roundId, String districtCode) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into restructuring_package (round_id, district_code, status) values (?, ?, ?)")
        .params(roundId, districtCode, PackageStatus.PREPARING.name())
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<Package> pkg(long packageId) {
    return jdbc.sql(
            "select id, round_id, district_code, status, sent_on, received_on, submission_due, letter_no,"
                + " letter_date, submitted_on_time, total_amount from restructuring_package where id = ?")
        .param(packageId)
        .query(
            (rs, n) ->
                new Package(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    date(rs, 5),
                    date(rs, 6),
                    date(rs, 7),
                    rs.getString(8),
                    date(rs, 9),
                    (Boolean) rs.getObject(10),
                    rs.getBigDecimal(11)))
        .optional();
  }

  public List<Package> packagesOfRound(long roundId) {
    return jdbc
        .sql("select id from restructuring_package where round_id = ? order by district_code")
        .param(roundId)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> pkg(id).orElseThrow())
        .toList();
  }

  /**
   * Borrowers of the district's loans that are repaying (disbursed) or were handed over to
   * restructuring by the overdue follow-up, with the first installment overdue on {@code today};
   * not those whose application in another package still waits for the Department's decision.
   */
  public List<LoanDebt> loanDebts(String districtCode, LocalDate today, long packageId) {
    return jdbc.sql(
            "select l.id, l.application_no, l.status, l.contract_date, m.id, m.national_id, m.full_name, b.amount,"
                + " (select min(i.due_date) from installment_view i where i.loan_id = l.id and i.due_date < ?"
                + " and i.settled_on is null)"
                + " from loan_view l join loan_borrower_view b on b.loan_id = l.id join member_view m on m.id = b.member_id"
                + " where l.district_code = ? and l.status in ('DISBURSED', 'RESTRUCTURING')"
                + " and not exists (select 1 from restructuring_debtor x where x.loan_id = l.id and x.package_id <> ?"
                + " and x.applies = true and x.decision is null)"
                + " order by l.id, m.id")
        .params(today, districtCode, packageId)
        .query(
            (rs, n) ->
                new LoanDebt(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    date(rs, 4),
                    rs.getLong(5),
                    new NationalId(rs.getString(6)),
                    rs.getString(7),
                    rs.getBigDecimal(8),
                    date(rs, 9)))
        .list();
  }

  /**
   * The part of a loan's principal still owed: installments' principal less what payments applied
   * to it.
   */
  public BigDecimal outstandingPrincipal(long loanId) {
    return jdbc.sql(
            "select coalesce(sum(principal - principal_paid), 0) from installment_view where loan_id = ?"
                + " and restructured_on is null")
        .param(loanId)
        .query(BigDecimal.class)
        .single();
  }

  public BigDecimal loanAmount(long loanId) {
    return jdbc.sql("select requested_amount from loan_view where id = ?")
        .param(loanId)
        .query(BigDecimal.class)
        .single();
  }

  public void insertCandidate(
      long packageId, int seq, LoanDebt d, BigDecimal amount, int daysOverdue) {
    jdbc.sql(
            "insert into restructuring_debtor (package_id, seq, loan_id, member_id, amount, days_overdue, applies, documents)"
                + " values (?, ?, ?, ?, ?, ?, false, '')")
        .params(packageId, seq, d.loanId(), d.memberId(), amount, daysOverdue)
        .update();
  }

  /**
   * The next number for a candidate of the package: numbers once shown are never given to another.
   */
  public int nextSeq(long packageId) {
    return jdbc.sql(
            "select coalesce(max(seq), 0) + 1 from restructuring_debtor where package_id = ?")
        .param(packageId)
        .query(Integer.class)
        .single();
  }

  public void deleteCandidate(long debtorId) {
    jdbc.sql("delete from restructuring_debtor where id = ? and applies = false")
        .param(debtorId)
        .update();
  }

  public void linkPackageProcess(long packageId, String processInstanceId) {
    jdbc.sql("update restructuring_package set process_instance_id = ? where id = ?")
        .params(processInstanceId, packageId)
        .update();
  }

  /** A package still being prepared by its district, with its process instance. */
  public record Preparing(long packageId, String processInstanceId) {}

  /** The district's packages being prepared in rounds not yet closed. */
  public List<Preparing> preparing(String districtCode) {
    return jdbc.sql(
            "select p.id, p.process_instance_id from restructuring_package p join restructuring_round r"
                + " on r.id = p.round_id where p.district_code = ? and p.status = ? and r.closed_on is null order by p.id")
        .params(districtCode, PackageStatus.PREPARING.name())
        .query((rs, n) -> new Preparing(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /** A loan as the Department's decision needs it. */
  public record DecidedLoan(
      long loanId, String applicationNo, String status, String districtCode, String provinceCode) {}

  public DecidedLoan decidedLoan(long loanId) {
    return jdbc.sql(
            "select id, application_no, status, district_code, province_code from loan_view where id = ?")
        .param(loanId)
        .query(
            (rs, n) ->
                new DecidedLoan(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .single();
  }

  public void recordDecision(long debtorId, String decision, String note) {
    jdbc.sql("update restructuring_debtor set decision = ?, decision_note = ? where id = ?")
        .params(decision, note, debtorId)
        .update();
  }

  public void markDecided(
      long packageId, String letterNo, LocalDate letterDate, LocalDate recordedOn) {
    jdbc.sql(
            "update restructuring_package set status = ?, decision_letter_no = ?, decision_letter_date = ?,"
                + " decision_recorded_on = ? where id = ?")
        .params(PackageStatus.DECIDED.name(), letterNo, letterDate, recordedOn, packageId)
        .update();
  }

  /** What a rescheduling carried over, waived and gave. */
  public record Reschedule(
      long loanId,
      long packageId,
      String districtCode,
      String provinceCode,
      LocalDate decidedOn,
      String letterNo,
      BigDecimal carriedPrincipal,
      BigDecimal carriedInterest,
      BigDecimal waivedInterest,
      BigDecimal carriedDefaultInterest,
      BigDecimal waivedDefaultInterest,
      BigDecimal newInterest,
      int firstSeq,
      int installments,
      String frequency,
      int termMonths,
      String ruleReason,
      String recordedBy) {}

  public void insertReschedule(Reschedule r) {
    jdbc.sql(
            "insert into loan_reschedule (loan_id, package_id, district_code, province_code, decided_on, letter_no,"
                + " carried_principal, carried_interest, waived_interest, carried_default_interest,"
                + " waived_default_interest,"
                + " new_interest, first_seq, installments, frequency, term_months, rule_reason, recorded_by, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.loanId(),
            r.packageId(),
            r.districtCode(),
            r.provinceCode(),
            r.decidedOn(),
            r.letterNo(),
            r.carriedPrincipal(),
            r.carriedInterest(),
            r.waivedInterest(),
            r.carriedDefaultInterest(),
            r.waivedDefaultInterest(),
            r.newInterest(),
            r.firstSeq(),
            r.installments(),
            r.frequency(),
            r.termMonths(),
            r.ruleReason().length() > 500 ? r.ruleReason().substring(0, 500) : r.ruleReason(),
            r.recordedBy(),
            Timestamp.from(Instant.now()))
        .update();
  }

  public List<Debtor> debtors(long packageId) {
    return jdbc.sql(
            "select d.id, d.seq, d.loan_id, l.application_no, d.member_id, m.national_id, m.full_name, d.amount,"
                + " d.days_overdue, d.applies, d.documents, d.decision from restructuring_debtor d"
                + " join loan_view l on l.id = d.loan_id join member_view m on m.id = d.member_id"
                + " where d.package_id = ? order by d.seq")
        .param(packageId)
        .query(
            (rs, n) ->
                new Debtor(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getLong(5),
                    new NationalId(rs.getString(6)),
                    rs.getString(7),
                    rs.getBigDecimal(8),
                    rs.getInt(9),
                    rs.getBoolean(10),
                    rs.getString(11),
                    rs.getString(12)))
        .list();
  }

  public void markApplicant(long debtorId, String documents) {
    jdbc.sql("update restructuring_debtor set applies = true, documents = ? where id = ?")
        .params(documents, debtorId)
        .update();
  }

  public void clearApplicants(long packageId) {
    jdbc.sql("update restructuring_debtor set applies = false, documents = '' where package_id = ?")
        .param(packageId)
        .update();
  }

  public void markSent(
      long packageId,
      PackageStatus status,
      String nothingReason,
      LocalDate sentOn,
      BigDecimal total) {
    jdbc.sql(
            "update restructuring_package set status = ?, nothing_reason = ?, sent_on = ?, total_amount = ? where id = ?")
        .params(status.name(), nothingReason, sentOn, total, packageId)
        .update();
  }

  public void markReceived(long packageId, LocalDate receivedOn, LocalDate due) {
    jdbc.sql(
            "update restructuring_package set status = ?, received_on = ?, submission_due = ? where id = ?")
        .params(PackageStatus.RECEIVED.name(), receivedOn, due, packageId)
        .update();
  }

  public void markSubmitted(long packageId, String letterNo, LocalDate letterDate, boolean onTime) {
    jdbc.sql(
            "update restructuring_package set status = ?, letter_no = ?, letter_date = ?, submitted_on_time = ?"
                + " where id = ?")
        .params(PackageStatus.SUBMITTED.name(), letterNo, letterDate, onTime, packageId)
        .update();
  }

  public void markAcknowledged(long packageId, String meetingReference, LocalDate meetingDate) {
    jdbc.sql(
            "update restructuring_package set status = ?, meeting_reference = ?, meeting_date = ? where id = ?")
        .params(PackageStatus.ACKNOWLEDGED.name(), meetingReference, meetingDate, packageId)
        .update();
  }

  /**
   * Packages the province received and has not yet sent to the Department: their deadline still
   * runs.
   */
  public List<Package> awaitingSubmission() {
    return jdbc
        .sql(
            "select id from restructuring_package where status = ? and submission_due is not null order by id")
        .param(PackageStatus.RECEIVED.name())
        .query(Long.class)
        .list()
        .stream()
        .map(id -> pkg(id).orElseThrow())
        .toList();
  }

  public void moveSubmissionDue(long packageId, LocalDate due) {
    jdbc.sql("update restructuring_package set submission_due = ? where id = ?")
        .params(due, packageId)
        .update();
  }
}
