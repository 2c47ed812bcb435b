package th.go.cdd.womenfund.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Element;
import static th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.budget.AllocationBasis;
import th.go.cdd.womenfund.budget.AllocationStatus;
import th.go.cdd.womenfund.budget.SubsidyAllocationRepository;
import th.go.cdd.womenfund.budget.SubsidyAllocator;
import th.go.cdd.womenfund.membership.MembershipRepository;
import th.go.cdd.womenfund.notification.TaskReminders;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.DeployedForms;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * subsidy-project on every path with the real services: closed after the report (late report:
 * reminder mail), rejected by the district, rejected by the province, approval refused when the
 * district's allocation is spent, bad input refused in Thai, four eyes. Province 26 (นครนายก),
 * district 2601, is used by no other test; the class removes its district's projects first, so a
 * database kept between runs (PostgreSQL in CI) starts clean.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class SubsidyProjectProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String PROVINCE = "26";
  static final String DISTRICT = "2601";
  static final String SUB_DISTRICT = "260101";
  static final LocalDate TODAY = LocalDate.of(2031, 11, 3);
  static final int FISCAL_YEAR = ThaiFiscalYear.of(TODAY).buddhistYear();

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired MembershipRepository memberships;
  @Autowired SubsidyAllocationRepository allocations;
  @Autowired SubsidyProjectRepository projects;
  @Autowired TaskReminders reminders;
  @Autowired JdbcClient jdbc;

  String organisation;

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(ThaiDates.BANGKOK).toInstant());
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(TODAY, 9));
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    TestPeople people = TestPeople.of(engine);
    people
        .user("spkeyer2601")
        .email("spkeyer2601@example.org")
        .member(Roles.districtOfficers(DISTRICT));
    people
        .user("spclerk2601")
        .email("spclerk2601@example.org")
        .member(Roles.districtOfficers(DISTRICT));
    people.user("spscreener2601").member(Roles.districtCommittee(DISTRICT));
    people.user("spapprover26").member(Roles.provinceCommittee(PROVINCE));
    people.user("sppayer26").member(Roles.provinceOfficers(PROVINCE));
    people
        .user("spboth26")
        .member(Roles.districtOfficers(DISTRICT), Roles.provinceOfficers(PROVINCE));
    // this district's projects of earlier runs would count against the allocation
    jdbc.sql(
            "delete from subsidy_project_line where project_id in (select id from subsidy_project"
                + " where district_code = ?)")
        .param(DISTRICT)
        .update();
    jdbc.sql("delete from subsidy_project where district_code = ?").param(DISTRICT).update();
    organisation = TestPeople.unique("กลุ่มสตรีทอผ้าบ้านทดสอบ ");
    memberships.insertOrganisation(
        organisation,
        organisation.toLowerCase(Locale.ROOT).replace(" ", ""),
        SUB_DISTRICT,
        DISTRICT,
        PROVINCE,
        "นางทดสอบ ใจดี",
        null,
        12,
        TODAY.minusYears(2),
        FISCAL_YEAR - 2,
        "test");
    approveAllocation("60000.00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /**
   * An approved allocation of the province for the year that gives this district {@code amount}.
   */
  void approveAllocation(String amount) {
    BigDecimal share = new BigDecimal(amount);
    long id =
        allocations.insert(
            PROVINCE,
            FISCAL_YEAR,
            share,
            AllocationBasis.SUB_DISTRICTS,
            SubsidyAllocator.Weights.only(AllocationBasis.SUB_DISTRICTS),
            TODAY,
            "test",
            null);
    allocations.insertLine(
        id,
        new SubsidyAllocator.DistrictFacts(DISTRICT, "เมืองนครนายก", 1, 0, null),
        new SubsidyAllocator.Share(DISTRICT, "เมืองนครนายก", share, share));
    allocations.decide(id, AllocationStatus.APPROVED, TODAY, null);
    allocations.supersedeApproved(PROVINCE, FISCAL_YEAR, id);
  }

  Map<String, Object> project(String lines) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.ORGANISATION_NAME, organisation);
    vars.put(Var.SUB_DISTRICT_CODE, SUB_DISTRICT);
    vars.put(Var.PROJECT_NAME, "โครงการพัฒนาผลิตภัณฑ์ผ้าทอ");
    vars.put(Var.OBJECTIVE, "เพิ่มรายได้ให้สมาชิกกลุ่มจากการขายผ้าทอ");
    vars.put(Var.PERIOD_FROM, "01/12/2574");
    vars.put(Var.PERIOD_TO, "31/05/2575");
    vars.put(Var.BUDGET_LINES, lines);
    return vars;
  }

  ProcessInstance start(Map<String, Object> vars) {
    return as(
        "spkeyer2601",
        List.of(Roles.districtOfficers(DISTRICT)),
        () ->
            engine.getRuntimeService().startProcessInstanceByKey(SubsidyProjectProcess.KEY, vars));
  }

  <T> T as(String user, List<String> groups, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  void complete(ProcessInstance pi, String user, String group, Map<String, Object> vars) {
    complete(pi, user, List.of(group), vars);
  }

  void complete(ProcessInstance pi, String user, List<String> groups, Map<String, Object> vars) {
    String taskId = task(pi).getId();
    as(
        user,
        groups,
        () -> {
          engine.getTaskService().complete(taskId, vars);
          return null;
        });
  }

  void endorse(ProcessInstance pi, String reference) {
    complete(
        pi,
        "spkeyer2601",
        Roles.districtOfficers(DISTRICT),
        Map.of(Var.ENDORSEMENT_DATE, "01/11/2574", Var.ENDORSEMENT_REFERENCE, reference));
  }

  void screen(ProcessInstance pi, Map<String, Object> vars) {
    complete(pi, "spscreener2601", Roles.districtCommittee(DISTRICT), vars);
  }

  void decideAtProvince(ProcessInstance pi, Map<String, Object> vars) {
    complete(pi, "spapprover26", Roles.provinceCommittee(PROVINCE), vars);
  }

  void pay(ProcessInstance pi, Map<String, Object> vars) {
    complete(pi, "sppayer26", Roles.provinceOfficers(PROVINCE), vars);
  }

  static Map<String, Object> transfer(String date, String amount, String reference) {
    return Map.of(
        Var.TRANSFER_DATE, date, Var.TRANSFER_AMOUNT, amount, Var.TRANSFER_REFERENCE, reference);
  }

  static Map<String, Object> report(String date, String spent, String results) {
    return Map.of(Var.REPORT_DATE, date, Var.AMOUNT_SPENT, spent, Var.REPORT_RESULTS, results);
  }

  long projectId(ProcessInstance pi) {
    return jdbc.sql("select id from subsidy_project where process_instance_id = ?")
        .param(pi.getId())
        .query(Long.class)
        .single();
  }

  /** Registered, endorsed and screened: waiting for the province committee. */
  ProcessInstance screened(String lines) {
    ProcessInstance pi = start(project(lines));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.ENDORSEMENT);
    endorse(pi, "ครั้งที่ 3/2574");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.DISTRICT_SCREENING);
    screen(pi, Map.of(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, ""));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.PROVINCE_DECISION);
    return pi;
  }

  @Test
  void approvedDisbursedLateReportRemindedThenClosed() throws Exception {
    ProcessInstance pi = screened("ค่าวัสดุทอผ้า, 25,000.50\nค่าวิทยากร, 4,999.50");
    long id = projectId(pi);
    String projectNo =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getBusinessKey();
    assertThat(projectNo).startsWith("SP-" + DISTRICT + "-" + FISCAL_YEAR + "-");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.PROJECT_SUMMARY))
        .contains("| ค่าวัสดุทอผ้า | 25,000.50 |")
        .contains("**30,000.00**")
        .contains("31 พฤษภาคม 2575");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
        .anyMatch(l -> Roles.provinceCommittee(PROVINCE).equals(l.getGroupId()));

    decideAtProvince(
        pi,
        Map.of(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, "ครั้งที่ 1/2575"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.DISBURSEMENT);
    assertThat(projects.committed(DISTRICT, FISCAL_YEAR)).isEqualByComparingTo("30000.00");

    // the amount must be the approved total to the satang; a refusal leaves the task open
    assertThatThrownBy(() -> pay(pi, transfer("10/11/2574", "29999.99", "KTB-001")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ต้องเท่ากับงบประมาณที่อนุมัติ 30,000.00 บาท");
    assertThat(projects.get(id).status()).isEqualTo(SubsidyProjectStatus.APPROVED);
    pay(pi, transfer("03/11/2574", "30,000.00", "KTB-001"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.GROUP_REPORT);
    assertThat(projects.get(id).transferAmount()).isEqualByComparingTo("30000.00");

    // the report is due 30 days after the project's last day; a day late, the district's officers
    // are reminded
    Task report = task(pi);
    LocalDate due = TaskReminders.dueDay(report.getDueDate());
    assertThat(due).isEqualTo(LocalDate.of(2032, 5, 31).plusDays(30));
    ClockUtil.setCurrentTime(at(due.plusDays(1), 8));
    List<String> keys = reminders.due().stream().filter(k -> k.contains(report.getId())).toList();
    assertThat(keys).hasSize(1);
    assertThat(reminders.send(keys.get(0))).isTrue();
    List<MimeMessage> mails =
        Arrays.stream(smtp.getReceivedMessages()).filter(m -> body(m).contains(projectNo)).toList();
    assertThat(mails).isNotEmpty();
    assertThat(mails.get(0).getSubject())
        .isEqualTo("เลยกำหนด: บันทึกรายงานผลการดำเนินโครงการขององค์กร — เลยกำหนดมาแล้ว 1 วัน");
    assertThat(
            mails.stream()
                .flatMap(
                    m -> {
                      try {
                        return Arrays.stream(m.getAllRecipients()).map(Object::toString);
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    }))
        .contains("spkeyer2601@example.org", "spclerk2601@example.org");
    assertThat(body(mails.get(0))).contains(ThaiDates.format(due));

    complete(
        pi,
        "spclerk2601",
        Roles.districtOfficers(DISTRICT),
        report("30/06/2575", "29,850.25", "ผลิตผ้าทอได้ 120 ผืน ขายได้ 48,000 บาท"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.RECORD_REPORT, Element.CLOSED);
    assertThat(projects.get(id).status()).isEqualTo(SubsidyProjectStatus.CLOSED);
  }

  @Test
  void theDistrictCommitteeRejects() {
    ProcessInstance pi = start(project("ค่าวัสดุ, 10000"));
    endorse(pi, "3/2574");
    assertThatThrownBy(() -> screen(pi, Map.of(Var.DISTRICT_DECISION, "REJECT")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("กรุณาระบุเหตุผล");
    screen(
        pi,
        Map.of(
            Var.DISTRICT_DECISION,
            "REJECT",
            Var.DISTRICT_DECISION_REASON,
            "ซ้ำกับโครงการของ อบต."));
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.REJECTED_BY_DISTRICT)
        .hasNotPassed(Element.PROVINCE_DECISION);
    assertThat(projects.get(projectId(pi)).status())
        .isEqualTo(SubsidyProjectStatus.REJECTED_BY_DISTRICT);
  }

  @Test
  void theProvinceCommitteeRejectsAndNothingIsSpent() {
    ProcessInstance pi = screened("ค่าวัสดุ, 10000");
    decideAtProvince(
        pi, Map.of(Var.PROVINCE_DECISION, "REJECT", Var.PROVINCE_DECISION_REASON, "ยังไม่พร้อม"));
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.REJECTED_BY_PROVINCE)
        .hasNotPassed(Element.DISBURSEMENT);
    assertThat(projects.get(projectId(pi)).status())
        .isEqualTo(SubsidyProjectStatus.REJECTED_BY_PROVINCE);
    assertThat(projects.committed(DISTRICT, FISCAL_YEAR)).isEqualByComparingTo("0");
  }

  @Test
  void approvalIsRefusedInThaiWhenTheDistrictsAllocationIsSmallerThanTheProject() {
    ProcessInstance first = screened("ค่าวัสดุ, 40000");
    decideAtProvince(first, Map.of(Var.PROVINCE_DECISION, "APPROVE"));
    ProcessInstance second = screened("ค่าวัสดุ, 20000.01");
    assertThatThrownBy(() -> decideAtProvince(second, Map.of(Var.PROVINCE_DECISION, "APPROVE")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("เหลือ 20,000.00 บาท น้อยกว่างบประมาณของโครงการ 20,000.01 บาท");
    BpmnAwareTests.assertThat(second).isWaitingAt(Element.PROVINCE_DECISION);
    assertThat(projects.get(projectId(second)).status()).isEqualTo(SubsidyProjectStatus.SCREENED);

    // exactly what remains is approved
    ProcessInstance third = screened("ค่าวัสดุ, 20000.00");
    decideAtProvince(third, Map.of(Var.PROVINCE_DECISION, "APPROVE"));
    assertThat(projects.committed(DISTRICT, FISCAL_YEAR)).isEqualByComparingTo("60000.00");
    decideAtProvince(
        second,
        Map.of(
            Var.PROVINCE_DECISION,
            "REJECT",
            Var.PROVINCE_DECISION_REASON,
            "วงเงินจัดสรรของอำเภอหมดแล้ว"));
    BpmnAwareTests.assertThat(second).isEnded().hasPassed(Element.REJECTED_BY_PROVINCE);
  }

  @Test
  void withoutAnApprovedAllocationOfTheYearNoProjectIsApproved() {
    ProcessInstance pi = screened("ค่าวัสดุ, 1000");
    long allocation = allocations.current(PROVINCE, FISCAL_YEAR).orElseThrow().id();
    allocations.decide(allocation, AllocationStatus.SUPERSEDED, TODAY, null);
    assertThatThrownBy(() -> decideAtProvince(pi, Map.of(Var.PROVINCE_DECISION, "APPROVE")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining(
            "ยังไม่มีเงินอุดหนุนที่ได้รับจัดสรร (ที่อนุมัติแล้ว) ของปีงบประมาณ พ.ศ. "
                + FISCAL_YEAR);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.PROVINCE_DECISION);
  }

  @Test
  void badInputIsRefusedInThaiAllAtOnceAndNothingIsStored() {
    Map<String, Object> bad = project("ค่าวัสดุ 1000\nค่าวิทยากร, 60000");
    bad.put(Var.PERIOD_TO, "31/05/2032");
    assertThatThrownBy(() -> start(bad))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("บรรทัดที่ 1")
        .hasMessageContaining("ปีต้องเป็นพุทธศักราช");
    Map<String, Object> tooMuch = project("ค่าวัสดุ, 50000.01");
    assertThatThrownBy(() -> start(tooMuch))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ไม่เกิน 50,000 บาทต่อโครงการ");
    Map<String, Object> unknown = project("ค่าวัสดุ, 1000");
    unknown.put(Var.ORGANISATION_NAME, "กลุ่มที่ไม่มีในทะเบียน");
    assertThatThrownBy(() -> start(unknown))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ไม่พบองค์กรสตรี \"กลุ่มที่ไม่มีในทะเบียน\"");
    assertThat(
            jdbc.sql("select count(*) from subsidy_project where district_code = ?")
                .param(DISTRICT)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void oneOfficerInBothGroupsCannotKeyAndPayTheSameProject() {
    ProcessInstance pi =
        as(
            "spboth26",
            List.of(Roles.districtOfficers(DISTRICT), Roles.provinceOfficers(PROVINCE)),
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        SubsidyProjectProcess.KEY, project("ค่าวัสดุ, 5000")));
    endorse(pi, "3/2574");
    screen(pi, Map.of(Var.DISTRICT_DECISION, "APPROVE"));
    decideAtProvince(pi, Map.of(Var.PROVINCE_DECISION, "APPROVE"));
    assertThatThrownBy(
            () ->
                complete(
                    pi,
                    "spboth26",
                    List.of(Roles.districtOfficers(DISTRICT), Roles.provinceOfficers(PROVINCE)),
                    transfer("03/11/2574", "5000", "X-1")))
        .hasMessageContaining("หลักการแบ่งแยกหน้าที่");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.DISBURSEMENT);
    pay(pi, transfer("03/11/2574", "5000", "X-1"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.GROUP_REPORT);
  }

  @Test
  void everyFormBindsVariablesTheProcessReadsOrWrites() {
    ProcessInstance pi = screened("ค่าวัสดุ, 1000");
    decideAtProvince(
        pi, Map.of(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, ""));
    pay(pi, transfer("03/11/2574", "1000", "X-2"));
    complete(
        pi,
        "spkeyer2601",
        Roles.districtOfficers(DISTRICT),
        report("03/11/2574", "1000", "จัดอบรมแล้ว"));
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
    Set<String> refs = DeployedForms.refsOf(engine, SubsidyProjectProcess.KEY);
    assertThat(refs).hasSize(6);
    for (String formId : refs) {
      assertThat(variables)
          .as("variables bound by form %s", formId)
          .containsAll(DeployedForms.boundNames(forms.get(formId)));
    }
  }

  static String body(MimeMessage m) {
    try {
      return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
