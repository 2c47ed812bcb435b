package th.go.cdd.womenfund.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.budget.SubsidyAllocationProcess.Element;
import static th.go.cdd.womenfund.budget.SubsidyAllocationProcess.Var;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.DeployedForms;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * subsidy-allocation on every path: approved, returned and revised then approved, rejected; bad
 * input refused.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class SubsidyAllocationProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired SubsidyAllocationRepository repo;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    for (District d : areas.districtsOf("23")) {
      roles.ensureDistrict(d);
    }
    roles.ensureProvince(areas.province("23").orElseThrow());
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  ProcessInstance propose(Map<String, Object> vars) {
    engine
        .getIdentityService()
        .setAuthentication("saofficer23", List.of(Roles.provinceOfficers("23")));
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey(SubsidyAllocationProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Map<String, Object> bySubDistricts(String budget) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.PROVINCE_CODE, "23");
    vars.put(Var.FISCAL_YEAR, "2570");
    vars.put(Var.BUDGET, budget);
    vars.put(Var.BASIS, AllocationBasis.SUB_DISTRICTS.name());
    return vars;
  }

  Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void complete(ProcessInstance pi, String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task(pi).getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  long allocationId(ProcessInstance pi) {
    return ((Number)
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(Var.ALLOCATION_ID)
                .singleResult()
                .getValue())
        .longValue();
  }

  Map<String, BigDecimal> amounts(long allocationId) {
    return repo.lines(allocationId).stream()
        .collect(
            Collectors.toMap(
                SubsidyAllocationRepository.Line::districtCode,
                SubsidyAllocationRepository.Line::amount));
  }

  @Test
  void theSubCommitteeApprovesAndTheExactSplitIsRecorded() {
    ProcessInstance pi = propose(bySubDistricts("1,000,000"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVAL);
    Task approval = task(pi);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .anyMatch(l -> Roles.provinceCommittee("23").equals(l.getGroupId()));
    assertThat(approval.getDueDate())
        .isEqualTo(
            Date.from(
                TODAY
                    .atTime(9, 0)
                    .atZone(ThaiDates.BANGKOK)
                    .toInstant()
                    .plus(java.time.Duration.ofDays(30))));
    String summary =
        (String) engine.getRuntimeService().getVariable(pi.getId(), Var.PROPOSAL_SUMMARY);
    assertThat(summary)
        .contains("ปีงบประมาณ พ.ศ. 2570")
        .contains("1,000,000.00 บาท")
        .contains("ตามจำนวนตำบล")
        .contains("| เมืองตราด | 14 |")
        .contains("368,421.00")
        .contains("**1,000,000.00**");

    complete(
        pi,
        "sacommittee23",
        Roles.provinceCommittee("23"),
        Map.of(Var.DECISION, "APPROVE", Var.REASON, "ครั้งที่ 10/2569"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.RECORD_ALLOCATION, Element.RECORDED);
    long id = allocationId(pi);
    assertThat(repo.get(id).status()).isEqualTo(AllocationStatus.APPROVED);
    assertThat(amounts(id))
        .containsEntry("2301", new BigDecimal("368421.00"))
        .containsEntry("2304", new BigDecimal("131579.00"))
        .containsEntry("2306", new BigDecimal("52632.00"));
    assertThat(amounts(id).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("1000000");
    assertThat(repo.current("23", 2570).orElseThrow().id()).isEqualTo(id);

    // a later approved allocation of the same year replaces it
    ProcessInstance second = propose(bySubDistricts("2000000"));
    complete(
        second, "sacommittee23", Roles.provinceCommittee("23"), Map.of(Var.DECISION, "APPROVE"));
    assertThat(repo.get(id).status()).isEqualTo(AllocationStatus.SUPERSEDED);
    assertThat(repo.current("23", 2570).orElseThrow().id()).isEqualTo(allocationId(second));
  }

  @Test
  void returnedForRevisionTheOfficerChangesTheBasisAndTheNewSplitIsApproved() {
    ProcessInstance pi = propose(bySubDistricts("900000"));
    long id = allocationId(pi);
    complete(
        pi,
        "sacommittee23",
        Roles.provinceCommittee("23"),
        Map.of(Var.DECISION, "RETURN", Var.REASON, "ให้ผสมฐานอัตราหนี้เกินกำหนดชำระด้วย"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.REVISE);
    assertThat(repo.get(id).status()).isEqualTo(AllocationStatus.RETURNED);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
        .anyMatch(l -> Roles.provinceOfficers("23").equals(l.getGroupId()));

    complete(
        pi,
        "saofficer23",
        Roles.provinceOfficers("23"),
        Map.of(
            Var.BASIS,
            "WEIGHTED",
            Var.WEIGHT_SUB_DISTRICTS,
            "60",
            Var.WEIGHT_MEMBERS,
            "0",
            Var.WEIGHT_OVERDUE,
            "40"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVAL);
    // the same allocation, recalculated; the decision field starts blank again
    assertThat(allocationId(pi)).isEqualTo(id);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.DECISION)).isNull();
    SubsidyAllocationRepository.Allocation revised = repo.get(id);
    assertThat(revised.basis()).isEqualTo(AllocationBasis.WEIGHTED);
    assertThat(revised.weights()).isEqualTo(new SubsidyAllocator.Weights(60, 0, 40));
    assertThat(repo.lines(id)).hasSize(7);
    assertThat(amounts(id).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("900000");

    complete(
        pi,
        "sacommittee23",
        Roles.provinceCommittee("23"),
        Map.of(Var.DECISION, "APPROVE", Var.REASON, ""));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.REVISE, Element.RECORDED);
    assertThat(repo.get(id).status()).isEqualTo(AllocationStatus.APPROVED);
  }

  @Test
  void theSubCommitteeRejectsAndNothingIsAllocated() {
    ProcessInstance pi = propose(bySubDistricts("500000"));
    complete(
        pi,
        "sacommittee23",
        Roles.provinceCommittee("23"),
        Map.of(Var.DECISION, "REJECT", Var.REASON, "งบประมาณยังไม่ได้รับจัดสรร"));
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.REJECTED)
        .hasNotPassed(Element.RECORD_ALLOCATION);
    SubsidyAllocationRepository.Allocation a = repo.get(allocationId(pi));
    assertThat(a.status()).isEqualTo(AllocationStatus.REJECTED);
    assertThat(a.decisionReason()).isEqualTo("งบประมาณยังไม่ได้รับจัดสรร");
  }

  @Test
  void badInputIsRefusedInThaiAllAtOnceAndChangesNothing() {
    int before = repo.count();
    Map<String, Object> bad = new HashMap<>();
    bad.put(Var.PROVINCE_CODE, "23");
    bad.put(Var.FISCAL_YEAR, "2027");
    bad.put(Var.BUDGET, "1000.50");
    bad.put(Var.BASIS, "WEIGHTED");
    bad.put(Var.WEIGHT_SUB_DISTRICTS, "50");
    bad.put(Var.WEIGHT_MEMBERS, "abc");
    bad.put(Var.WEIGHT_OVERDUE, "30");
    assertThatThrownBy(() -> propose(bad))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("พุทธศักราช")
        .hasMessageContaining("น้ำหนักฐานจำนวนสมาชิก");
    Map<String, Object> fraction = bySubDistricts("1000.50");
    fraction.put(Var.BASIS, "WEIGHTED");
    fraction.put(Var.WEIGHT_SUB_DISTRICTS, "50");
    fraction.put(Var.WEIGHT_OVERDUE, "30");
    assertThatThrownBy(() -> propose(fraction))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("จำนวนเต็มบาท")
        .hasMessageContaining("รวมกันได้ร้อยละ 100");
    assertThat(repo.count()).isEqualTo(before);

    ProcessInstance pi = propose(bySubDistricts("100000"));
    engine
        .getIdentityService()
        .setAuthentication("sacommittee23", List.of(Roles.provinceCommittee("23")));
    String taskId = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.DECISION, "RETURN")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("กรุณาระบุเหตุผล");
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVAL);
    assertThat(repo.get(allocationId(pi)).status()).isEqualTo(AllocationStatus.PROPOSED);
  }

  @Test
  void everyFormBindsVariablesTheProcessReadsOrWrites() {
    ProcessInstance pi = propose(bySubDistricts("700000"));
    complete(
        pi,
        "sacommittee23",
        Roles.provinceCommittee("23"),
        Map.of(Var.DECISION, "RETURN", Var.REASON, "ทดสอบ"));
    complete(
        pi,
        "saofficer23",
        Roles.provinceOfficers("23"),
        Map.of(
            Var.BUDGET,
            "700000",
            Var.BASIS,
            "WEIGHTED",
            Var.WEIGHT_SUB_DISTRICTS,
            "50",
            Var.WEIGHT_MEMBERS,
            "0",
            Var.WEIGHT_OVERDUE,
            "50"));
    complete(pi, "sacommittee23", Roles.provinceCommittee("23"), Map.of(Var.DECISION, "APPROVE"));
    Set<String> variables = new HashSet<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .forEach(variables::add);
    var forms = DeployedForms.all(engine);
    Set<String> refs = DeployedForms.refsOf(engine, SubsidyAllocationProcess.KEY);
    assertThat(refs)
        .containsExactlyInAnyOrder(
            "subsidy-allocation-start", "subsidy-allocation-approval", "subsidy-allocation-revise");
    for (String formId : refs) {
      assertThat(variables)
          .as("variables bound by form %s", formId)
          .containsAll(DeployedForms.boundNames(forms.get(formId)));
    }
  }
}
