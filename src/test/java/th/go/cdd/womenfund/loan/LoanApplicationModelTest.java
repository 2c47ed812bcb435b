package th.go.cdd.womenfund.loan;

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
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * loan-application on the plain engine, one test a path: both committees approve (contract,
 * transfer, schedule, mail), the district returns it for a fix and then rejects it, the province
 * rejects it. Each user task is offered to the group the area scope names and carries a due date.
 */
@ModelTest
class LoanApplicationModelTest {

  static final String DISTRICT_OFFICERS = Roles.districtOfficers(ProcessModel.DISTRICT);
  static final String DISTRICT_COMMITTEE = Roles.districtCommittee(ProcessModel.DISTRICT);
  static final String PROVINCE_COMMITTEE = Roles.provinceCommittee(ProcessModel.PROVINCE);
  static final String PROVINCE_OFFICERS = Roles.provinceOfficers(ProcessModel.PROVINCE);

  @RegisterExtension static final ProcessModel model = ProcessModel.of(LoanApplicationProcess.KEY);

  @Test
  void bothCommitteesApproveThenContractTransferScheduleAndMail() {
    ProcessInstance pi = screenedByDistrict();
    complete(
        task(), withVariables(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, ""));

    waitsAt(pi, Element.PROVINCE_DECISION, PROVINCE_COMMITTEE);
    complete(
        task(), withVariables(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, ""));

    waitsAt(pi, Element.SIGN_CONTRACT, DISTRICT_OFFICERS);
    complete(task(), withVariables(Var.CONTRACT_NO, "1/2569", Var.CONTRACT_DATE, "02/03/2569"));

    waitsAt(pi, Element.RECORD_TRANSFER, PROVINCE_OFFICERS);
    complete(
        task(), withVariables(Var.TRANSFER_DATE, "03/03/2569", Var.TRANSFER_REFERENCE, "TR-1"));

    assertThat(pi)
        .hasPassed(Element.RECORD_CONTRACT, Element.CHECK_TRANSFER, Element.GENERATE_SCHEDULE)
        .isWaitingAt(Element.NOTIFY_APPROVAL);
    model.ran("notifyLoanApproved", 0);
    execute(job());
    model.ran("notifyLoanApproved");
    assertThat(pi).isEnded().hasPassed(Element.END_DISBURSED);
  }

  @Test
  void districtReturnsForAFixThenRejects() {
    ProcessInstance pi = screenedByDistrict();
    complete(
        task(),
        withVariables(
            Var.DISTRICT_DECISION, "RETURN", Var.DISTRICT_DECISION_REASON, "แนบมติไม่ครบ"));

    waitsAt(pi, Element.FIX_APPLICATION, DISTRICT_OFFICERS);
    complete(task(), withVariables(Var.REQUESTED_AMOUNT, "45000"));

    assertThat(pi).hasPassed(Element.UPDATE);
    waitsAt(pi, Element.DISTRICT_SCREENING, DISTRICT_COMMITTEE);
    complete(
        task(),
        withVariables(
            Var.DISTRICT_DECISION, "REJECT", Var.DISTRICT_DECISION_REASON, "ไม่มีแผนชำระ"));

    assertThat(pi).isWaitingAt(Element.NOTIFY_DISTRICT_REJECTION);
    execute(job());
    model.ran("notifyLoanRejected");
    model.ran("recordDistrictDecision", 2);
    assertThat(pi)
        .isEnded()
        .hasPassed(Element.END_REJECTED_BY_DISTRICT)
        .hasNotPassed(Element.PROVINCE_DECISION);
  }

  @Test
  void provinceRejects() {
    ProcessInstance pi = screenedByDistrict();
    complete(
        task(), withVariables(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, ""));
    waitsAt(pi, Element.PROVINCE_DECISION, PROVINCE_COMMITTEE);
    complete(
        task(),
        withVariables(
            Var.PROVINCE_DECISION, "REJECT", Var.PROVINCE_DECISION_REASON, "วงเงินไม่พอ"));

    assertThat(pi)
        .hasPassed(Element.RECORD_PROVINCE_DECISION)
        .isWaitingAt(Element.NOTIFY_PROVINCE_REJECTION);
    execute(job());
    model.ran("notifyLoanRejected");
    assertThat(pi)
        .isEnded()
        .hasPassed(Element.END_REJECTED_BY_PROVINCE)
        .hasNotPassed(Element.SIGN_CONTRACT);
  }

  /** Registered, endorsed by the sub-district working group, waiting for the district committee. */
  private static ProcessInstance screenedByDistrict() {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                "LA-1",
                withVariables(Var.GROUP_NAME, "กลุ่มสตรีทดสอบ", Var.REQUESTED_AMOUNT, "50000"));
    model.ran("registerLoanApplication");
    waitsAt(pi, Element.SUBDISTRICT_ENDORSEMENT, DISTRICT_OFFICERS);
    complete(
        task(),
        withVariables(
            Var.ENDORSEMENT_DATE,
            "01/03/2569",
            Var.ENDORSEMENT_REFERENCE,
            "มติ 1/2569",
            Var.ENDORSEMENT_OPINION,
            "เห็นควรสนับสนุน"));
    assertThat(pi).hasPassed(Element.RECORD_ENDORSEMENT);
    waitsAt(pi, Element.DISTRICT_SCREENING, DISTRICT_COMMITTEE);
    return pi;
  }
}
