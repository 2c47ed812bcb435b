package th.go.cdd.womenfund.fieldvisit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiFiscalQuarter;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/** The tables {@code visit_plan} and {@code visit_action}: fieldvisit's own. */
@Repository
public class VisitPlanRepository {

  /** A planned visit and, once it took place, what was recorded of it. */
  public record Plan(
      long id,
      String districtCode,
      String provinceCode,
      ThaiFiscalQuarter quarter,
      LocalDate plannedOn,
      String subDistrictCode,
      String groupsToMeet,
      String districtCommittee,
      String subdistrictGroup,
      boolean done,
      LocalDate visitedOn,
      String team,
      String groupsMet,
      String problems) {}

  /** A follow-up action agreed on a visit, owned by a role of the visit's area. */
  public record Action(
      long id,
      long planId,
      String text,
      ActionOwner owner,
      String districtCode,
      String provinceCode,
      LocalDate dueOn,
      boolean done,
      String progressNote,
      String processInstanceId) {

    /** Still open after its due day. */
    public boolean late(LocalDate asOf) {
      return !done && asOf.isAfter(dueOn);
    }
  }

  /**
   * One district's visits of one quarter: planned (all), done, and still not done after their
   * planned day.
   */
  public record QuarterCount(String districtCode, int quarter, int planned, int done, int behind) {}

  /** One district's follow-up actions of a fiscal year's visits: still open, and of them late. */
  public record OpenActions(String districtCode, int open, int late) {}

  private static final String PLAN_COLUMNS =
      "id, district_code, province_code, fiscal_year, fiscal_quarter, planned_on, sub_district_code,"
          + " groups_to_meet, district_committee, subdistrict_group, status, visited_on, team,"
          + " groups_met, problems";
  private static final String ACTION_COLUMNS =
      "id, plan_id, action_text, owner_role, district_code, province_code, due_on, status,"
          + " progress_note, process_instance_id";

  private final JdbcClient jdbc;

