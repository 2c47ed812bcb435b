package th.go.cdd.womenfund.repayment;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.approval.ApprovalRepository;
import th.go.cdd.womenfund.loan.LoanRecords;
import th.go.cdd.womenfund.loan.LoanStatus;

/** Payments, their allocation to installments, and the installments' paid amounts. */
@Repository
public class RepaymentRepository {

  private static final String LOAN_COLUMNS =
      "select l.id, l.application_no, l.contract_no, g.name, l.district_code,"
          + " l.province_code, l.requested_amount, l.status, l.transfer_date, g.contact_name, g.contact_email"
          + " from loan_view l join women_group_view g on g.id = l.group_id";
  private static final String PAYMENT_COLUMNS =
      "select id, loan_id, paid_on, amount, reference, source, recorded_by"
          + " from repayment_payment";
  private static final String INSTALLMENT_COLUMNS =
      "select seq, due_date, principal, interest, principal_paid,"
          + " interest_paid, default_interest, default_interest_paid, accrued_until, settled_on, interest_waived"
          + " from repayment_installment";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final LoanRecords loans;
  private final ApprovalRepository approvals;

  public RepaymentRepository(
      JdbcClient jdbc, JdbcTemplate template, LoanRecords loans, ApprovalRepository approvals) {
    this.jdbc = jdbc;
    this.template = template;
    this.loans = loans;
    this.approvals = approvals;
  }

  public record StoredPayment(
      long id,
      long loanId,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      PaymentSource source,
      String recordedBy) {}

  public Optional<RepaymentLoan> loan(long loanId) {
    return jdbc.sql(LOAN_COLUMNS + " where l.id = ?")
        .param(loanId)
        .query(RepaymentRepository::loanRow)
        .optional();
  }

  /**
   * Loans whose contract number or application number is {@code number} (contract numbers may
   * repeat).
   */
  public List<RepaymentLoan> loansNumbered(String number) {
    return jdbc.sql(LOAN_COLUMNS + " where l.contract_no = ? or l.application_no = ? order by l.id")
        .params(number, number)
        .query(RepaymentRepository::loanRow)
        .list();
  }

  /**
   * Locks the loan's row until the transaction ends, so two payments of one loan never interleave.
   */
  public void lock(long loanId) {
    loans.lock(loanId);
  }

  public List<InstallmentState> openInstallments(long loanId) {
    return jdbc.sql(INSTALLMENT_COLUMNS + " where loan_id = ? and settled_on is null order by seq")
        .param(loanId)
        .query(RepaymentRepository::installmentRow)
        .list();
  }

  public List<InstallmentState> installments(long loanId) {
    return jdbc.sql(INSTALLMENT_COLUMNS + " where loan_id = ? order by seq")
        .param(loanId)
        .query(RepaymentRepository::installmentRow)
        .list();
  }

  /**
   * The loan's schedule since its latest reschedule: the decision day ({@code rescheduled_from}),
   * its first installment, and the default interest the installments closed that day left unpaid
   * (what {@link Rescheduling} carried into the first new installment when the terms carried it).
   */
  public record LatestSchedule(LocalDate from, int firstSeq, BigDecimal unpaidDefaultClosed) {}

  public Optional<LatestSchedule> latestSchedule(long loanId) {
    return jdbc.sql(
            "select i.rescheduled_from, min(i.seq),"
                + " (select coalesce(sum(c.default_interest - c.default_interest_paid), 0)"
                + " from repayment_installment c where c.loan_id = i.loan_id"
                + " and c.restructured_on = i.rescheduled_from)"
                + " from repayment_installment i where i.loan_id = ? and i.rescheduled_from ="
                + " (select max(m.rescheduled_from) from repayment_installment m where m.loan_id = ?)"
                + " group by i.loan_id, i.rescheduled_from")
        .params(loanId, loanId)
        .query(
            (rs, n) ->
                new LatestSchedule(date(rs, 1), rs.getInt(2), rs.getBigDecimal(3).setScale(2)))
        .optional();
  }

  /** The date of the loan's latest payment still in force (a reversed payment no longer counts). */
  public Optional<LocalDate> lastPaymentDate(long loanId) {
    List<java.sql.Date> last =
        jdbc.sql(
                "select max(paid_on) from repayment_payment p where loan_id = ?"
                    + " and not exists (select 1 from payment_reversal v where v.payment_id = p.id)")
            .param(loanId)
            .query((rs, n) -> rs.getDate(1))
            .list();
    return last.isEmpty() || last.get(0) == null
        ? Optional.empty()
        : Optional.of(last.get(0).toLocalDate());
  }

