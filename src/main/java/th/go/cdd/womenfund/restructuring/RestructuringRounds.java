package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other capabilities may read of the restructuring rounds: the district packages of a
 * province's latest round, with the process instance still working on each. The dashboard asks here
 * instead of reading restructuring's tables itself.
 */
@Service
public class RestructuringRounds {

  /** A district's package in a round; {@code processInstanceId} null once its process has ended. */
  public record RoundPackage(
      long id,
      String roundTitle,
      String districtCode,
      String status,
      BigDecimal total,
      LocalDate receivedOn,
      LocalDate submissionDue,
      Boolean submittedOnTime,
      String processInstanceId) {}

  private final JdbcClient jdbc;
  private final HistoryService history;

  public RestructuringRounds(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /**
   * The packages of the province's latest round, by district code; empty when it has no round yet.
   */
  public List<RoundPackage> latestRoundPackages(String provinceCode) {
    Optional<Long> round =
        jdbc
            .sql("select id from restructuring_round where province_code = ? order by id desc")
            .param(provinceCode)
            .query(Long.class)
            .list()
            .stream()
            .findFirst();
    if (round.isEmpty()) {
      return List.of();
    }
    List<RoundPackage> packages =
        jdbc.sql(
                "select p.id, r.title, p.district_code, p.status, p.total_amount,"
                    + " p.received_on, p.submission_due, p.submitted_on_time from restructuring_package p"
                    + " join restructuring_round r on r.id = p.round_id where r.id = ? order by p.district_code")
            .param(round.get())
            .query(
                (rs, n) ->
                    new RoundPackage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        date(rs, 6),
                        date(rs, 7),
                        (Boolean) rs.getObject(8),
                        null))
            .list();
    Map<Long, String> instances = new LinkedHashMap<>();
    for (HistoricProcessInstance hpi :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RestructuringProcess.PACKAGE_KEY)
            .unfinished()
            .list()) {
      Object id =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(hpi.getId())
              .variableName(RestructuringProcess.Var.PACKAGE_ID)
              .list()
              .stream()
              .findFirst()
              .map(v -> v.getValue())
              .orElse(null);
      if (id instanceof Number n) {
        instances.put(n.longValue(), hpi.getId());
      }
    }
    return packages.stream()
        .map(
            p ->
                new RoundPackage(
                    p.id(),
                    p.roundTitle(),
                    p.districtCode(),
                    p.status(),
                    p.total(),
                    p.receivedOn(),
                    p.submissionDue(),
                    p.submittedOnTime(),
                    instances.get(p.id())))
        .toList();
  }

  /**
   * Loans of a district rescheduled by the Department's approval, and the debt carried into their
   * new schedules.
   */
  public record Restructured(String districtCode, int loans, BigDecimal carried) {}

  /**
   * Per district of the province, the loans whose restructuring the Department approved on or
   * before {@code asOf} (each loan once, its latest decision) and the debt carried over: principal,
   * carried interest and default interest, to the satang.
   */
  public List<Restructured> restructuredByDistrict(String provinceCode, LocalDate asOf) {
    return jdbc.sql(
            "select district_code, count(distinct loan_id),"
                + " sum(carried_principal + carried_interest + carried_default_interest) from loan_reschedule"
                + " where province_code = ? and decided_on <= ? group by district_code order by district_code")
        .params(provinceCode, asOf)
        .query(
            (rs, n) ->
                new Restructured(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3).setScale(2)))
        .list();
  }
}
