package th.go.cdd.womenfund.repayment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.approval.MoneyApprovalMocks;
import th.go.cdd.womenfund.approval.MoneyApprovalSteps;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Element;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * record-repayment on the plain engine: a payment within the threshold is recorded at once; one
 * above it waits for a second officer, who approves or rejects it.
 */
@ModelTest
class RecordRepaymentModelTest {

  static final String APPROVERS = Roles.districtOfficers(ProcessModel.DISTRICT);

  @RegisterExtension static final ProcessModel model = ProcessModel.of(RecordRepaymentProcess.KEY);

  MoneyApprovalSteps approvals;

  @BeforeEach
  void approvals() {
    approvals = MoneyApprovalMocks.offeredTo(model, APPROVERS);
  }

  @Test
  void paymentWithinTheThresholdIsRecordedAtOnce() {
    when(approvals.waiting(any())).thenReturn(false);

    ProcessInstance pi = keyed("1500.00");

    assertThat(pi).isEnded().hasPassed(Element.RECORD, Element.END).hasNotPassed(Element.APPROVE);
  }

  @Test
  void paymentAboveTheThresholdIsRecordedWhenApproved() {
    when(approvals.waiting(any())).thenReturn(true);
    ProcessInstance pi = keyed("250000.00");
    waitsAt(pi, Element.APPROVE, APPROVERS);

    when(approvals.approved(any())).thenReturn(true);
    complete(task(), withVariables(Var.APPROVAL_DECISION, "APPROVE", Var.APPROVAL_REASON, ""));

    assertThat(pi).isEnded().hasPassed(Element.DECIDE, Element.APPROVED);
    model.ran("decideMoneyApproval");
  }

  @Test
  void paymentAboveTheThresholdIsDroppedWhenRejected() {
    when(approvals.waiting(any())).thenReturn(true);
    ProcessInstance pi = keyed("250000.00");
    waitsAt(pi, Element.APPROVE, APPROVERS);

    when(approvals.approved(any())).thenReturn(false);
    complete(
        task(), withVariables(Var.APPROVAL_DECISION, "REJECT", Var.APPROVAL_REASON, "ไม่มีสลิป"));

    assertThat(pi).isEnded().hasPassed(Element.REJECTED).hasNotPassed(Element.APPROVED);
  }

  private static ProcessInstance keyed(String amount) {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                RecordRepaymentProcess.KEY,
                withVariables(
                    Var.LOAN_NUMBER, "LA-1", Var.PAID_ON, "02/03/2569", Var.AMOUNT, amount));
    model.ran("recordRepayment");
    return pi;
  }
}
