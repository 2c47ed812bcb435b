package th.go.cdd.womenfund.approval;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.approval.ApprovalRequest.Status;

/** The table {@code money_approval}: entries waiting for a checker, and what she decided. */
@Repository
public class ApprovalRepository {

  private static final String COLUMNS =
      "select id, kind, status, business_key, process_instance_id, province_code,"
          + " district_code, loan_id, payment_id, paid_on, amount, reference, note, source, fiscal_year, document, summary,"
          + " requested_by, requested_at, decided_by, decided_at, decision_reason from money_approval";

  private final JdbcClient jdbc;

  public ApprovalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a pending entry; its business key (kind and a random part) lets the approval process
   * find it once.
   */
  public ApprovalRequest insert(ApprovalRequest.New n) {
    String businessKey =
        n.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into money_approval (kind, status, business_key, province_code, district_code, loan_id, payment_id,"
                + " paid_on, amount, reference, note, source, fiscal_year, document, summary, requested_by, requested_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            n.kind().name(),
            Status.PENDING.name(),
            businessKey,
            n.provinceCode(),
            n.districtCode(),
            n.loanId(),
            n.paymentId(),
            n.paidOn(),
            n.amount(),
            n.reference(),
            n.note(),
            n.source(),
            n.fiscalYear(),
            n.document(),
            n.summary(),
            n.requestedBy(),
            Timestamp.from(Instant.now()))
        .update(key, "id");
    return byId(key.getKey().longValue()).orElseThrow();
  }

  public Optional<ApprovalRequest> byId(long id) {
    return jdbc.sql(COLUMNS + " where id = ?").param(id).query(ApprovalRepository::row).optional();
  }

  public Optional<ApprovalRequest> byProcessInstance(String processInstanceId) {
    return jdbc.sql(COLUMNS + " where process_instance_id = ?")
        .param(processInstanceId)
        .query(ApprovalRepository::row)
        .optional();
  }

  /**
   * Binds the still unbound entry with this business key to the process instance; false when there
   * is none.
   */
  public boolean bind(String businessKey, String processInstanceId) {
    return jdbc.sql(
                "update money_approval set process_instance_id = ? where business_key = ? and process_instance_id is null")
            .params(processInstanceId, businessKey)
            .update()
        == 1;
  }

  public void bindById(long id, String processInstanceId) {
    jdbc.sql(
            "update money_approval set process_instance_id = ? where id = ? and process_instance_id is null")
        .params(processInstanceId, id)
        .update();
  }

  /** Records the decision once: false when the entry was decided already. */
  public boolean decide(long id, Status status, String decidedBy, String reason) {
    return jdbc.sql(
                "update money_approval set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
                    + " where id = ? and status = ?")
            .params(
                status.name(),
                decidedBy,
                Timestamp.from(Instant.now()),
                reason,
                id,
                Status.PENDING.name())
            .update()
        == 1;
  }

  public List<ApprovalRequest> pending(ApprovalKind kind, long loanId) {
    return jdbc.sql(COLUMNS + " where kind = ? and loan_id = ? and status = ? order by id")
        .params(kind.name(), loanId, Status.PENDING.name())
        .query(ApprovalRepository::row)
        .list();
  }

  /**
   * Every entry of the loan (waiting or decided), oldest first: the maker-checker part of its audit
   * trail.
   */
  public List<ApprovalRequest> ofLoan(long loanId) {
    return jdbc.sql(COLUMNS + " where loan_id = ? order by id")
        .param(loanId)
        .query(ApprovalRepository::row)
        .list();
  }

  /** Entries of these kinds in the province that wait for a checker, oldest first. */
  public List<ApprovalRequest> pendingInProvince(String provinceCode, List<ApprovalKind> kinds) {
    return jdbc
        .sql(COLUMNS + " where province_code = ? and status = ? order by id")
        .params(provinceCode, Status.PENDING.name())
        .query(ApprovalRepository::row)
        .stream()
        .filter(e -> kinds.contains(e.kind()))
        .toList();
  }

  static ApprovalRequest row(ResultSet rs, int n) throws SQLException {
    return new ApprovalRequest(
        rs.getLong(1),
        ApprovalKind.valueOf(rs.getString(2)),
        Status.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        (Long) rs.getObject(8, Long.class),
        (Long) rs.getObject(9, Long.class),
        date(rs, 10),
        rs.getBigDecimal(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        (Integer) rs.getObject(15, Integer.class),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getTimestamp(19).toInstant(),
        rs.getString(20),
        rs.getTimestamp(21) == null ? null : rs.getTimestamp(21).toInstant(),
        rs.getString(22));
  }
}
