package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Every path of {@code loan-application}, with the real delegates, H2 and a real SMTP server
 * (GreenMail).
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class LoanApplicationProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String DISTRICT = "2305"; // แหลมงอบ
  static final String SUB_DISTRICT = "230507"; // ต.คลองใหญ่ อ.แหลมงอบ (not อ.คลองใหญ่ 2302)
  static final String OFFICE_MAIL = "cdd2305@example.org";
  static final Date NOW =
      Date.from(
          LocalDate.of(2026, 11, 28).atTime(9, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant());

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired AreaRepository areas;
  @Autowired RoleAuthorizations roles;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    ClockUtil.setCurrentTime(NOW);
    areas.setOfficeEmail(DISTRICT, OFFICE_MAIL);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  static LocalDate today() {
    return NOW.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
  }

  static Map<String, Object> application() {
    return new HashMap<>(
        DemoApplications.application(1, "กลุ่มสตรีจักสานบ้านคลองใหญ่", SUB_DISTRICT, today()));
  }

  ProcessInstance startAs(String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(LoanApplicationProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance start() {
    return startAs("officer" + DISTRICT, Roles.districtOfficers(DISTRICT), application());
  }

  static Map<String, Object> endorsement() {
    return Map.of(
        Var.ENDORSEMENT_DATE,
        ThaiDates.formatNumeric(today()),
        Var.ENDORSEMENT_REFERENCE,
        "3/2569",
        Var.ENDORSEMENT_OPINION,
        "เห็นควรสนับสนุน");
  }

  static Map<String, Object> district(Decision d, String reason) {
    return Map.of(Var.DISTRICT_DECISION, d.name(), Var.DISTRICT_DECISION_REASON, reason);
  }

  static Map<String, Object> province(Decision d, String reason) {
    return Map.of(Var.PROVINCE_DECISION, d.name(), Var.PROVINCE_DECISION_REASON, reason);
  }

  static Map<String, Object> endorsedOn(LocalDate day) {
    return Map.of(
        Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(day), Var.ENDORSEMENT_REFERENCE, "3/2569");
  }

  static Map<String, Object> contract(String number, String date) {
    return Map.of(Var.CONTRACT_NO, number, Var.CONTRACT_DATE, date);
  }

  static Map<String, Object> contractOn(String number, LocalDate day) {
    return contract(number, ThaiDates.formatNumeric(day));
  }

  static Map<String, Object> transferOn(LocalDate day, String reference) {
    return Map.of(
        Var.TRANSFER_DATE, ThaiDates.formatNumeric(day), Var.TRANSFER_REFERENCE, reference);
  }

  /**
   * The refusal of a step dated {@code day} before the step before it, done on {@code earlierDay}.
   */
  static String notBefore(String step, LocalDate day, String earlier, LocalDate earlierDay) {
    return step
        + " ("
        + ThaiDates.format(day)
        + ") ต้องไม่ก่อน"
        + earlier
        + " ("
        + ThaiDates.format(earlierDay)
        + ")";
  }

  void assertTask(
      ProcessInstance pi, String element, String candidateGroup, String deadlineKey, int days) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(element);
    Task t = task(pi);
    BpmnAwareTests.assertThat(t).hasCandidateGroup(candidateGroup);
    assertThat(t.getDueDate()).isEqualTo(new Date(NOW.getTime() + days * 24L * 3600 * 1000));
  }

  long loanId(ProcessInstance pi) {
    return ((Number) engine.getRuntimeService().getVariable(pi.getId(), Var.LOAN_ID)).longValue();
  }

  String status(long loanId) {
    return jdbc.sql("select status from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  @Test
  void approvedApplicationEndsWithContractTransferScheduleRiskCoverAndMail() throws Exception {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    String applicationNo =
        (String) engine.getRuntimeService().getVariable(pi.getId(), Var.APPLICATION_NO);
    assertThat(applicationNo).startsWith("LA-2305-2569-");
    assertThat(pi.getBusinessKey()).isEqualTo(applicationNo);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(applicationNo)
                .count())
        .isEqualTo(1);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.APPLICATION_SUMMARY))
        .contains("ผ่าน: กลุ่มมีผู้กู้อย่างน้อย 5 คน")
        .doesNotContain("ไม่ผ่าน");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.APPLICATION_SUMMARY))
        .contains("ต.คลองใหญ่ อ.แหลมงอบ จ.ตราด")
        .contains("X-XXXX-XXXX");

    assertTask(
        pi,
        Element.SUBDISTRICT_ENDORSEMENT,
        "district-2305-officers",
        "subdistrict-endorsement",
        14);
    complete(task(pi), endorsement());
    assertTask(pi, Element.DISTRICT_SCREENING, "district-2305-committee", "district-screening", 14);
    complete(task(pi), district(Decision.APPROVE, "โครงการเป็นไปได้"));
    assertThat(status(loanId)).isEqualTo("DISTRICT_APPROVED");
    assertTask(pi, Element.PROVINCE_DECISION, "province-23-committee", "province-decision", 30);
    complete(task(pi), province(Decision.APPROVE, ""));
    assertTask(pi, Element.SIGN_CONTRACT, "district-2305-officers", "sign-contract", 14);
    complete(task(pi), contractOn("สญ.2305/12", today()));
    assertThat(
            jdbc.sql("select count(*) from risk_cover where loan_id = ? and in_force = true")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isEqualTo(
            jdbc.sql("select count(*) from loan_borrower where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(5);
    assertTask(pi, Element.RECORD_TRANSFER, "province-23-officers", "record-transfer", 7);
    complete(task(pi), transferOn(today(), "KTB-000123"));

    // schedule generated in the same transaction; the mail waits as a job of its own
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.NOTIFY_APPROVAL);
    List<Installment> schedule =
        jdbc.sql(
                "select seq, due_date, principal, interest from repayment_installment"
                    + " where loan_id = ? order by seq")
            .param(loanId)
            .query(
                (rs, n) ->
                    new Installment(
                        rs.getInt(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
            .list();
    BigDecimal amount =
        jdbc.sql("select requested_amount from loan_project where id = ?")
            .param(loanId)
            .query(BigDecimal.class)
            .single();
    long term =
        ((Number) engine.getRuntimeService().getVariable(pi.getId(), Var.TERM_MONTHS)).longValue();
    assertThat(schedule).hasSize((int) term);
    assertThat(
            schedule.stream().map(Installment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(amount);
    assertThat(
            jdbc.sql("select interest_rate_pct from loan_project where id = ?")
                .param(loanId)
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("0.1");

    engine.getManagementService().executeJob(job(pi).getId());
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.GENERATE_SCHEDULE)
        .hasPassed(Element.END_DISBURSED);
    assertThat(status(loanId)).isEqualTo("DISBURSED");

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails)
        .hasSize(2); // one delivery per recipient: the group's contact and the district office
    assertThat(Stream.of(mails[0].getAllRecipients()).map(Object::toString))
        .containsExactlyInAnyOrder("group2@womenfund.example", OFFICE_MAIL);
    assertThat(mails[0].getSubject())
        .isEqualTo("แจ้งผลการอนุมัติเงินกู้ คำขอเลขที่ " + applicationNo);
    String html = decodedBody(mails[0]);
    assertThat(html)
        .contains("ตารางชำระคืน")
        .contains("2569")
        .contains(" บาท")
        .contains(ThaiDates.format(today()));
  }

  @Test
  void returnedApplicationLoopsBackWithTheReasonAndIsCheckedAgain() {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.RETURN, "ขอแผนการตลาด"));
    assertTask(pi, Element.FIX_APPLICATION, "district-2305-officers", "fix-application", 7);
    assertThat(status(loanId)).isEqualTo("RETURNED");
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), Var.DISTRICT_DECISION_REASON))
        .isEqualTo("ขอแผนการตลาด");

    // a fix that breaks a rule is refused and changes nothing
    Map<String, Object> tooBig = new HashMap<>();
    tooBig.put(Var.REQUESTED_AMOUNT, "999999.00");
    String taskId = task(pi).getId();
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers(DISTRICT)));
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, tooBig))
        .hasMessageContaining("ไม่เท่ากับวงเงินขอกู้");
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.FIX_APPLICATION);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.REQUESTED_AMOUNT))
        .isNotEqualTo("999999.00");

    Map<String, Object> fixed = new HashMap<>();
    fixed.put(Var.PURPOSE, "ทำผ้ามัดย้อม จำหน่ายที่ตลาดน้ำและออนไลน์");
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers(DISTRICT)));
    engine.getTaskService().complete(taskId, fixed);
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).hasPassed(Element.UPDATE).isWaitingAt(Element.DISTRICT_SCREENING);
    // the second round starts blank: the earlier "return" must not be pre-selected in the form
    assertThat(engine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKeys(Var.DISTRICT_DECISION, Var.DISTRICT_DECISION_REASON);
    assertThat(status(loanId)).isEqualTo("REGISTERED");
    assertThat(
            jdbc.sql("select purpose from loan_project where id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .contains("ตลาดน้ำ");
    complete(task(pi), district(Decision.APPROVE, "แก้ไขครบแล้ว"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.PROVINCE_DECISION);
  }

  @Test
  void rejectedAtDistrictEndsAndTellsTheGroupWhy() throws Exception {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.REJECT, "กลุ่มมีหนี้ค้างชำระกับกองทุนฯ"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.NOTIFY_DISTRICT_REJECTION);
    assertThat(status(loanId)).isEqualTo("REJECTED_BY_DISTRICT");
    engine.getManagementService().executeJob(job(pi).getId());
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.END_REJECTED_BY_DISTRICT)
        .hasNotPassed(Element.PROVINCE_DECISION);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .startsWith("แจ้งผลการพิจารณาคำขอกู้ เลขที่ LA-2305-");
    assertThat(decodedBody(smtp.getReceivedMessages()[0]))
        .contains("กลุ่มมีหนี้ค้างชำระกับกองทุนฯ")
        .contains("อำเภอ");
  }

  @Test
  void rejectedAtProvinceEndsAndTellsTheGroupWhy() throws Exception {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.APPROVE, ""));
    complete(task(pi), province(Decision.REJECT, "งบประมาณปีนี้หมดแล้ว"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.NOTIFY_PROVINCE_REJECTION);
    assertThat(status(loanId)).isEqualTo("REJECTED_BY_PROVINCE");
    engine.getManagementService().executeJob(job(pi).getId());
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.END_REJECTED_BY_PROVINCE)
        .hasNotPassed(Element.SIGN_CONTRACT);
    assertThat(decodedBody(smtp.getReceivedMessages()[0]))
        .contains("งบประมาณปีนี้หมดแล้ว")
        .contains("จังหวัด");
  }

  @Test
  void aDecisionToReturnOrRejectWithoutReasonIsRefusedAndTheTaskStays() {
    ProcessInstance pi = start();
    complete(task(pi), endorsement());
    String taskId = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, district(Decision.REJECT, " ")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessage("กรุณาระบุเหตุผลที่ไม่เห็นชอบ");
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.DISTRICT_DECISION, "MAYBE")))
        .hasMessageContaining("กรุณาเลือกผลการพิจารณา");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.DISTRICT_SCREENING);
    assertThat(status(loanId(pi))).isEqualTo("REGISTERED");
  }

  @Test
  void datesMustBeBuddhistNotInTheFutureAndNotBeforeTheProvincialApproval() {
    ProcessInstance pi = start();
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.APPROVE, ""));
    complete(task(pi), province(Decision.APPROVE, ""));
    String contractTask = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(contractTask, contract("สญ.1", "28/11/2026")))
        .hasMessageContaining("พุทธศักราช");
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(contractTask, contractOn("สญ.1", today().plusDays(1))))
        .hasMessageContaining("อยู่ในอนาคต");
    // dates in order: the province approved today, so a contract dated yesterday (and its risk
    // cover) is refused
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(contractTask, contractOn("สญ.1", today().minusDays(1))))
        .isInstanceOf(RefusedInputException.class)
        .hasMessage(
            notBefore(
                "วันที่ทำสัญญา",
                today().minusDays(1),
                "วันที่คณะอนุกรรมการกองทุนฯ จังหวัดอนุมัติ",
                today()));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.SIGN_CONTRACT);
    assertThat(
            jdbc.sql("select count(*) from risk_cover where loan_id = ?")
                .param(loanId(pi))
                .query(Integer.class)
                .single())
        .isZero();
  }

  /**
   * Each step's day comes from the fund's records and may not be before the step before it (issue
   * 13).
   */
  @Test
  void everyStepIsDatedNoEarlierThanTheStepBeforeIt() {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    assertThat(stepDate(loanId, "applied_on")).isEqualTo(today());
    // the sub-district meeting cannot come before the application
    assertRefused(
        pi,
        endorsedOn(today().minusDays(1)),
        notBefore(
            "วันที่ประชุมคณะทำงานฯ ตำบล", today().minusDays(1), "วันที่ยื่นคำขอกู้", today()));
    assertThat(stepDate(loanId, "endorsed_on")).isNull();
    // the meeting two days after the application; the district committee meets (the engine's clock)
    // one day after
    daysAfterNow(2);
    complete(task(pi), endorsedOn(today().plusDays(2)));
    assertThat(stepDate(loanId, "endorsed_on")).isEqualTo(today().plusDays(2));
    daysAfterNow(1);
    assertRefused(
        pi,
        district(Decision.APPROVE, ""),
        notBefore(
            "วันที่คณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา",
            today().plusDays(1),
            "วันที่ประชุมคณะทำงานฯ ตำบล",
            today().plusDays(2)));
    assertThat(status(loanId)).isEqualTo("REGISTERED");
    daysAfterNow(3);
    complete(task(pi), district(Decision.APPROVE, ""));
    assertThat(stepDate(loanId, "screened_on")).isEqualTo(today().plusDays(3));
    // the province's decision cannot be dated before the district's screening
    daysAfterNow(2);
    assertRefused(
        pi,
        province(Decision.APPROVE, ""),
        notBefore(
            "วันที่คณะอนุกรรมการกองทุนฯ จังหวัดพิจารณา",
            today().plusDays(2),
            "วันที่คณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา",
            today().plusDays(3)));
    assertThat(status(loanId)).isEqualTo("DISTRICT_APPROVED");
    daysAfterNow(5);
    complete(task(pi), province(Decision.APPROVE, ""));
    assertThat(stepDate(loanId, "province_approved_on")).isEqualTo(today().plusDays(5));
    daysAfterNow(6);
    complete(task(pi), contractOn("สญ.2305/99", today().plusDays(6)));
    // the death cover starts on the contract date
    assertThat(
            jdbc.sql("select distinct cover_from from risk_cover where loan_id = ?")
                .param(loanId)
                .query(java.sql.Date.class)
                .list())
        .extracting(java.sql.Date::toLocalDate)
        .containsExactly(today().plusDays(6));
    // the transfer cannot come before the contract
    assertRefused(
        pi,
        transferOn(today().plusDays(5), "KTB-1"),
        notBefore("วันที่โอนเงิน", today().plusDays(5), "วันที่ทำสัญญา", today().plusDays(6)));
    complete(task(pi), transferOn(today().plusDays(6), "KTB-1"));
    assertThat(stepDate(loanId, "transfer_date")).isEqualTo(today().plusDays(6));
  }

  static final long DAY = 24L * 3600 * 1000;

  /** The engine's clock {@code days} after the application was keyed. */
  static void daysAfterNow(int days) {
    ClockUtil.setCurrentTime(new Date(NOW.getTime() + days * DAY));
  }

  /** Completing the task of {@code pi} with {@code vars} is refused with {@code message}. */
  void assertRefused(ProcessInstance pi, Map<String, Object> vars, String message) {
    String taskId = task(pi).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, vars))
        .isInstanceOf(RefusedInputException.class)
        .hasMessage(message);
  }

  LocalDate stepDate(long loanId, String column) {
    return jdbc.sql("select " + column + " from loan_project where id = ?")
        .param(loanId)
        .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
        .list()
        .get(0);
  }

  /**
   * The province sends the application back to the district with a reason: the district's officers
   * fix it (not the committee), the district committee screens it again, and it comes back to the
   * province.
   */
  @Test
  void theProvinceReturnsTheApplicationToTheDistrictAndItComesBackUpThroughTheDistrict() {
    ProcessInstance pi = start();
    long loanId = loanId(pi);
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.APPROVE, "โครงการเป็นไปได้"));
    // a return needs its reason
    assertRefused(pi, province(Decision.RETURN, " "), "กรุณาระบุเหตุผลที่ส่งกลับให้อำเภอแก้ไข");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.PROVINCE_DECISION);
    assertThat(status(loanId)).isEqualTo("DISTRICT_APPROVED");

    complete(task(pi), province(Decision.RETURN, "ขอประมาณการรายได้ของโครงการ"));
    BpmnAwareTests.assertThat(pi).hasPassed(Element.JOIN_FIX);
    assertTask(pi, Element.FIX_APPLICATION, "district-2305-officers", "fix-application", 7);
    assertThat(status(loanId)).isEqualTo("RETURNED");
    assertThat(stepDate(loanId, "province_approved_on")).isNull();
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), Var.FIX_REQUEST))
        .isEqualTo(
            "คณะอนุกรรมการกองทุนฯ จังหวัดส่งกลับให้อำเภอแก้ไข เหตุผล: ขอประมาณการรายได้ของโครงการ");
    // the typed lists keep their full IDs while the application may still be fixed
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.BORROWERS))
        .doesNotContain("X-XXXX");

    Map<String, Object> fixed =
        new HashMap<>(engine.getRuntimeService().getVariables(pi.getId(), Var.APPLICATION_FIELDS));
    fixed.put(Var.PURPOSE, fixed.get(Var.PURPOSE) + " ประมาณการรายได้เดือนละ 20,000 บาท");
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers(DISTRICT)));
    engine.getTaskService().complete(task(pi).getId(), fixed);
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).hasPassed(Element.UPDATE).isWaitingAt(Element.DISTRICT_SCREENING);
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("district-2305-committee");
    assertThat(engine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKeys(
            Var.DISTRICT_DECISION,
            Var.DISTRICT_DECISION_REASON,
            Var.PROVINCE_DECISION,
            Var.PROVINCE_DECISION_REASON);
    assertThat(status(loanId)).isEqualTo("REGISTERED");

    complete(task(pi), district(Decision.APPROVE, "แก้ไขตามที่จังหวัดขอแล้ว"));
    assertTask(pi, Element.PROVINCE_DECISION, "province-23-committee", "province-decision", 30);
    complete(task(pi), province(Decision.APPROVE, ""));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.SIGN_CONTRACT);
    assertThat(status(loanId)).isEqualTo("APPROVED");
    assertThat(stepDate(loanId, "province_approved_on")).isEqualTo(today());
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.BORROWERS))
        .contains("X-XXXX");
  }

  /**
   * Four eyes still hold on the way back: the officer who fixed the application cannot screen or
   * sign it.
   */
  @Test
  void afterAReturnFromTheProvinceTheFixerStillCannotScreenOrSign() {
    ProcessInstance pi = startAs("keyer2305", Roles.districtOfficers(DISTRICT), application());
    completeAs("keyer2305", Roles.districtOfficers(DISTRICT), pi, endorsement());
    completeAs(
        "screener2305", Roles.districtCommittee(DISTRICT), pi, district(Decision.APPROVE, ""));
    completeAs(
        "approver23",
        Roles.provinceCommittee("23"),
        pi,
        province(Decision.RETURN, "ขอเอกสารเพิ่ม"));
    Map<String, Object> fixed =
        new HashMap<>(engine.getRuntimeService().getVariables(pi.getId(), Var.APPLICATION_FIELDS));
    // the screener may not fix (a duty of the district's intake), the keyer may
    engine
        .getIdentityService()
        .setAuthentication(
            "screener2305",
            List.of(Roles.districtCommittee(DISTRICT), Roles.districtOfficers(DISTRICT)));
    String fixTask = task(pi).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(fixTask, fixed))
        .hasMessageContaining("แบ่งแยกหน้าที่");
    engine.getIdentityService().clearAuthentication();
    completeAs("keyer2305", Roles.districtOfficers(DISTRICT), pi, fixed);
    // the keyer (and fixer) may not screen, even holding the committee's group
    engine
        .getIdentityService()
        .setAuthentication(
            "keyer2305",
            List.of(Roles.districtOfficers(DISTRICT), Roles.districtCommittee(DISTRICT)));
    String screeningTask = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(screeningTask, district(Decision.APPROVE, "")))
        .hasMessageContaining("แบ่งแยกหน้าที่");
    engine.getIdentityService().clearAuthentication();
    completeAs(
        "screener2305", Roles.districtCommittee(DISTRICT), pi, district(Decision.APPROVE, ""));
    completeAs("approver23", Roles.provinceCommittee("23"), pi, province(Decision.APPROVE, ""));
    engine
        .getIdentityService()
        .setAuthentication("keyer2305", List.of(Roles.districtOfficers(DISTRICT)));
    String contractTask = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(contractTask, contractOn("สญ.4", today())))
        .hasMessageContaining("แบ่งแยกหน้าที่");
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.SIGN_CONTRACT);
  }

  void completeAs(String user, String group, ProcessInstance pi, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task(pi).getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Stream<Arguments> badStartForms() {
    return Stream.of(
        Arguments.of(
            "wrong ID check digit",
            (Consumer<Map<String, Object>>)
                v -> {
                  String borrowers = (String) v.get(Var.BORROWERS);
                  String first = borrowers.substring(0, 13);
                  String wrong = first.substring(0, 12) + ((first.charAt(12) - '0' + 1) % 10);
                  v.put(Var.BORROWERS, borrowers.replace(first, wrong));
                  v.put(
                      Var.FAMILY_ACKNOWLEDGEMENTS,
                      ((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS)).replace(first, wrong));
                },
            "หลักตรวจสอบ"),
        Arguments.of(
            "fewer than 5 members",
            (Consumer<Map<String, Object>>)
                v -> {
                  List<String> lines = ((String) v.get(Var.BORROWERS)).lines().toList();
                  v.put(Var.BORROWERS, String.join("\n", lines.subList(0, 4)));
                  v.put(
                      Var.FAMILY_ACKNOWLEDGEMENTS,
                      String.join(
                          "\n",
                          ((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS))
                              .lines()
                              .toList()
                              .subList(0, 4)));
                  BigDecimal sum =
                      lines.subList(0, 4).stream()
                          .map(l -> new BigDecimal(l.substring(l.lastIndexOf(',') + 1).strip()))
                          .reduce(BigDecimal.ZERO, BigDecimal::add);
                  v.put(Var.REQUESTED_AMOUNT, sum.toPlainString());
                },
            "กลุ่มต้องมีผู้กู้อย่างน้อย 5 คน"),
        Arguments.of(
            "amount over the cap",
            (Consumer<Map<String, Object>>)
                v -> {
                  StringBuilder b = new StringBuilder();
                  StringBuilder a = new StringBuilder();
                  for (int i = 0; i < 5; i++) {
                    String first12 = String.format("32305%07d", 4_000_000 + i * 31);
                    String id = first12 + NationalId.checkDigit(first12);
                    b.append(id)
                        .append(", นางทดสอบ วงเงิน")
                        .append(i)
                        .append(", 01/01/2520, 01/01/2560, 45000\n");
                    a.append(id).append(", บุตร, นายบุตร ทดสอบ").append(i).append(", 01/11/2569\n");
                  }
                  v.put(Var.BORROWERS, b.toString());
                  v.put(Var.FAMILY_ACKNOWLEDGEMENTS, a.toString());
                  v.put(Var.REQUESTED_AMOUNT, "225000");
                },
            "ต้องไม่เกิน 200,000 บาท"),
        Arguments.of(
            "negative amount",
            (Consumer<Map<String, Object>>) v -> v.put(Var.REQUESTED_AMOUNT, "-150000"),
            "ต้องไม่ติดลบ"),
        Arguments.of(
            "non-numeric amount",
            (Consumer<Map<String, Object>>) v -> v.put(Var.REQUESTED_AMOUNT, "หนึ่งแสนบาท"),
            "ไม่ใช่จำนวนเงินที่ถูกต้อง"),
        Arguments.of(
            "missing family acknowledgement",
            (Consumer<Map<String, Object>>)
                v -> {
                  List<String> acks =
                      ((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS)).lines().toList();
                  v.put(
                      Var.FAMILY_ACKNOWLEDGEMENTS, String.join("\n", acks.subList(1, acks.size())));
                },
            "ยังไม่มีการรับทราบการกู้เงินของครอบครัว"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStartForms")
  void aBadStartFormGivesAThaiMessageAndCreatesNothing(
      String name, Consumer<Map<String, Object>> spoil, String message) {
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    long loans = count("loan_project");
    long members = count("member");
    long groups = count("women_group");
    Map<String, Object> vars = application();
    spoil.accept(vars);
    assertThatThrownBy(() -> startAs("officer2305", Roles.districtOfficers(DISTRICT), vars))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining(message);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isEqualTo(instances);
    assertThat(count("loan_project")).isEqualTo(loans);
    assertThat(count("member")).isEqualTo(members);
    assertThat(count("women_group")).isEqualTo(groups);
  }

  @Test
  void anOfficerCannotRegisterAnApplicationForAnotherDistrict() {
    long loans = count("loan_project");
    assertThatThrownBy(() -> startAs("officer2301", Roles.districtOfficers("2301"), application()))
        .hasMessageContaining("ไม่มีสิทธิ์ยื่นคำขอกู้ของอำเภอแหลมงอบ");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(LoanApplicationProcess.KEY, application()))
        .hasMessageContaining("กรุณาเข้าสู่ระบบ");
    assertThat(count("loan_project")).isEqualTo(loans);
  }

  @Test
  void aMailThatCannotBeSentIsRetriedBecomesAnIncidentAndIsDeliveredAfterRecovery()
      throws Exception {
    ProcessInstance pi = start();
    complete(task(pi), endorsement());
    complete(task(pi), district(Decision.REJECT, "เอกสารไม่ครบ"));
    Job job = job(pi);
    assertThat(job.getRetries()).isEqualTo(5); // the retry cycle R5/PT10M of the BPMN
    smtp.stop();
    for (int attempt = 0; attempt < 6; attempt++) {
      Job current =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(pi.getId())
              .singleResult();
      if (current.getRetries() == 0) {
        break;
      }
      assertThatThrownBy(() -> engine.getManagementService().executeJob(current.getId()))
          .isNotNull();
    }
    Incident incident =
        engine
            .getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(Element.NOTIFY_DISTRICT_REJECTION);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.NOTIFY_DISTRICT_REJECTION);

    smtp.start();
    Job failed =
        engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().setJobRetries(failed.getId(), 1);
    engine.getManagementService().executeJob(failed.getId());
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  static String decodedBody(MimeMessage m) throws Exception {
    return new String(
        jakarta.mail.internet.MimeUtility.decode(m.getInputStream(), "binary").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
