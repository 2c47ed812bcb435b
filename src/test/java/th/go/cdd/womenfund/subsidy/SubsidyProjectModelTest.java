package th.go.cdd.womenfund.subsidy;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static th.go.cdd.womenfund.system.ProcessModel.waitsAt;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Element;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Var;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * subsidy-project on the plain engine: closed after the report, rejected by the district, by the
 * province.
 */
@ModelTest
class SubsidyProjectModelTest {

  static final String OFFICERS = Roles.districtOfficers(ProcessModel.DISTRICT);
  static final Date REPORT_DUE = Date.from(ProcessModel.NOW.toInstant().plusSeconds(90L * 86_400));

  @RegisterExtension static final ProcessModel model = ProcessModel.of(SubsidyProjectProcess.KEY);

  @BeforeEach
  void reportDue() {
    SubsidyProjectSteps steps = model.bean("subsidyProjects", mock(SubsidyProjectSteps.class));
    when(steps.reportDue(any())).thenReturn(REPORT_DUE);
  }

  @Test
  void approvedProjectIsDisbursedReportedAndClosed() {
    ProcessInstance pi = screenedByTheDistrict();
    complete(
        task(), withVariables(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, ""));

    waitsAt(pi, Element.DISBURSEMENT, Roles.provinceOfficers(ProcessModel.PROVINCE));
    complete(
        task(),
        withVariables(
            Var.TRANSFER_DATE,
            "01/03/2569",
            Var.TRANSFER_AMOUNT,
            "30000.00",
            Var.TRANSFER_REFERENCE,
            "TR-1"));

    // the report's due date follows the project's end (subsidyProjects.reportDue), not a step
    // deadline
    assertThat(pi).isWaitingAt(Element.GROUP_REPORT);
    assertThat(task()).hasCandidateGroup(OFFICERS).hasDueDate(REPORT_DUE);
    complete(
        task(),
        withVariables(
            Var.REPORT_DATE,
            "01/06/2569",
            Var.AMOUNT_SPENT,
            "29500.00",
            Var.REPORT_RESULTS,
            "ผลิตสินค้าได้ 300 ชิ้น"));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.RECORD_DISBURSEMENT, Element.RECORD_REPORT, Element.CLOSED);
    model.ran("recordSubsidyProjectReport");
  }

  @Test
  void theDistrictRejects() {
    ProcessInstance pi = endorsed();
    complete(
        task(),
        withVariables(Var.DISTRICT_DECISION, "REJECT", Var.DISTRICT_DECISION_REASON, "ซ้ำซ้อน"));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.REJECTED_BY_DISTRICT)
        .hasNotPassed(Element.PROVINCE_DECISION);
    model.ran("recordSubsidyProjectProvinceDecision", 0);
  }

  @Test
  void theProvinceRejects() {
    ProcessInstance pi = screenedByTheDistrict();
    complete(
        task(),
        withVariables(Var.PROVINCE_DECISION, "REJECT", Var.PROVINCE_DECISION_REASON, "เกินวงเงิน"));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.REJECTED_BY_PROVINCE)
        .hasNotPassed(Element.DISBURSEMENT);
    model.ran("recordSubsidyProjectDisbursement", 0);
  }

  private static ProcessInstance endorsed() {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                SubsidyProjectProcess.KEY,
                "SP-1",
                withVariables(
                    Var.ORGANISATION_NAME, "กลุ่มสตรีทดสอบ", Var.SUB_DISTRICT_CODE, "230101"));
    assertThat(pi).hasPassed(Element.REGISTER);
    waitsAt(pi, Element.ENDORSEMENT, OFFICERS);
    complete(
        task(),
        withVariables(Var.ENDORSEMENT_DATE, "01/02/2569", Var.ENDORSEMENT_REFERENCE, "1/2569"));
    waitsAt(pi, Element.DISTRICT_SCREENING, Roles.districtCommittee(ProcessModel.DISTRICT));
    return pi;
  }

  private static ProcessInstance screenedByTheDistrict() {
    ProcessInstance pi = endorsed();
    complete(
        task(), withVariables(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, ""));
    waitsAt(pi, Element.PROVINCE_DECISION, Roles.provinceCommittee(ProcessModel.PROVINCE));
    return pi;
  }
}
