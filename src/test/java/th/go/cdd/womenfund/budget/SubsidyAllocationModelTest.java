package th.go.cdd.womenfund.budget;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.budget.SubsidyAllocationProcess.Element;
import th.go.cdd.womenfund.budget.SubsidyAllocationProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * subsidy-allocation on the plain engine: approved, returned and revised then approved, rejected.
 */
@ModelTest
class SubsidyAllocationModelTest {

  static final String COMMITTEE = Roles.provinceCommittee(ProcessModel.PROVINCE);

  @RegisterExtension
  static final ProcessModel model = ProcessModel.of(SubsidyAllocationProcess.KEY);

  @Test
  void approvedAllocationIsRecorded() {
    ProcessInstance pi = proposed();
    complete(task(), withVariables(Var.DECISION, "APPROVE", Var.REASON, ""));

    assertThat(pi)
        .hasPassed(Element.RECORD_DECISION, Element.RECORD_ALLOCATION)
        .isEnded()
        .hasPassed(Element.RECORDED);
  }

  @Test
  void returnedProposalIsRevisedRecalculatedAndApproved() {
    ProcessInstance pi = proposed();
    complete(task(), withVariables(Var.DECISION, "RETURN", Var.REASON, "ถ่วงน้ำหนักสมาชิกมากขึ้น"));

    waitsAt(pi, Element.REVISE, Roles.provinceOfficers(ProcessModel.PROVINCE));
    complete(task(), withVariables(Var.BASIS, "WEIGHTED", Var.WEIGHT_MEMBERS, 60));

    waitsAt(pi, Element.APPROVAL, COMMITTEE);
    model.ran("calculateSubsidyProposal", 2);
    complete(task(), withVariables(Var.DECISION, "APPROVE", Var.REASON, ""));
    assertThat(pi).isEnded().hasPassed(Element.RECORDED);
  }

  @Test
  void rejectedAllocationRecordsNothing() {
    ProcessInstance pi = proposed();
    complete(
        task(), withVariables(Var.DECISION, "REJECT", Var.REASON, "งบประมาณยังไม่ได้รับจัดสรร"));

    assertThat(pi).isEnded().hasPassed(Element.REJECTED).hasNotPassed(Element.RECORD_ALLOCATION);
    model.ran("recordApprovedSubsidyAllocation", 0);
  }

  private static ProcessInstance proposed() {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                SubsidyAllocationProcess.KEY,
                "SA-1",
                withVariables(
                    Var.PROVINCE_CODE,
                    ProcessModel.PROVINCE,
                    Var.FISCAL_YEAR,
                    2569,
                    Var.BUDGET,
                    "100000.00"));
    assertThat(pi).hasPassed(Element.CALCULATE);
    waitsAt(pi, Element.APPROVAL, COMMITTEE);
    return pi;
  }
}
