package th.go.cdd.womenfund.overdue;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Element;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Var;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * overdue-follow-up on the plain engine with the real ladder table: the step is chosen by the
 * deployed {@code overdue-follow-up-ladder} DMN (through {@link OverdueSteps#chooseStep} and {@link
 * DmnLadderRules}), everything else is mocked. Paths: not behind any more; the whole ladder
 * reminder → contact → field visit → escalation (more time, then restructuring); straight to
 * escalation and legal action; arrears cleared by a payment while a task waits, and while the timer
 * waits.
 */
@ModelTest
class OverdueFollowUpModelTest {

  static final String DISTRICT_OFFICERS = Roles.districtOfficers(ProcessModel.DISTRICT);
  static final String COMMITTEE = Roles.provinceCommittee(ProcessModel.PROVINCE);

  @RegisterExtension static final ProcessModel model = ProcessModel.of(OverdueFollowUpProcess.KEY);

  /** Days overdue each check finds, in turn; 0: no longer behind. */
  final Deque<Integer> checks = new ArrayDeque<>();

  @BeforeEach
  void realLadder() {
    OverdueSteps steps =
        new OverdueSteps(
            mock(FollowUpService.class),
            new DmnLadderRules(model.engine().getDecisionService()),
            mock(OverdueNotifications.class),
            mock(InstanceScopes.class),
            mock(FollowUpRepository.class));
    model.bean("chooseOverdueStep", (JavaDelegate) steps::chooseStep);
    model.onExecute(
        "checkOverdueAmount",
        execution -> {
          int days = checks.pop();
          execution.setVariable(Var.IN_ARREARS, days > 0);
          execution.setVariable(Var.DAYS_OVERDUE, days);
        });
  }

  @Test
  void loanNoLongerBehindClosesTheFollowUp() {
    checks.add(0);
    ProcessInstance pi = opened();

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.CLOSE_NO_LONGER_BEHIND, Element.END_NO_LONGER_BEHIND)
        .hasNotPassed(Element.CHOOSE_STEP);
  }

  @Test
  void wholeLadderThenMoreTimeThenRestructuring() {
    checks.addAll(List.of(10, 24, 38, 68, 98));
    ProcessInstance pi = opened();

    assertThat(pi).isWaitingAt(Element.SEND_REMINDER);
    execute(job());
    model.ran("sendOverdueReminder");
    afterWaiting(pi, Duration.ofDays(14));

    waitsAt(pi, Element.CONTACT, DISTRICT_OFFICERS);
    complete(
        task(), withVariables(Var.CONTACT_DATE, "20/03/2569", Var.CONTACT_RESULT, "สัญญาจะชำระ"));
    model.ran("recordOverdueContact");
    afterWaiting(pi, Duration.ofDays(14));

    waitsAt(
        pi,
        Element.FIELD_VISIT,
        Roles.districtCommittee(ProcessModel.DISTRICT),
        Roles.provinceOfficers(ProcessModel.PROVINCE));
    complete(
        task(), withVariables(Var.VISIT_DATE, "03/04/2569", Var.VISIT_FINDINGS, "ขายสินค้าไม่ได้"));
    model.ran("recordFieldVisit");
    afterWaiting(pi, Duration.ofDays(30));

    waitsAt(pi, Element.ESCALATION, COMMITTEE);
    complete(
        task(),
        withVariables(Var.ESCALATION_DECISION, "MORE_TIME", Var.ESCALATION_REASON, "ให้โอกาส"));
    afterWaiting(pi, Duration.ofDays(30));

    waitsAt(pi, Element.ESCALATION, COMMITTEE);
    complete(
        task(), withVariables(Var.ESCALATION_DECISION, "RESTRUCTURING", Var.ESCALATION_REASON, ""));
    handedOver(pi);
    assertThat(pi)
        .hasPassed(Element.HAND_OVER_RESTRUCTURING)
        .hasNotPassed(Element.HAND_OVER_LEGAL_ACTION);
  }

  @Test
  void overNinetyDaysGoesStraightToTheProvinceAndLegalAction() {
    checks.add(120);
    ProcessInstance pi = opened();

    waitsAt(pi, Element.ESCALATION, COMMITTEE);
    complete(
        task(),
        withVariables(Var.ESCALATION_DECISION, "LEGAL_ACTION", Var.ESCALATION_REASON, "ไม่ติดต่อ"));
    handedOver(pi);
    assertThat(pi)
        .hasPassed(Element.HAND_OVER_LEGAL_ACTION)
        .hasNotPassed(Element.SEND_REMINDER, Element.CONTACT);
  }

  @Test
  void paymentClearingTheArrearsEndsAnOpenTask() {
    checks.add(45);
    ProcessInstance pi = opened();
    waitsAt(pi, Element.CONTACT, DISTRICT_OFFICERS);

    paidOff(pi);
  }

  @Test
  void paymentClearingTheArrearsEndsTheWait() {
    checks.add(5);
    ProcessInstance pi = opened();
    execute(job());
    assertThat(pi).isWaitingAt(Element.WAIT);

    paidOff(pi);
    assertThat(pi).hasNotPassed(Element.CONTACT);
  }

  @Test
  void theDepartmentApprovingARestructuringEndsTheFollowUpWhereverItWaits() {
    checks.add(45);
    ProcessInstance pi = opened();
    waitsAt(pi, Element.CONTACT, DISTRICT_OFFICERS);

    runtimeService()
        .createMessageCorrelation(OverdueFollowUpProcess.MESSAGE_LOAN_RESCHEDULED)
        .processInstanceBusinessKey("LA-9")
        .correlate();
    model.ran("closeOverdueRescheduled");
    assertThat(pi)
        .isEnded()
        .hasPassed(Element.RESCHEDULED_START, Element.CLOSE_RESCHEDULED, Element.END_RESCHEDULED)
        .hasNotPassed(Element.END_PAID_OFF, Element.END_HANDED_OVER);
  }

  private ProcessInstance opened() {
    ProcessInstance pi =
        runtimeService().startProcessInstanceByKey(OverdueFollowUpProcess.KEY, "LA-9");
    assertThat(pi).isWaitingAt(Element.OPEN);
    execute(job());
    model.ran("openOverdueFollowUp");
    return pi;
  }

  /**
   * Checks the timer waits the ladder's {@code wait}, moves the engine clock past it and fires it.
   */
  private static void afterWaiting(ProcessInstance pi, Duration wait) {
    assertThat(pi)
        .isWaitingAt(Element.WAIT)
        .variables()
        .containsEntry(Var.LADDER_WAIT, wait.toString());
    Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait));
    assertThat(pi).job().hasDueDate(due);
    ClockUtil.setCurrentTime(due);
    execute(job());
  }

  private static void handedOver(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Element.NOTIFY_HAND_OVER);
    execute(job());
    model.ran("notifyOverdueHandOver");
    assertThat(pi).isEnded().hasPassed(Element.END_HANDED_OVER);
  }

  private static void paidOff(ProcessInstance pi) {
    runtimeService()
        .createMessageCorrelation(OverdueFollowUpProcess.MESSAGE_ARREARS_CLEARED)
        .processInstanceBusinessKey("LA-9")
        .correlate();
    model.ran("closeOverduePaidOff");
    assertThat(pi).isWaitingAt(Element.THANK_YOU).isNotWaitingAt(Element.CONTACT, Element.WAIT);
    execute(job());
    model.ran("sendOverdueThankYou");
    assertThat(pi).isEnded().hasPassed(Element.END_PAID_OFF).hasNotPassed(Element.END_HANDED_OVER);
  }
}
