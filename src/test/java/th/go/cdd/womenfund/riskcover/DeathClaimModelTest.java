package th.go.cdd.womenfund.riskcover;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess.Element;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * death-claim on the plain engine: cover in force and approved (settled from the cover), cover in
 * force but rejected, no cover at all (both: no payout). Every path mails the district and ends
 * with the family letter.
 */
@ModelTest
class DeathClaimModelTest {

  @RegisterExtension static final ProcessModel model = ProcessModel.of(DeathClaimProcess.KEY);

  @Test
  void approvedClaimIsSettledFromTheCover() {
    ProcessInstance pi = reported(true);
    waitsAt(pi, Element.REVIEW, Roles.provinceCommittee(ProcessModel.PROVINCE));
    complete(task(), withVariables(Var.CLAIM_DECISION, "APPROVE", Var.CLAIM_DECISION_REASON, ""));

    closedWithFamilyLetter(pi);
    assertThat(pi).hasPassed(Element.RECORD_REVIEW, Element.SETTLE).hasNotPassed(Element.NO_PAYOUT);
  }

  @Test
  void rejectedClaimLeavesTheDebtWithTheGroup() {
    ProcessInstance pi = reported(true);
    complete(
        task(),
        withVariables(
            Var.CLAIM_DECISION, "REJECT", Var.CLAIM_DECISION_REASON, "เสียชีวิตก่อนมีผล"));

    closedWithFamilyLetter(pi);
    assertThat(pi).hasPassed(Element.RECORD_REVIEW, Element.NO_PAYOUT).hasNotPassed(Element.SETTLE);
  }

  @Test
  void withoutCoverNobodyReviewsAndNothingIsPaid() {
    ProcessInstance pi = reported(false);

    closedWithFamilyLetter(pi);
    assertThat(pi).hasPassed(Element.NO_PAYOUT).hasNotPassed(Element.REVIEW, Element.SETTLE);
  }

  private static ProcessInstance reported(boolean covered) {
    model.sets("registerDeathClaim", Var.COVERED, covered);
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                DeathClaimProcess.KEY,
                "DC-1",
                withVariables(Var.LOAN_NUMBER, "LA-1", Var.DEATH_DATE, "01/03/2569"));
    assertThat(pi).hasPassed(Element.REGISTER);
    return pi;
  }

  private static void closedWithFamilyLetter(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Element.NOTIFY);
    execute(job());
    model.ran("notifyDeathClaim");
    waitsAt(pi, Element.FAMILY_LETTER, Roles.districtOfficers(ProcessModel.DISTRICT));
    complete(task(), withVariables(Var.LETTER_NO, "มท 0001/1", Var.LETTER_DATE, "05/03/2569"));
    model.ran("recordFamilyLetter");
    assertThat(pi).isEnded().hasPassed(Element.END);
  }
}
