package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.ReminderKind;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.restructuring.RestructuringService.Candidates;
import th.go.cdd.womenfund.restructuring.RestructuringService.OpenedRound;
import th.go.cdd.womenfund.restructuring.RestructuringService.PackageResult;
import th.go.cdd.womenfund.restructuring.RestructuringService.Receipt;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The engine edge of {@code debt-restructuring} and {@code restructuring-package}: reads what the
 * forms sent, calls {@link RestructuringService}, writes back what the next steps show. Each public
 * method taking an execution is a delegate bean of {@link RestructuringDelegates}.
 */
@Component("restructuringSteps")
public class RestructuringSteps {

  private final RestructuringService service;
  private final InstanceScopes scopes;
  private final AreaRepository areas;
  private final MailService mail;
  private final RestructuringSettings settings;
  private final DepartmentDecisions decisions;

  public RestructuringSteps(
      RestructuringService service,
      InstanceScopes scopes,
      AreaRepository areas,
      MailService mail,
      RestructuringSettings settings,
      DepartmentDecisions decisions) {
    this.decisions = decisions;
    this.service = service;
    this.scopes = scopes;
    this.areas = areas;
    this.mail = mail;
    this.settings = settings;
  }

  /** The multi-instance collection of the round: every district of the province. */
  public List<String> districtsOf(String provinceCode) {
    return areas.districtsOf(provinceCode).stream().map(District::code).toList();
  }

