package th.go.cdd.womenfund.subsidy;

import static th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.TaskDeadlines;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The engine edge of {@code subsidy-project}: reads what the forms sent, calls {@link
 * SubsidyProjectService}, writes back what the next forms show. The project of an instance, and so
 * its district, comes from {@code process_scope} (bound at registration from the organisation's
 * sub-district), never from a variable. Also the bean {@code subsidyProjects} the BPMN asks for the
 * report's due date.
 */
@Component("subsidyProjects")
public class SubsidyProjectSteps {

  /**
   * The step name of {@code womenfund.deadlines} used when an instance has no registered project.
   */
  static final String REPORT_DEADLINE = "subsidy-project-report";

  private final SubsidyProjectService service;
  private final InstanceScopes scopes;
  private final TaskDeadlines deadlines;

  public SubsidyProjectSteps(
      SubsidyProjectService service, InstanceScopes scopes, TaskDeadlines deadlines) {
    this.service = service;
    this.scopes = scopes;
    this.deadlines = deadlines;
  }

  public void register(DelegateExecution execution) {
    SubsidyProjectService.Registration r =
        service.register(
            new SubsidyProjectService.ProjectInput(
                string(execution, Var.ORGANISATION_NAME),
                string(execution, Var.SUB_DISTRICT_CODE),
                string(execution, Var.PROJECT_NAME),
                string(execution, Var.OBJECTIVE),
                string(execution, Var.PERIOD_FROM),
                string(execution, Var.PERIOD_TO),
                string(execution, Var.BUDGET_LINES)),
            actor(execution),
            EngineClock.today(),
            execution.getProcessInstanceId());
    execution.setProcessBusinessKey(r.projectNo());
    // from here on the project and its district come from the fund's records, not from variables
    scopes.bindDistrict(execution, r.projectId(), r.districtCode());
    execution.setVariable(Var.PROJECT_NO, r.projectNo());
    execution.setVariable(Var.AREA_NAME, r.areaName());
    execution.setVariable(Var.TOTAL_AMOUNT, ThaiMoney.format(r.total()));
    execution.setVariable(Var.PROJECT_SUMMARY, r.summary());
  }

  public void recordEndorsement(DelegateExecution task) {
    LocalDate date =
        service.recordEndorsement(
            project(task),
            string(task, Var.ENDORSEMENT_DATE),
            string(task, Var.ENDORSEMENT_REFERENCE),
            EngineClock.today());
    setIfChanged(task, Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(date));
  }

  public void recordDistrictDecision(DelegateExecution task) {
    SubsidyProjectService.Decision d =
        service.recordDistrictDecision(
            project(task),
            string(task, Var.DISTRICT_DECISION),
            string(task, Var.DISTRICT_DECISION_REASON),
            EngineClock.today());
    setIfChanged(task, Var.DISTRICT_DECISION, d.name());
  }

  public void recordProvinceDecision(DelegateExecution task) {
    SubsidyProjectService.Decision d =
        service.recordProvinceDecision(
            project(task),
            string(task, Var.PROVINCE_DECISION),
            string(task, Var.PROVINCE_DECISION_REASON),
            EngineClock.today());
    setIfChanged(task, Var.PROVINCE_DECISION, d.name());
  }

  public void recordDisbursement(DelegateExecution task) {
    LocalDate date =
        service.recordDisbursement(
            project(task),
            string(task, Var.TRANSFER_DATE),
            string(task, Var.TRANSFER_AMOUNT),
            string(task, Var.TRANSFER_REFERENCE),
            EngineClock.today());
    setIfChanged(task, Var.TRANSFER_DATE, ThaiDates.formatNumeric(date));
  }

  public void recordReport(DelegateExecution task) {
    LocalDate date =
        service.recordReport(
            project(task),
            string(task, Var.REPORT_DATE),
            string(task, Var.AMOUNT_SPENT),
            string(task, Var.REPORT_RESULTS),
            EngineClock.today());
    setIfChanged(task, Var.REPORT_DATE, ThaiDates.formatNumeric(date));
  }

  /**
   * The due date of the group's report, for the BPMN ({@code
   * ${subsidyProjects.reportDue(execution)}}): the end of its Bangkok day, {@code report-due-after}
   * the project's last day. An instance without a project (an administrator started it part-way)
   * gets the configured step deadline.
   */
  public Date reportDue(DelegateExecution execution) {
    return scopes
        .of(execution.getProcessInstanceId())
        .map(s -> TaskDeadlines.endOfOfficeDay(service.reportDue(s.subjectId())))
        .orElseGet(() -> deadlines.due(REPORT_DEADLINE));
  }

  /** The project of this instance, from the fund's records. */
  private long project(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  private static void setIfChanged(VariableScope scope, String name, String value) {
    if (!value.equals(scope.getVariable(name))) {
      scope.setVariable(name, value);
    }
  }

  private static Actor actor(DelegateExecution execution) {
    return CurrentActor.of(
            execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElseThrow(
            () ->
                new ThaiValidationException(
                    "ไม่ทราบผู้เสนอโครงการ: กรุณาเข้าสู่ระบบก่อนเสนอโครงการ"));
  }
}
