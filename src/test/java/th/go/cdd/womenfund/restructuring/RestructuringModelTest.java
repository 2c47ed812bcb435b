package th.go.cdd.womenfund.restructuring;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * debt-restructuring and its per-district restructuring-package on the plain engine: a district
 * with nothing to send; the daily refresh of the candidates while the district prepares; a package
 * sent to the Department in time; a package past its deadline (the boundary timer mails the
 * supervisors and gives them a follow-up task while the submission stays open), each acknowledged
 * by the committee and decided by the Department; the round, which calls one package per district
 * and closes when the last one ends.
 */
@ModelTest
class RestructuringModelTest {

  static final String PROVINCE_OFFICERS = Roles.provinceOfficers(ProcessModel.PROVINCE);
  static final Date SUBMISSION_DUE =
      Date.from(ProcessModel.NOW.toInstant().plus(Duration.ofDays(15)));

  @RegisterExtension
  static final ProcessModel model =
      ProcessModel.of(RestructuringProcess.KEY, RestructuringProcess.PACKAGE_KEY);

  @BeforeEach
  void districts() {
    RestructuringSteps steps = model.bean("restructuringSteps", mock(RestructuringSteps.class));
    when(steps.districtsOf(ProcessModel.PROVINCE)).thenReturn(List.of("2301", "2302"));
    model.sets("recordPackageReceipt", Var.SUBMISSION_DUE, SUBMISSION_DUE);
  }