  public void openRound(DelegateExecution execution) {
    OpenedRound r =
        service.openRound(
            string(execution, Var.ROUND_TITLE),
            string(execution, Var.PROVINCE_CODE),
            string(execution, Var.ANNOUNCEMENT),
            actor(execution),
            EngineClock.today());
    service.linkProcess(r.roundId(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey("RS-" + r.provinceCode() + "-" + r.roundId());
    execution.setVariable(Var.ROUND_ID, r.roundId());
    execution.setVariable(Var.PROVINCE_CODE, r.provinceCode());
    execution.setVariable(Var.PROVINCE_NAME, r.provinceName());
    scopes.bindProvince(execution, r.roundId(), r.provinceCode());
  }

  public void findCandidates(DelegateExecution execution) {
    String district = string(execution, Var.DISTRICT_CODE);
    // started only by the round's call activity (the system): its round and district are the
    // round's own
    Candidates c = service.prepare(roundId(execution), district, EngineClock.today());
    scopes.bindDistrict(execution, c.packageId(), district);
    service.linkPackageProcess(c.packageId(), execution.getProcessInstanceId());
    execution.setVariable(Var.PACKAGE_ID, c.packageId());
    execution.setVariable(Var.DISTRICT_NAME, c.districtName());
    setLongText(execution, Var.CANDIDATES, c.summary());
    execution.setVariable(Var.DOCUMENT_LEGEND, c.legend());
  }

  /** The daily reading of the candidates while the district prepares its package. */
  public void refreshCandidates(DelegateExecution execution) {
    Candidates c = service.refreshCandidates(packageId(execution), EngineClock.today());
    setLongText(execution, Var.CANDIDATES, c.summary());
  }

  public void recordPackage(DelegateExecution execution) {
    // the candidates as they are now (a loan handed over since the task opened is numbered after
    // the others)
    service.refreshCandidates(packageId(execution), EngineClock.today());
    Object nothing = execution.getVariable(Var.NOTHING_TO_SEND);
    PackageResult r =
        service.recordPackage(
            packageId(execution),
            nothing == null ? null : Boolean.valueOf(nothing.toString()),
            string(execution, Var.NOTHING_REASON),
            string(execution, Var.APPLICANTS),
            EngineClock.today());
    execution.setVariable(Var.HAS_PACKAGE, r.hasPackage());
    setLongText(execution, Var.PACKAGE_SUMMARY, r.summary());
    execution.setVariable(Var.PACKAGE_TOTAL, ThaiMoney.format(r.total()));
  }

  public void recordReceipt(DelegateExecution execution) {
    Receipt r =
        service.recordReceipt(
            packageId(execution), string(execution, Var.RECEIVED_ON), EngineClock.today());
    execution.setVariable(Var.RECEIVED_ON, ThaiDates.formatNumeric(r.receivedOn()));
    // one variable for the task's due date and the escalation timer, so they never disagree
    execution.setVariable(Var.SUBMISSION_DUE, endOfDay(r.due()));
    execution.setVariable(Var.SUBMISSION_DUE_TEXT, ThaiDates.format(r.due()));
  }

  public void recordSubmission(DelegateExecution execution) {
    service.recordSubmission(
        packageId(execution),
        string(execution, Var.LETTER_NO),
        string(execution, Var.LETTER_DATE),
        EngineClock.today());
  }

  public void recordAcknowledgement(DelegateExecution execution) {
    service.recordAcknowledgement(
        packageId(execution),
        string(execution, Var.MEETING_REFERENCE),
        string(execution, Var.MEETING_DATE),
        EngineClock.today());
  }

  /** The terms the rules would give each applying loan: shown in the decision form. */
  public void proposeTerms(DelegateExecution execution) {
    setLongText(
        execution,
        Var.DECISION_PROPOSAL,
        decisions.proposal(packageId(execution), EngineClock.today()));
  }

  /**
   * The Department's decision as the province office recorded it: approved loans get their new
   * schedule.
   */
  public void recordDecision(DelegateExecution execution) {
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    DepartmentDecisions.Result r =
        decisions.record(
            packageId(execution),
            string(execution, Var.DECISION_LETTER_NO),
            string(execution, Var.DECISION_LETTER_DATE),
            string(execution, Var.DECISIONS),
            who == null ? null : who.getUserId(),
            EngineClock.today());
    setLongText(execution, Var.DECISION_SUMMARY, r.summary());
  }

  public void closeRound(DelegateExecution execution) {
    service.closeRound(roundId(execution), EngineClock.today());
  }

  /** Tells the province's supervisors that a package passed its deadline (once per package). */
  public void notifyEscalation(DelegateExecution execution) {
    String province = scopes.of(execution).provinceCode();
    List<String> to = new ArrayList<>();
    for (User u :
        execution
            .getProcessEngineServices()
            .getIdentityService()
            .createUserQuery()
            .memberOfGroup(Roles.provinceSupervisors(province))
            .list()) {
      if (u.getEmail() != null && !u.getEmail().isBlank()) {
        to.add(u.getEmail());
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("districtName", string(execution, Var.DISTRICT_NAME));
    model.put("provinceName", string(execution, Var.PROVINCE_NAME));
    model.put("receivedOn", string(execution, Var.RECEIVED_ON));
    model.put("dueDate", string(execution, Var.SUBMISSION_DUE_TEXT));
    // how late on the day the mail is written (a timer fired after a pause of the job executor is
    // later than 1 day)
    Object due = execution.getVariable(Var.SUBMISSION_DUE);
    model.put(
        "lateBy",
        due instanceof Date d
            ? ReminderKind.phraseTh(
                ChronoUnit.DAYS.between(
                    EngineClock.today(), d.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate()))
            : "");
    model.put("total", string(execution, Var.PACKAGE_TOTAL));
    // the rule as configured (womenfund.restructuring): "N วัน", or "N วันทำการ" in working-day
    // mode
    model.put("deadlineDays", settings.deadlineDays());
    model.put("deadlineUnit", settings.deadlineUnit());
    model.put(
        "businessKey",
        execution.getProcessBusinessKey() == null ? "" : execution.getProcessBusinessKey());
    String subject =
        "เลยกำหนดส่งกรม: เอกสารปรับโครงสร้างหนี้ อำเภอ"
            + string(execution, Var.DISTRICT_NAME)
            + " ครบกำหนด "
            + string(execution, Var.SUBMISSION_DUE_TEXT);
    String key = "escalation:restructuring:" + packageId(execution);
    if (to.isEmpty()) {
      mail.recordUnaddressed(subject, "restructuring-escalation", model, key);
    } else {
      mail.send(new ThaiMail(to, subject, "restructuring-escalation", model), key);
    }
  }

  /**
   * A list that can outgrow one variable: its parts, the ones no longer needed removed (a revised
   * package).
   */
  static void setLongText(DelegateExecution execution, String name, String text) {
    java.util.List<String> parts = th.go.cdd.womenfund.system.LongText.parts(text);
    for (int i = 0; i < th.go.cdd.womenfund.system.LongText.MAX_PARTS; i++) {
      String var = th.go.cdd.womenfund.system.LongText.name(name, i);
      if (i < parts.size()) {
        execution.setVariable(var, parts.get(i));
      } else if (i > 0 && execution.hasVariable(var)) {
        execution.removeVariable(var);
      }
    }
  }

  static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(23, 59).atZone(ThaiDates.BANGKOK).toInstant());
  }

  /**
   * The round: the round's own record, or (in a district's package, before it is bound) what the
   * round passed.
   */
  private long roundId(DelegateExecution execution) {
    if (RestructuringProcess.KEY.equals(execution.getProcessDefinitionId().split(":")[0])) {
      return scopes.subject(execution);
    }
    return ((Number) execution.getVariable(Var.ROUND_ID)).longValue();
  }

  /** The package of this instance, from the fund's records. */
  private long packageId(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  private static Actor actor(DelegateExecution execution) {
    return CurrentActor.of(
            execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElseThrow(() -> new ThaiValidationException("ไม่ทราบผู้เปิดรอบ: กรุณาเข้าสู่ระบบก่อน"));
  }
}
