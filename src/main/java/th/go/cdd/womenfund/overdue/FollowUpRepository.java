package th.go.cdd.womenfund.overdue;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Outcome;

/** The overdue_follow_up rows (at most one open per loan), their events and field visits. */
@Repository
public class FollowUpRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public FollowUpRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public record FollowUp(
      long id,
      long loanId,
      String processInstanceId,
      LocalDate startedOn,
      LocalDate oldestDueDate,
      BigDecimal overdueAmount,
      LocalDate endedOn,
      String outcome) {}

  public record Unstarted(long id, long loanId, String applicationNo) {}

  public record Event(String step, LocalDate occurredOn, String details, String recordedBy) {}

  /**
   * One set-based statement: a follow-up row for every disbursed loan with an installment unpaid
   * past its due date and no open follow-up. The unique {@code open_loan_id} keeps it at one per
   * loan even if two nodes ran it at once. Returns how many rows it claimed.
   */
  public int claimOverdueLoans(LocalDate today) {
    return jdbc.sql(
            "insert into overdue_follow_up (loan_id, open_loan_id, started_on, oldest_due_date, overdue_amount) "
                + OVERDUE_LOANS_WITHOUT_FOLLOW_UP)
        .params(today, today)
        .update();
  }

  /**
   * The loans to follow up on day ? (both parameters): loan id (twice), the day, the oldest unpaid
   * due date, the principal and interest unpaid past due. Public so that the benchmark times the
   * bare query.
   */
  public static final String OVERDUE_LOANS_WITHOUT_FOLLOW_UP =
      "select i.loan_id, i.loan_id, ?, min(i.due_date),"
          + " sum(i.principal - i.principal_paid + i.interest - i.interest_paid - i.interest_waived)"
          + " from installment_view i join loan_view l on l.id = i.loan_id"
          + " where i.settled_on is null and i.due_date < ? and l.status = 'DISBURSED'"
          + " and not exists (select 1 from overdue_follow_up f where f.open_loan_id = i.loan_id)"
          + " group by i.loan_id";

  /**
   * Claimed rows whose process has not been started yet (this run's, or a crashed run's), locked
   * until the transaction ends so that a second node waits and then skips them.
   */
  public List<Unstarted> lockUnstarted(int limit) {
    List<long[]> rows =
        jdbc.sql(
                "select id, loan_id from overdue_follow_up"
                    + " where process_instance_id is null and ended_on is null order by id fetch first "
                    + limit
                    + " rows only for update")
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, String> numbers = new HashMap<>();
    jdbc.sql("select id, application_no from loan_view where id in (:ids)")
        .param("ids", rows.stream().map(r -> r[1]).toList())
        .query((rs, n) -> numbers.put(rs.getLong(1), rs.getString(2)))
        .list();
    return rows.stream().map(r -> new Unstarted(r[0], r[1], numbers.get(r[1]))).toList();
  }

  /** Links the started processes to their (locked) rows, in one batch. */
  public void linkProcesses(List<Unstarted> rows, List<String> processInstanceIds) {
    List<Object[]> args = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      args.add(new Object[] {processInstanceIds.get(i), rows.get(i).id()});
    }
    template.batchUpdate("update overdue_follow_up set process_instance_id = ? where id = ?", args);
  }

  /** The loan a follow-up's business key (its application number) names. */
  public Optional<Long> loanNumbered(String applicationNo) {
    return jdbc.sql("select id from loan_view where application_no = ?")
        .param(applicationNo)
        .query(Long.class)
        .optional();
  }

  private static final String FOLLOW_UP =
      "select id, loan_id, process_instance_id, started_on, oldest_due_date,"
          + " overdue_amount, ended_on, outcome from overdue_follow_up";

  public Optional<FollowUp> openOf(long loanId) {
    return jdbc.sql(FOLLOW_UP + " where open_loan_id = ?")
        .param(loanId)
        .query(FollowUpRepository::row)
        .optional();
  }

  public Optional<FollowUp> find(long id) {
    return jdbc.sql(FOLLOW_UP + " where id = ?")
        .param(id)
        .query(FollowUpRepository::row)
        .optional();
  }

  /** Ends the follow-up (frees the loan for a later one). False when it had ended already. */
  public boolean close(long id, Outcome outcome, LocalDate day) {
    return jdbc.sql(
                "update overdue_follow_up set ended_on = ?, outcome = ?, open_loan_id = null"
                    + " where id = ? and ended_on is null")
            .params(day, outcome.name(), id)
            .update()
        == 1;
  }

  public List<FollowUp> openStarted() {
    return jdbc.sql(
            FOLLOW_UP + " where open_loan_id is not null and process_instance_id is not null")
        .query(FollowUpRepository::row)
        .list();
  }

  public void addEvent(
      long followUpId, String step, LocalDate day, String details, String recordedBy) {
    jdbc.sql(
            "insert into follow_up_event (follow_up_id, step, occurred_on, details, recorded_by) values (?, ?, ?, ?, ?)")
        .params(
            followUpId,
            step,
            day,
            details.length() > 4000 ? details.substring(0, 4000) : details,
            recordedBy)
        .update();
  }

  public List<Event> events(long followUpId) {
    return jdbc.sql(
            "select step, occurred_on, details, recorded_by from follow_up_event where follow_up_id = ? order by id")
        .param(followUpId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)))
        .list();
  }

  public void insertFieldVisit(long followUpId, long loanId, FieldVisit v, String recordedBy) {
    jdbc.sql(
            "insert into field_visit (follow_up_id, loan_id, visit_date, district_committee, subdistrict_group,"
                + " province_secretariat, findings, agreed_plan, plan_due_date, photos_link, recorded_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            followUpId,
            loanId,
            v.visitDate(),
            v.districtCommittee(),
            v.subdistrictGroup(),
            v.provinceSecretariat(),
            v.findings(),
            v.agreedPlan(),
            v.planDueDate(),
            v.photosLink(),
            recordedBy)
        .update();
  }

  private static FollowUp row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new FollowUp(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(),
        rs.getBigDecimal(6),
        date(rs, 7),
        rs.getString(8));
  }
}
