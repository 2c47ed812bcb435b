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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.approval.MoneyApprovalMocks;
import th.go.cdd.womenfund.repayment.PaymentReversalProcess.Element;
import th.go.cdd.womenfund.repayment.PaymentReversalProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/** payment-reversal on the plain engine: a second officer approves the reversal, or rejects it. */
@ModelTest
class PaymentReversalModelTest {

  static final String APPROVERS = Roles.provinceOfficers(ProcessModel.PROVINCE);

  @RegisterExtension static final ProcessModel model = ProcessModel.of(PaymentReversalProcess.KEY);

  @Test
  void approvedReversalEndsReversed() {
    ProcessInstance pi = requested(true);
    complete(task(), withVariables(Var.APPROVAL_DECISION, "APPROVE", Var.APPROVAL_REASON, ""));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.DECIDE, Element.APPROVED)
        .hasNotPassed(Element.REJECTED);
  }

  @Test
  void rejectedReversalLeavesThePayment() {
    ProcessInstance pi = requested(false);
    complete(
        task(),
        withVariables(Var.APPROVAL_DECISION, "REJECT", Var.APPROVAL_REASON, "บันทึกถูกแล้ว"));

    assertThat(pi).isEnded().hasPassed(Element.REJECTED).hasNotPassed(Element.APPROVED);
  }

  private static ProcessInstance requested(boolean approved) {
    when(MoneyApprovalMocks.offeredTo(model, APPROVERS).approved(any())).thenReturn(approved);
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                PaymentReversalProcess.KEY,
                withVariables(
                    Var.LOAN_NUMBER,
                    "LA-1",
                    Var.PAYMENT_REFERENCE,
                    "RC-1",
                    Var.REASON,
                    "บันทึกซ้ำ"));
    assertThat(pi).hasPassed(Element.REQUEST);
    waitsAt(pi, Element.APPROVE, APPROVERS);
    return pi;
  }
}