  public Optional<StoredPayment> paymentWithReference(long loanId, String reference) {
    return jdbc.sql(PAYMENT_COLUMNS + " where loan_id = ? and reference = ?")
        .params(loanId, reference)
        .query(RepaymentRepository::paymentRow)
        .optional();
  }

  public List<StoredPayment> payments(long loanId) {
    return jdbc.sql(PAYMENT_COLUMNS + " where loan_id = ? order by paid_on, id")
        .param(loanId)
        .query(RepaymentRepository::paymentRow)
        .list();
  }

  public Optional<StoredPayment> payment(long paymentId) {
    return jdbc.sql(PAYMENT_COLUMNS + " where id = ?")
        .param(paymentId)
        .query(RepaymentRepository::paymentRow)
        .optional();
  }

  /** The ids of the loan's payments that were reversed (payment_reversal). */
  public java.util.Set<Long> reversedPayments(long loanId) {
    return new java.util.HashSet<>(
        jdbc.sql("select payment_id from payment_reversal where loan_id = ?")
            .param(loanId)
            .query(Long.class)
            .list());
  }

  /**
   * What each payment of the loan paid of each installment as it stands: its allocation plus the
   * corrections reversals wrote. Keyed by payment id, in installment order.
   */
  public java.util.Map<Long, List<Allocation>> effectiveAllocations(long loanId) {
    java.util.Map<Long, List<Allocation>> result = new java.util.HashMap<>();
    jdbc.sql(
            "select payment_id, seq, sum(default_interest), sum(interest), sum(principal), sum(interest_waived) from ("
                + " select payment_id, seq, default_interest, interest, principal, interest_waived from payment_allocation"
                + " where loan_id = ?"
                + " union all"
                + " select payment_id, seq, default_interest, interest, principal, interest_waived"
                + " from allocation_correction where loan_id = ?"
                + ") x group by payment_id, seq order by payment_id, seq")
        .params(loanId, loanId)
        .query(
            (rs, n) ->
                result
                    .computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                    .add(
                        new Allocation(
                            rs.getInt(2),
                            rs.getBigDecimal(3).setScale(2),
                            rs.getBigDecimal(4).setScale(2),
                            rs.getBigDecimal(5).setScale(2),
                            rs.getBigDecimal(6).setScale(2))))
        .list();
    return result;
  }

  /**
   * One line of a loan's audit trail: a payment, a reversal (dated when it took effect; who asked
   * and when is on its APPROVAL_REVERSAL line) or an entry that waited for approval (decided or
   * not).
   */
  public record LedgerLine(
      String kind,
      Long paymentId,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      String source,
      String keyedBy,
      Instant keyedAt,
      String approvedBy,
      Instant approvedAt,
      String status,
      String reason) {}

