package th.go.cdd.womenfund.subsidy;

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

/**
 * Subsidy-type projects and their budget lines (tables {@code subsidy_project}, {@code
 * subsidy_project_line}).
 */
@Repository
public class SubsidyProjectRepository {

  private final JdbcClient jdbc;

  public SubsidyProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A project as stored. */
  public record Project(
      long id,
      String projectNo,
      long organisationId,
      String organisationName,
      String subDistrictCode,
      String districtCode,
      String provinceCode,
      int fiscalYear,
      String name,
      String objective,
      LocalDate periodFrom,
      LocalDate periodTo,
      BigDecimal totalAmount,
      SubsidyProjectStatus status,
      LocalDate transferDate,
      BigDecimal transferAmount) {}

  /** What registration stores. */
  public record NewProject(
      long organisationId,
      String organisationName,
      String subDistrictCode,
      String districtCode,
      String provinceCode,
      int fiscalYear,
      String name,
      String objective,
      LocalDate periodFrom,
      LocalDate periodTo,
      List<BudgetLines.Line> lines,
      String registeredBy,
      String processInstanceId) {}

  /** Per district of a province and fiscal year: projects, approved and disbursed baht. */
  public record DistrictFigures(
      String districtCode,
      int projects,
      int approved,
      BigDecimal approvedAmount,
      BigDecimal disbursedAmount) {}

  public long insert(NewProject p) {
    Timestamp now = Timestamp.from(Instant.now());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into subsidy_project (organisation_id, organisation_name, sub_district_code, district_code,"
                + " province_code, fiscal_year, name, objective, period_from, period_to, total_amount, status,"
                + " registered_by, process_instance_id, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.organisationId(),
            p.organisationName(),
            p.subDistrictCode(),
            p.districtCode(),
            p.provinceCode(),
            p.fiscalYear(),
            p.name(),
            p.objective(),
            p.periodFrom(),
            p.periodTo(),
            BudgetLines.total(p.lines()),
            SubsidyProjectStatus.REGISTERED.name(),
            p.registeredBy(),
            p.processInstanceId(),
            now,
            now)
        .update(key, "id");
    long id = key.getKey().longValue();
    String projectNo = String.format("SP-%s-%d-%05d", p.districtCode(), p.fiscalYear(), id);
    jdbc.sql("update subsidy_project set project_no = ? where id = ?")
        .params(projectNo, id)
        .update();
    for (int i = 0; i < p.lines().size(); i++) {
      BudgetLines.Line line = p.lines().get(i);
      jdbc.sql(
              "insert into subsidy_project_line (project_id, seq, item, amount) values (?, ?, ?, ?)")
          .params(id, i + 1, line.item(), line.amount())
          .update();
    }
    return id;
  }

  public Project get(long id) {
    return jdbc.sql(
            "select id, project_no, organisation_id, organisation_name, sub_district_code, district_code,"
                + " province_code, fiscal_year, name, objective, period_from, period_to, total_amount, status,"
                + " transfer_date, transfer_amount from subsidy_project where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Project(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getDate(11).toLocalDate(),
                    rs.getDate(12).toLocalDate(),
                    rs.getBigDecimal(13),
                    SubsidyProjectStatus.valueOf(rs.getString(14)),
                    date(rs, 15),
                    rs.getBigDecimal(16)))
        .single();
  }

  public Optional<Project> find(long id) {
    return jdbc.sql("select count(*) from subsidy_project where id = ?")
                .param(id)
                .query(Integer.class)
                .single()
            == 0
        ? Optional.empty()
        : Optional.of(get(id));
  }

  public List<BudgetLines.Line> lines(long id) {
    return jdbc.sql(
            "select item, amount from subsidy_project_line where project_id = ? order by seq")
        .param(id)
        .query((rs, n) -> new BudgetLines.Line(rs.getString(1), rs.getBigDecimal(2)))
        .list();
  }

  public void endorse(long id, LocalDate on) {
    status(id, SubsidyProjectStatus.ENDORSED);
    jdbc.sql("update subsidy_project set endorsed_on = ? where id = ?").params(on, id).update();
  }

  public void districtDecision(long id, SubsidyProjectStatus status, LocalDate on, String reason) {
    status(id, status);
    jdbc.sql("update subsidy_project set district_decided_on = ?, decision_reason = ? where id = ?")
        .params(on, reason, id)
        .update();
  }

  public void provinceDecision(long id, SubsidyProjectStatus status, LocalDate on, String reason) {
    status(id, status);
    jdbc.sql("update subsidy_project set province_decided_on = ?, decision_reason = ? where id = ?")
        .params(on, reason, id)
        .update();
  }

  public void disbursed(long id, LocalDate transferDate, BigDecimal amount, String reference) {
    status(id, SubsidyProjectStatus.DISBURSED);
    jdbc.sql(
            "update subsidy_project set transfer_date = ?, transfer_amount = ?, transfer_reference = ? where id = ?")
        .params(transferDate, amount, reference, id)
        .update();
  }

  public void reported(long id, LocalDate reportDate, BigDecimal spent, String results) {
    status(id, SubsidyProjectStatus.CLOSED);
    jdbc.sql(
            "update subsidy_project set report_date = ?, amount_spent = ?, report_results = ? where id = ?")
        .params(reportDate, spent, results, id)
        .update();
  }

  private void status(long id, SubsidyProjectStatus status) {
    jdbc.sql("update subsidy_project set status = ?, updated_at = ? where id = ?")
        .params(status.name(), Timestamp.from(Instant.now()), id)
        .update();
  }

  /** What the district's approved projects of the fiscal year already take from its allocation. */
  public BigDecimal committed(String districtCode, int fiscalYear) {
    BigDecimal sum =
        jdbc.sql(
                "select coalesce(sum(total_amount), 0) from subsidy_project where district_code = ?"
                    + " and fiscal_year = ? and status in (?, ?, ?)")
            .params(
                districtCode,
                fiscalYear,
                SubsidyProjectStatus.APPROVED.name(),
                SubsidyProjectStatus.DISBURSED.name(),
                SubsidyProjectStatus.CLOSED.name())
            .query(BigDecimal.class)
            .single();
    return sum.setScale(2);
  }

  public List<DistrictFigures> figures(String provinceCode, int fiscalYear) {
    return jdbc.sql(
            "select district_code, count(*),"
                + " sum(case when status in (?, ?, ?) then 1 else 0 end),"
                + " coalesce(sum(case when status in (?, ?, ?) then total_amount end), 0),"
                + " coalesce(sum(transfer_amount), 0)"
                + " from subsidy_project where province_code = ? and fiscal_year = ? group by district_code"
                + " order by district_code")
        .params(
            SubsidyProjectStatus.APPROVED.name(),
            SubsidyProjectStatus.DISBURSED.name(),
            SubsidyProjectStatus.CLOSED.name(),
            SubsidyProjectStatus.APPROVED.name(),
            SubsidyProjectStatus.DISBURSED.name(),
            SubsidyProjectStatus.CLOSED.name(),
            provinceCode,
            fiscalYear)
        .query(
            (rs, n) ->
                new DistrictFigures(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getBigDecimal(4).setScale(2),
                    rs.getBigDecimal(5).setScale(2)))
        .list();
  }
}
