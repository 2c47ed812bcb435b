package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The restructuring process tests' shared steps: Trat's groups, a round opened by a province
 * officer, a round's district packages and their tasks, a package sent and received, an escalation
 * fired, the engine clock set to a Bangkok day and hour.
 */
final class RoundInstances {

  static final String PROVINCE = "23";

  private RoundInstances() {}

  /**
   * Trat's district and province groups, and a province supervisor with an address (the escalation
   * mail's).
   */
  static void trat(
      ProcessEngine engine,
      RoleAuthorizations roles,
      AreaRepository areas,
      String supervisor,
      String email) {
    for (District d : areas.districtsOf(PROVINCE)) {
      roles.ensureDistrict(d);
    }
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    TestPeople.of(engine).user(supervisor).email(email).member(Roles.provinceSupervisors(PROVINCE));
  }

  /** A round of Trat opened by province officer {@code officer}. */
  static ProcessInstance open(ProcessEngine engine, String officer, String title) {
    engine
        .getIdentityService()
        .setAuthentication(officer, List.of(Roles.provinceOfficers(PROVINCE)));
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              RestructuringProcess.KEY,
              Map.of(
                  Var.ROUND_TITLE,
                  title,
                  Var.PROVINCE_CODE,
                  PROVINCE,
                  Var.ANNOUNCEMENT,
                  "ประกาศฯ พ.ศ. 2563 (ฉบับที่ 4)"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Deletes the round (and its packages) when a test left it running. */
  static void end(ProcessEngine engine, ProcessInstance round) {
    if (round != null
        && engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(round.getId())
                .count()
            > 0) {
      engine.getRuntimeService().deleteProcessInstance(round.getId(), "test over");
    }
  }

  /** The {@code restructuring-package} instance of one district, called by the round. */
  static ProcessInstance packageOf(
      ProcessEngine engine, ProcessInstance round, String districtCode) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(round.getId())
        .list()
        .stream()
        .filter(
            p ->
                districtCode.equals(
                    engine.getRuntimeService().getVariable(p.getId(), Var.DISTRICT_CODE)))
        .findFirst()
        .orElseThrow();
  }

  /** The open task of the instance at {@code element}, or null. */
  static Task task(ProcessEngine engine, ProcessInstance pi, String element) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(element)
        .singleResult();
  }

  static long packageId(ProcessEngine engine, ProcessInstance pi) {
    return ((Number) engine.getRuntimeService().getVariable(pi.getId(), Var.PACKAGE_ID))
        .longValue();
  }

  /**
   * The borrowers of one loan apply, with all documents (other tests' loans are candidates too).
   */
  static String borrowersOf(
      ProcessEngine engine, JdbcClient jdbc, ProcessInstance pi, long loanId) {
    StringBuilder s = new StringBuilder();
    jdbc.sql(
            "select seq from restructuring_debtor where package_id = ? and loan_id = ? order by seq")
        .params(packageId(engine, pi), loanId)
        .query(Integer.class)
        .list()
        .forEach(seq -> s.append(seq).append(", 1 2 3 4 5\n"));
    return s.toString();
  }

  /**
   * The package is sent with one loan's borrowers and received by the province on {@code received}.
   */
  static void sendAndReceive(
      ProcessEngine engine, JdbcClient jdbc, ProcessInstance pi, long loanId, LocalDate received) {
    engine
        .getTaskService()
        .complete(
            task(engine, pi, Element.PREPARE_PACKAGE).getId(),
            Map.of(Var.APPLICANTS, borrowersOf(engine, jdbc, pi, loanId)));
    engine
        .getTaskService()
        .complete(
            task(engine, pi, Element.RECORD_RECEIPT_TASK).getId(),
            Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(received)));
  }

  /** The package's escalation timer. */
  static Job timer(ProcessEngine engine, ProcessInstance pi) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .singleResult();
  }

  /** Fires the package's escalation timer, then the mail to the supervisors. */
  static void escalate(ProcessEngine engine, ProcessInstance pi) {
    engine.getManagementService().executeJob(timer(engine, pi).getId());
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .messages()
                .singleResult()
                .getId());
  }

  /** Sets the engine clock to {@code hour} o'clock of {@code day} in Bangkok. */
  static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(ThaiDates.BANGKOK).toInstant()));
  }

  /** 23:59 of {@code day} in Bangkok: when a deadline of that day passes. */
  static Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59).atZone(ThaiDates.BANGKOK).toInstant());
  }
}