  /**
   * The loan's audit trail, oldest first: every payment (who keyed it, who approved it if it
   * waited), every reversal (who asked, who approved, when, why) and every entry that waited for
   * approval (decided or not).
   */
  public List<LedgerLine> ledger(long loanId) {
    List<LedgerLine> lines =
        new java.util.ArrayList<>(
            jdbc.sql(
                    "select p.id, p.paid_on, p.amount, p.reference, p.source,"
                        + " p.recorded_by, p.recorded_at, p.approved_by from repayment_payment p where p.loan_id = ? order by p.id")
                .param(loanId)
                .query(
                    (rs, n) ->
                        new LedgerLine(
                            "PAYMENT",
                            rs.getLong(1),
                            date(rs, 2),
                            rs.getBigDecimal(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant(),
                            rs.getString(8),
                            null,
                            "RECORDED",
                            null))
                .list());
    lines.addAll(
        jdbc.sql(
                "select v.payment_id, p.paid_on, v.amount, p.reference, v.requested_by, v.requested_at,"
                    + " v.approved_by, v.approved_at, v.reason from payment_reversal v join repayment_payment p on p.id = v.payment_id"
                    + " where v.loan_id = ? order by v.id")
            .param(loanId)
            .query(
                (rs, n) ->
                    new LedgerLine(
                        "REVERSAL",
                        rs.getLong(1),
                        date(rs, 2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        null,
                        rs.getString(5),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        "RECORDED",
                        rs.getString(9)))
            .list());
    approvals
        .ofLoan(loanId)
        .forEach(
            a ->
                lines.add(
                    new LedgerLine(
                        "APPROVAL_" + a.kind().name(),
                        a.paymentId(),
                        a.paidOn(),
                        a.amount(),
                        a.reference(),
                        a.source(),
                        a.requestedBy(),
                        a.requestedAt(),
                        a.decidedBy(),
                        a.decidedAt(),
                        a.status().name(),
                        a.decisionReason() != null ? a.decisionReason() : a.note())));
    lines.sort(java.util.Comparator.comparing(LedgerLine::keyedAt));
    return lines;
  }

  public long insertReversal(
      long paymentId,
      long loanId,
      BigDecimal amount,
      String reason,
      String requestedBy,
      Instant requestedAt,
      String approvedBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into payment_reversal (payment_id, loan_id, amount, reason, requested_by, requested_at, approved_by,"
                + " approved_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            paymentId,
            loanId,
            amount,
            reason,
            requestedBy,
            Timestamp.from(requestedAt),
            approvedBy,
            Timestamp.from(Instant.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void insertCorrections(
      long reversalId, long paymentId, long loanId, List<Allocation> corrections) {
    template.batchUpdate(
        "insert into allocation_correction (reversal_id, payment_id, loan_id, seq, default_interest,"
            + " interest, principal, interest_waived) values (?, ?, ?, ?, ?, ?, ?, ?)",
        corrections,
        corrections.size(),
        (ps, a) -> {
          ps.setLong(1, reversalId);
          ps.setLong(2, paymentId);
          ps.setLong(3, loanId);
          ps.setInt(4, a.seq());
          ps.setBigDecimal(5, a.defaultInterest());
          ps.setBigDecimal(6, a.interest());
          ps.setBigDecimal(7, a.principal());
          ps.setBigDecimal(8, a.interestWaived());
        });
  }

  public long insertPayment(
      long loanId,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      PaymentSource source,
      String note,
      String recordedBy,
      String approvedBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into repayment_payment (loan_id, paid_on, amount, reference, source, note, recorded_by, recorded_at,"
                + " approved_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            loanId,
            paidOn,
            amount,
            reference,
            source.name(),
            note,
            recordedBy,
            Timestamp.from(Instant.now()),
            approvedBy)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void insertAllocations(long paymentId, long loanId, List<Allocation> allocations) {
    template.batchUpdate(
        "insert into payment_allocation (payment_id, loan_id, seq, default_interest, interest,"
            + " principal, interest_waived) values (?, ?, ?, ?, ?, ?, ?)",
        allocations,
        allocations.size(),
        (ps, a) -> {
          ps.setLong(1, paymentId);
          ps.setLong(2, loanId);
          ps.setInt(3, a.seq());
          ps.setBigDecimal(4, a.defaultInterest());
          ps.setBigDecimal(5, a.interest());
          ps.setBigDecimal(6, a.principal());
          ps.setBigDecimal(7, a.interestWaived());
        });
  }

  /** Stores paid amounts, accrued default interest and settlement of the given installments. */
  public void updateInstallments(long loanId, List<InstallmentState> installments) {
    template.batchUpdate(
        "update repayment_installment set principal_paid = ?, interest_paid = ?, default_interest = ?,"
            + " default_interest_paid = ?, accrued_until = ?, settled_on = ?, interest_waived = ?"
            + " where loan_id = ? and seq = ?",
        installments,
        installments.size(),
        (ps, i) -> {
          ps.setBigDecimal(1, i.principalPaid());
          ps.setBigDecimal(2, i.interestPaid());
          ps.setBigDecimal(3, i.defaultInterest());
          ps.setBigDecimal(4, i.defaultInterestPaid());
          ps.setDate(5, i.accruedUntil() == null ? null : Date.valueOf(i.accruedUntil()));
          ps.setDate(6, i.settledOn() == null ? null : Date.valueOf(i.settledOn()));
          ps.setBigDecimal(7, i.interestWaived());
          ps.setLong(8, loanId);
          ps.setInt(9, i.seq());
        });
  }

  static RepaymentLoan loanRow(ResultSet rs, int n) throws SQLException {
    return new RepaymentLoan(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getBigDecimal(7),
        LoanStatus.valueOf(rs.getString(8)),
        date(rs, 9),
        rs.getString(10),
        rs.getString(11));
  }

  static InstallmentState installmentRow(ResultSet rs, int n) throws SQLException {
    return new InstallmentState(
        rs.getInt(1),
        date(rs, 2),
        rs.getBigDecimal(3),
        rs.getBigDecimal(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        rs.getBigDecimal(8),
        date(rs, 9),
        date(rs, 10),
        rs.getBigDecimal(11));
  }

  static StoredPayment paymentRow(ResultSet rs, int n) throws SQLException {
    return new StoredPayment(
        rs.getLong(1),
        rs.getLong(2),
        date(rs, 3),
        rs.getBigDecimal(4),
        rs.getString(5),
        PaymentSource.valueOf(rs.getString(6)),
        rs.getString(7));
  }
}
