package th.go.cdd.womenfund.approval;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess.Element;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess.Var;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/** money-approval's two paths on the plain engine: the checker approves, or rejects. */
@ModelTest
class MoneyApprovalModelTest {

  static final String APPROVERS = "province-23-officers";

  @RegisterExtension static final ProcessModel model = ProcessModel.of(MoneyApprovalProcess.KEY);

  MoneyApprovalSteps approvals;

  @BeforeEach
  void approvals() {
    approvals = MoneyApprovalMocks.offeredTo(model, APPROVERS);
  }

  @Test
  void approvedEntryEndsApproved() {
    ProcessInstance pi = keyed();
    when(approvals.approved(any())).thenReturn(true);

    complete(task(), withVariables(Var.DECISION, "APPROVE", Var.REASON, ""));

    assertThat(pi).hasPassed(Element.DECIDE).isEnded().hasPassed(Element.APPROVED);
  }

  @Test
  void rejectedEntryEndsRejected() {
    ProcessInstance pi = keyed();
    when(approvals.approved(any())).thenReturn(false);

    complete(task(), withVariables(Var.DECISION, "REJECT", Var.REASON, "ยอดไม่ตรงใบเสร็จ"));

    assertThat(pi).isEnded().hasPassed(Element.REJECTED).hasNotPassed(Element.APPROVED);
  }

  private ProcessInstance keyed() {
    ProcessInstance pi =
        runtimeService().startProcessInstanceByKey(MoneyApprovalProcess.KEY, "MA-1");
    assertThat(pi).hasPassed(Element.BIND);
    ProcessModel.waitsAt(pi, Element.APPROVE, APPROVERS);
    model.ran("bindMoneyApproval");
    return pi;
  }
}