  @Test
  void districtWithNobodyToRestructureSendsNothing() {
    ProcessInstance pi = prepared(false);

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.NOTHING_TO_SEND)
        .hasNotPassed(Element.RECORD_RECEIPT_TASK);
  }

  @Test
  void dailyTimerRefreshesTheCandidatesWhileTheDistrictPrepares() {
    model.sets("recordRestructuringPackage", Var.HAS_PACKAGE, false);
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                RestructuringProcess.PACKAGE_KEY,
                "R-1",
                withVariables(
                    Var.DISTRICT_CODE,
                    ProcessModel.DISTRICT,
                    Var.PROVINCE_CODE,
                    ProcessModel.PROVINCE));
    assertThat(pi).isWaitingAtExactly(Element.PREPARE_PACKAGE);

    for (int day = 1; day <= 2; day++) {
      ClockUtil.setCurrentTime(Date.from(ProcessModel.NOW.toInstant().plus(Duration.ofDays(day))));
      execute(job());
      model.ran("refreshRestructuringCandidates", day);
      assertThat(pi)
          .hasPassed(
              Element.REFRESH_TIMER, Element.REFRESH_CANDIDATES, Element.CANDIDATES_REFRESHED)
          .isWaitingAtExactly(Element.PREPARE_PACKAGE);
    }

    complete(task(), withVariables(Var.NOTHING_TO_SEND, true));
    assertThat(pi).isEnded().hasPassed(Element.NOTHING_TO_SEND);
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void packageSentInTimeIsAcknowledgedWithoutEscalation() {
    ProcessInstance pi = received();
    complete(task(), withVariables(Var.LETTER_NO, "มท 0410/1", Var.LETTER_DATE, "10/03/2569"));

    acknowledged(pi);
    assertThat(pi).hasNotPassed(Element.SUBMISSION_OVERDUE, Element.SUPERVISOR_FOLLOW_UP);
  }

  @Test
  void packagePastItsDeadlineEscalatesWhileTheSubmissionStaysOpen() {
    ProcessInstance pi = received();
    ClockUtil.setCurrentTime(SUBMISSION_DUE);
    execute(job());

    assertThat(pi)
        .hasPassed(Element.SUBMISSION_OVERDUE)
        .isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.NOTIFY_ESCALATION);
    execute(job());
    model.ran("notifyRestructuringEscalation");
    assertThat(pi).isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.SUPERVISOR_FOLLOW_UP);
    complete(task(Element.SUPERVISOR_FOLLOW_UP), withVariables(Var.FOLLOW_UP_NOTE, "โทรเร่งแล้ว"));
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).list()).hasSize(1);

    complete(task(Element.SUBMIT_TO_DEPARTMENT), withVariables(Var.LETTER_NO, "มท 0410/2"));
    acknowledged(pi);
  }

  @Test
  void roundCallsOnePackagePerDistrictAndClosesAfterTheLast() {
    model.sets("recordRestructuringPackage", Var.HAS_PACKAGE, false);
    ProcessInstance round =
        runtimeService()
            .startProcessInstanceByKey(
                RestructuringProcess.KEY,
                "R-1",
                withVariables(
                    Var.PROVINCE_CODE, ProcessModel.PROVINCE, Var.ROUND_TITLE, "รอบ 1/2569"));
    assertThat(round).hasPassed(Element.OPEN_ROUND).isWaitingAt(Element.DISTRICT_PACKAGES);
    List<ProcessInstance> packages =
        runtimeService().createProcessInstanceQuery().superProcessInstanceId(round.getId()).list();
    Assertions.assertThat(packages).hasSize(2);

    for (ProcessInstance p : packages) {
      assertThat(p).hasBusinessKey("R-1").variables().containsKey(Var.DISTRICT_CODE);
      complete(task(Element.PREPARE_PACKAGE, p), withVariables(Var.NOTHING_TO_SEND, true));
      assertThat(p).isEnded();
    }

    assertThat(round).isEnded().hasPassed(Element.CLOSE_ROUND, Element.ROUND_CLOSED);
    model.ran("findRestructuringCandidates", 2);
  }

  /** One district's package, opened by hand; the officer sends it (or says there is nothing). */
  private static ProcessInstance prepared(boolean hasPackage) {
    model.sets("recordRestructuringPackage", Var.HAS_PACKAGE, hasPackage);
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                RestructuringProcess.PACKAGE_KEY,
                "R-1",
                withVariables(
                    Var.DISTRICT_CODE,
                    ProcessModel.DISTRICT,
                    Var.PROVINCE_CODE,
                    ProcessModel.PROVINCE));
    assertThat(pi).hasPassed(Element.FIND_CANDIDATES);
    waitsAt(pi, Element.PREPARE_PACKAGE, Roles.districtOfficers(ProcessModel.DISTRICT));
    complete(
        task(),
        withVariables(Var.NOTHING_TO_SEND, !hasPackage, Var.APPLICANTS, hasPackage ? "[1]" : ""));
    return pi;
  }

  /** Sent and received by the province: the submission task, due on the day the timer fires. */
  private static ProcessInstance received() {
    ProcessInstance pi = prepared(true);
    waitsAt(pi, Element.RECORD_RECEIPT_TASK, PROVINCE_OFFICERS);
    complete(task(), withVariables(Var.RECEIVED_ON, "02/03/2569"));

    assertThat(pi).isWaitingAtExactly(Element.SUBMIT_TO_DEPARTMENT);
    assertThat(pi).task().hasCandidateGroup(PROVINCE_OFFICERS).hasDueDate(SUBMISSION_DUE);
    assertThat(pi).job().hasDueDate(SUBMISSION_DUE);
    return pi;
  }

  private static void acknowledged(ProcessInstance pi) {
    assertThat(pi).hasPassed(Element.RECORD_SUBMISSION);
    waitsAt(pi, Element.COMMITTEE_ACKNOWLEDGEMENT, Roles.provinceCommittee(ProcessModel.PROVINCE));
    complete(
        task(),
        withVariables(Var.MEETING_REFERENCE, "ครั้งที่ 3/2569", Var.MEETING_DATE, "20/03/2569"));
    model.ran("recordCommitteeAcknowledgement");
    model.ran("proposeRestructuringTerms");

    waitsAt(pi, Element.RECORD_DECISION_TASK, PROVINCE_OFFICERS);
    complete(
        task(),
        withVariables(
            Var.DECISION_LETTER_NO,
            "มท 0410.5/77",
            Var.DECISION_LETTER_DATE,
            "05/04/2569",
            Var.DECISIONS,
            "[]"));
    model.ran("recordDepartmentDecision");
    assertThat(pi).isEnded().hasPassed(Element.RECORD_DECISION, Element.PACKAGE_ACKNOWLEDGED);
  }
}
