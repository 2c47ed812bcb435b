package th.go.cdd.womenfund.overdue;

import static th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.overdue.FollowUpService.Arrears;
import th.go.cdd.womenfund.overdue.FollowUpService.Opened;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.EscalationDecision;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Outcome;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Step;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The engine edge of {@code overdue-follow-up}: each public method is a delegate bean of {@link
 * OverdueDelegates}. Reads what the forms sent, calls {@link FollowUpService}, writes back what the
 * next steps show.
 */
@Component
public class OverdueSteps {

  private final FollowUpService service;
  private final LadderRules ladder;
  private final OverdueNotifications notifications;
  private final InstanceScopes scopes;
  private final FollowUpRepository repository;

  public OverdueSteps(
      FollowUpService service,
      LadderRules ladder,
      OverdueNotifications notifications,
      InstanceScopes scopes,
      FollowUpRepository repository) {
    this.service = service;
    this.repository = repository;
    this.ladder = ladder;
    this.notifications = notifications;
    this.scopes = scopes;
  }

  public void open(DelegateExecution execution) {
    long loanId =
        repository
            .loanNumbered(execution.getProcessBusinessKey())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no loan numbered " + execution.getProcessBusinessKey()));
    Opened o = service.open(loanId);
    scopes.bindDistrict(execution, o.followUpId(), o.districtCode());
    execution.setVariable(Var.LOAN_ID, loanId);
    execution.setVariable(Var.FOLLOW_UP_ID, o.followUpId());
    execution.setVariable(Var.APPLICATION_NO, o.applicationNo());
    execution.setVariable(Var.DISTRICT_CODE, o.districtCode());
    execution.setVariable(Var.PROVINCE_CODE, o.provinceCode());
    execution.setVariable(Var.GROUP_NAME, o.groupName());
    execution.setVariable(Var.AREA_NAME, o.areaName());
    execution.setVariable(Var.LOAN_SUMMARY, o.loanSummary());
  }

  public void check(DelegateExecution execution) {
    Arrears a = service.check(loanId(execution), EngineClock.today());
    setIfChanged(execution, Var.IN_ARREARS, a.inArrears());
    setIfChanged(execution, Var.DAYS_OVERDUE, a.daysOverdue());
    setIfChanged(execution, Var.ARREARS_SUMMARY, a.summary());
    setIfChanged(execution, Var.FOLLOW_UP_HISTORY, service.history(followUpId(execution)));
  }

  public void closeNoLongerBehind(DelegateExecution execution) {
    service.close(
        loanId(execution),
        Outcome.NO_LONGER_BEHIND,
        "ตรวจแล้วไม่มียอดค้างชำระเกินกำหนด",
        EngineClock.today());
  }

  /**
   * The next rung after the last one taken ({@code ladderStep} holds it: none before the first
   * choice).
   */
  public void chooseStep(DelegateExecution execution) {
    String taken = string(execution, Var.LADDER_STEP);
    Step last = Step.valueOf(taken == null ? Step.NONE.name() : taken);
    int days = ((Number) execution.getVariable(Var.DAYS_OVERDUE)).intValue();
    LadderRules.Rung rung = ladder.next(days, last);
    setIfChanged(execution, Var.LADDER_STEP, rung.step().name());
    setIfChanged(execution, Var.LADDER_WAIT, rung.waitAfter().toString());
  }

  /**
   * Writes only a value that differs from the one the instance holds: each write is an update and a
   * history row.
   */
  static void setIfChanged(VariableScope scope, String name, Object value) {
    if (!java.util.Objects.equals(value, scope.getVariable(name))) {
      scope.setVariable(name, value);
    }
  }

  public void sendReminder(DelegateExecution execution) {
    Arrears a = service.check(loanId(execution), EngineClock.today());
    notifications.send(notifications.reminderMail(loanId(execution), a, EngineClock.today()));
    service.recordReminderSent(followUpId(execution), a, EngineClock.today());
  }

  public void recordContact(DelegateExecution task) {
    service.recordContact(
        followUpId(task),
        string(task, Var.CONTACT_DATE),
        string(task, Var.CONTACT_METHOD),
        string(task, Var.CONTACT_RESULT),
        string(task, Var.PROMISED_DATE),
        user(task),
        EngineClock.today());
  }

  public void recordFieldVisit(DelegateExecution task) {
    service.recordFieldVisit(
        followUpId(task),
        string(task, Var.VISIT_DATE),
        string(task, Var.DISTRICT_COMMITTEE_MEMBERS),
        string(task, Var.SUBDISTRICT_GROUP_MEMBERS),
        string(task, Var.PROVINCE_SECRETARIAT_STAFF),
        string(task, Var.VISIT_FINDINGS),
        string(task, Var.AGREED_PLAN),
        string(task, Var.PLAN_DUE_DATE),
        string(task, Var.PHOTOS_LINK),
        user(task),
        EngineClock.today());
  }

  public void recordEscalation(DelegateExecution task) {
    EscalationDecision d =
        service.recordEscalation(
            followUpId(task),
            string(task, Var.ESCALATION_DECISION),
            string(task, Var.ESCALATION_REASON),
            string(task, Var.MEETING_REFERENCE),
            user(task),
            EngineClock.today());
    task.setVariable(Var.ESCALATION_DECISION, d.name());
  }

  public void handOverRestructuring(DelegateExecution execution) {
    service.handOver(loanId(execution), EscalationDecision.RESTRUCTURING, EngineClock.today());
  }

  public void handOverLegalAction(DelegateExecution execution) {
    service.handOver(loanId(execution), EscalationDecision.LEGAL_ACTION, EngineClock.today());
  }

  public void notifyHandOver(DelegateExecution execution) {
    notifications.send(
        notifications.handOverMail(
            loanId(execution),
            EscalationDecision.valueOf(string(execution, Var.ESCALATION_DECISION)),
            string(execution, Var.ESCALATION_REASON),
            string(execution, Var.MEETING_REFERENCE),
            EngineClock.today()));
  }

  public void closePaidOff(DelegateExecution execution) {
    service.close(loanId(execution), Outcome.CLEARED, "ชำระยอดค้างครบแล้ว", EngineClock.today());
  }

  public void closeRescheduled(DelegateExecution execution) {
    service.close(
        loanId(execution),
        Outcome.RESCHEDULED,
        "กรมอนุมัติปรับโครงสร้างหนี้ ชำระตามตารางใหม่",
        EngineClock.today());
  }

  public void sendThankYou(DelegateExecution execution) {
    notifications.send(
        notifications.thankYouMail(
            loanId(execution), string(execution, Var.PAYMENT_SUMMARY), EngineClock.today()));
  }

  /**
   * The loan followed up, from the fund's records: the follow-up of this instance, or before the
   * follow-up opened (a payment can clear the arrears first) the loan of the business key the
   * nightly scan gave the instance.
   */
  long loanId(DelegateExecution execution) {
    var scope = scopes.of(execution.getProcessInstanceId());
    if (scope.isEmpty()) {
      return repository
          .loanNumbered(execution.getProcessBusinessKey())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no loan numbered " + execution.getProcessBusinessKey()));
    }
    long followUpId = scope.get().subjectId();
    return repository
        .find(followUpId)
        .orElseThrow(() -> new IllegalStateException("no follow-up " + followUpId))
        .loanId();
  }

  /** The follow-up of this instance, from the fund's records. */
  long followUpId(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  static String user(DelegateExecution execution) {
    Authentication auth =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }
}