  public VisitPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertPlan(
      String districtCode,
      LocalDate plannedOn,
      String subDistrictCode,
      String groupsToMeet,
      String districtCommittee,
      String subdistrictGroup,
      String plannedBy) {
    ThaiFiscalQuarter q = ThaiFiscalQuarter.of(plannedOn);
    var key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into visit_plan (district_code, province_code, fiscal_year, fiscal_quarter,"
                + " planned_on, sub_district_code, groups_to_meet, district_committee,"
                + " subdistrict_group, planned_by, planned_at, status)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED')")
        .params(
            districtCode,
            districtCode.substring(0, 2),
            q.year().buddhistYear(),
            q.quarter(),
            plannedOn,
            subDistrictCode,
            groupsToMeet,
            districtCommittee,
            subdistrictGroup,
            plannedBy,
            Timestamp.valueOf(EngineClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * Records the visit as done, once: false when it was recorded already (another officer a moment
   * ago) or does not exist.
   */
  boolean markDone(
      long planId,
      LocalDate visitedOn,
      String team,
      String groupsMet,
      String problems,
      String recordedBy) {
    int changed =
        jdbc.sql(
                "update visit_plan set status = 'DONE', visited_on = ?, team = ?, groups_met = ?,"
                    + " problems = ?, recorded_by = ?, recorded_at = ?"
                    + " where id = ? and status = 'PLANNED'")
            .params(
                visitedOn,
                team,
                groupsMet,
                problems,
                recordedBy,
                Timestamp.valueOf(EngineClock.now()),
                planId)
            .update();
    return changed == 1;
  }

  public Optional<Plan> plan(long id) {
    return jdbc.sql("select " + PLAN_COLUMNS + " from visit_plan where id = ?")
        .param(id)
        .query(VisitPlanRepository::plan)
        .optional();
  }

  /** A district's visits planned in a quarter, by date. */
  public List<Plan> plans(String districtCode, ThaiFiscalQuarter q) {
    return jdbc.sql(
            "select "
                + PLAN_COLUMNS
                + " from visit_plan where district_code = ? and fiscal_year = ? and fiscal_quarter = ?"
                + " order by planned_on, id")
        .params(districtCode, q.year().buddhistYear(), q.quarter())
        .query(VisitPlanRepository::plan)
        .list();
  }

  long insertAction(Plan visit, String text, ActionOwner owner, LocalDate dueOn) {
    var key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into visit_action (plan_id, action_text, owner_role, district_code,"
                + " province_code, due_on, status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
        .params(visit.id(), text, owner.name(), visit.districtCode(), visit.provinceCode(), dueOn)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Ties an action to the instance that follows it up; only an action not tied yet. */
  boolean tie(long actionId, String processInstanceId) {
    return jdbc.sql(
                "update visit_action set process_instance_id = ?"
                    + " where process_instance_id is null and id = ?")
            .params(processInstanceId, actionId)
            .update()
        > 0;
  }

  public Optional<Action> actionOf(String processInstanceId) {
    return jdbc.sql("select " + ACTION_COLUMNS + " from visit_action where process_instance_id = ?")
        .param(processInstanceId)
        .query(VisitPlanRepository::action)
        .optional();
  }

  public List<Action> actions(long planId) {
    return jdbc.sql("select " + ACTION_COLUMNS + " from visit_action where plan_id = ? order by id")
        .param(planId)
        .query(VisitPlanRepository::action)
        .list();
  }

  void reportProgress(long actionId, String note, boolean done) {
    jdbc.sql("update visit_action set progress_note = ?, status = ?, done_on = ? where id = ?")
        .params(note, done ? "DONE" : "OPEN", done ? EngineClock.today() : null, actionId)
        .update();
  }

  /** Per district and quarter of a province's fiscal year: visits planned, done and behind. */
  public List<QuarterCount> counts(String provinceCode, ThaiFiscalYear fy, LocalDate asOf) {
    return jdbc.sql(
            "select district_code, fiscal_quarter, count(*),"
                + " sum(case when status = 'DONE' then 1 else 0 end),"
                + " sum(case when status = 'PLANNED' and planned_on < ? then 1 else 0 end)"
                + " from visit_plan where province_code = ? and fiscal_year = ?"
                + " group by district_code, fiscal_quarter order by district_code, fiscal_quarter")
        .params(asOf, provinceCode, fy.buddhistYear())
        .query(
            (rs, n) ->
                new QuarterCount(
                    rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .list();
  }

  /** Per district: the open follow-up actions of the fiscal year's visits, and the late ones. */
  public List<OpenActions> openActions(String provinceCode, ThaiFiscalYear fy, LocalDate asOf) {
    return jdbc.sql(
            "select a.district_code, count(*), sum(case when a.due_on < ? then 1 else 0 end)"
                + " from visit_action a join visit_plan p on p.id = a.plan_id"
                + " where a.province_code = ? and p.fiscal_year = ? and a.status = 'OPEN'"
                + " group by a.district_code")
        .params(asOf, provinceCode, fy.buddhistYear())
        .query((rs, n) -> new OpenActions(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .list();
  }

  private static Plan plan(ResultSet rs, int n) throws SQLException {
    java.sql.Date visited = rs.getDate("visited_on");
    return new Plan(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getString("province_code"),
        new ThaiFiscalQuarter(
            new ThaiFiscalYear(rs.getInt("fiscal_year")), rs.getInt("fiscal_quarter")),
        rs.getDate("planned_on").toLocalDate(),
        rs.getString("sub_district_code"),
        rs.getString("groups_to_meet"),
        rs.getString("district_committee"),
        rs.getString("subdistrict_group"),
        "DONE".equals(rs.getString("status")),
        visited == null ? null : visited.toLocalDate(),
        rs.getString("team"),
        rs.getString("groups_met"),
        rs.getString("problems"));
  }

  private static Action action(ResultSet rs, int n) throws SQLException {
    return new Action(
        rs.getLong("id"),
        rs.getLong("plan_id"),
        rs.getString("action_text"),
        ActionOwner.valueOf(rs.getString("owner_role")),
        rs.getString("district_code"),
        rs.getString("province_code"),
        rs.getDate("due_on").toLocalDate(),
        "DONE".equals(rs.getString("status")),
        rs.getString("progress_note"),
        rs.getString("process_instance_id"));
  }
}
