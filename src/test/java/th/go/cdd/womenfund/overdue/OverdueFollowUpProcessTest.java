package th.go.cdd.womenfund.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Element;
import static th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Every path of {@code overdue-follow-up}: each rung of the ladder in turn, both hand-overs, the
 * clearing payment at every step, arrears gone without a payment, and a loan found already far
 * behind. Time moves with ClockUtil; timers and asynchronous steps run as executed jobs; mails land
 * in GreenMail.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class OverdueFollowUpProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String OFFICE_MAIL = "cdd2305@example.org";

  /** Five days after installment 1 (31 Jan 2026) fell due. */
  static final LocalDateTime START = LocalDate.of(2026, 2, 5).atTime(9, 0);

  @Autowired ProcessEngine engine;
  @Autowired OverdueScan scan;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired PaymentService payments;
  @Autowired JdbcClient jdbc;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  long loanId;
  String applicationNo;
  String groupMail;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    areas.setOfficeEmail("2305", OFFICE_MAIL);
    setClock(START);
    loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มติดตามหนี้ " + System.nanoTime());
    applicationNo = RepaymentFixtures.applicationNo(jdbc, loanId);
    groupMail = RepaymentFixtures.groupMail(jdbc, loanId);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  static void setClock(LocalDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.atZone(ThaiDates.BANGKOK).toInstant()));
  }

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ThaiDates.BANGKOK);
  }

  /** The scan starts this loan's follow-up; its first (asynchronous) step runs. */
  ProcessInstance started() {
    scan.run(now().toLocalDate());
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(OverdueFollowUpProcess.KEY)
            .processInstanceBusinessKey(applicationNo)
            .singleResult();
    assertThat(pi).isNotNull();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.OPEN);
    runJob(pi);
    return pi;
  }

  Job job(ProcessInstance pi) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .singleResult();
  }

  void runJob(ProcessInstance pi) {
    engine.getManagementService().executeJob(job(pi).getId());
  }

  /** Moves the clock just past the waiting timer and fires it. */
  void fireTimer(ProcessInstance pi, Duration expected) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.WAIT);
    Job timer = job(pi);
    assertThat(
            Duration.between(
                now(), LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ThaiDates.BANGKOK)))
        .isEqualTo(expected);
    setClock(
        LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ThaiDates.BANGKOK).plusMinutes(1));
    engine.getManagementService().executeJob(timer.getId());
  }

  void assertTask(
      ProcessInstance pi, String element, String deadlineDays, String... candidateGroups) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(element);
    Task t = task(pi);
    for (String g : candidateGroups) {
      BpmnAwareTests.assertThat(t).hasCandidateGroup(g);
    }
    assertThat(t.getDueDate())
        .isEqualTo(
            Date.from(
                now()
                    .plusDays(Long.parseLong(deadlineDays))
                    .atZone(ThaiDates.BANGKOK)
                    .toInstant()));
  }

  Map<String, Object> contactForm() {
    return Map.of(
        Var.CONTACT_DATE,
        ThaiDates.formatNumeric(now().toLocalDate()),
        Var.CONTACT_METHOD,
        "PHONE",
        Var.CONTACT_RESULT,
        "ผู้ประสานงานแจ้งว่าสมาชิก 2 คนป่วย จะรวบรวมเงินชำระ",
        Var.PROMISED_DATE,
        ThaiDates.formatNumeric(now().toLocalDate().plusDays(10)));
  }

  Map<String, Object> visitForm() {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.VISIT_DATE, ThaiDates.formatNumeric(now().toLocalDate()));
    v.put(Var.DISTRICT_COMMITTEE_MEMBERS, "นางสมศรี ใจดี ประธานอนุกรรมการฯ อำเภอ");
    v.put(Var.SUBDISTRICT_GROUP_MEMBERS, "นางมาลี ทองคำ คณะทำงานฯ ตำบลคลองใหญ่");
    v.put(Var.PROVINCE_SECRETARIAT_STAFF, "นางกาญจนา เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดตราด");
    v.put(Var.VISIT_FINDINGS, "ราคาอาหารทะเลตกต่ำ รายได้กลุ่มลดลง");
    v.put(Var.AGREED_PLAN, "ชำระเดือนละ 500 บาทจนครบยอดค้าง");
    v.put(Var.PLAN_DUE_DATE, ThaiDates.formatNumeric(now().toLocalDate().plusDays(60)));
    v.put(Var.PHOTOS_LINK, "");
    return v;
  }

  static Map<String, Object> decision(String d) {
    return Map.of(
        Var.ESCALATION_DECISION,
        d,
        Var.ESCALATION_REASON,
        "กลุ่มยังมีศักยภาพ",
        Var.MEETING_REFERENCE,
        "9/2569");
  }

  /** Walks from the start to the provincial escalation, checking each rung on the way. */
  ProcessInstance walkToEscalation() throws Exception {
    ProcessInstance pi = started();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.DAYS_OVERDUE)).isEqualTo(5);
    // rung 1: the reminder mail
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.SEND_REMINDER);
    assertThat(job(pi).getRetries()).isEqualTo(5);
    runJob(pi);
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(Stream.of(mails[0].getAllRecipients()).map(Object::toString))
        .containsExactlyInAnyOrder(groupMail, OFFICE_MAIL);
    assertThat(mails[0].getSubject()).startsWith("แจ้งเตือนหนี้ค้างชำระ สัญญาเลขที่ สญ.2305/");
    assertThat(body(mails[0]))
        .contains("1,010.00 บาท")
        .contains("1,010.01 บาท")
        .contains("31 มกราคม 2569")
        .contains("เกินกำหนด <span>5</span> วัน");
    fireTimer(pi, Duration.ofDays(14));

    // rung 2: the district officer contacts the group (19 days behind, after the reminder)
    assertTask(pi, Element.CONTACT, "7", Roles.districtOfficers("2305"));
    assertThat(
            (String) engine.getTaskService().getVariable(task(pi).getId(), Var.FOLLOW_UP_HISTORY))
        .contains(
            "แจ้งเตือน: ส่งหนังสือ/อีเมลแจ้งเตือนยอดค้าง 1,010.01 บาท เกินกำหนด 5 วัน"); // with 5
    // days of
    // default
    // interest
    assertThat((String) engine.getTaskService().getVariable(task(pi).getId(), Var.ARREARS_SUMMARY))
        .contains("เกินกำหนด 19 วัน");
    complete(task(pi), contactForm());
    BpmnAwareTests.assertThat(pi).hasPassed(Element.RECORD_CONTACT);
    fireTimer(pi, Duration.ofDays(14));

    // rung 3: the joint field visit
    assertTask(
        pi,
        Element.FIELD_VISIT,
        "30",
        Roles.districtCommittee("2305"),
        Roles.provinceOfficers("23"));
    complete(task(pi), visitForm());
    assertThat(
            jdbc.sql("select findings from field_visit where loan_id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("ราคาอาหารทะเลตกต่ำ รายได้กลุ่มลดลง");
    fireTimer(pi, Duration.ofDays(30));

    // rung 4: the provincial sub-committee
    assertTask(pi, Element.ESCALATION, "30", Roles.provinceCommittee("23"));
    return pi;
  }

  @Test
  void everyRungInTurnThenMoreTimeThenRestructuring() throws Exception {
    ProcessInstance pi = walkToEscalation();
    complete(task(pi), decision("MORE_TIME"));
    fireTimer(pi, Duration.ofDays(30));
    assertTask(pi, Element.ESCALATION, "30", Roles.provinceCommittee("23"));
    complete(task(pi), decision("RESTRUCTURING"));
    BpmnAwareTests.assertThat(pi)
        .hasPassed(Element.HAND_OVER_RESTRUCTURING)
        .isWaitingAt(Element.NOTIFY_HAND_OVER);
    assertThat(status()).isEqualTo("RESTRUCTURING");
    assertThat(outcome()).isEqualTo("RESTRUCTURING");
    smtp.reset();
    runJob(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.END_HANDED_OVER);
    MimeMessage handOver = smtp.getReceivedMessages()[0];
    assertThat(handOver.getAllRecipients()[0].toString()).isEqualTo(OFFICE_MAIL);
    assertThat(handOver.getSubject()).startsWith("ส่งต่อการติดตามหนี้: ส่งปรับโครงสร้างหนี้");
    assertThat(body(handOver)).contains("9/2569").contains("กลุ่มยังมีศักยภาพ");
    // handed over: the next scan leaves the loan alone
    scan.run(now().toLocalDate());
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(applicationNo)
                .processDefinitionKey(OverdueFollowUpProcess.KEY)
                .count())
        .isZero();
  }

  @Test
  void legalActionEndsTheFollowUp() throws Exception {
    ProcessInstance pi = walkToEscalation();
    complete(task(pi), decision("LEGAL_ACTION"));
    BpmnAwareTests.assertThat(pi)
        .hasPassed(Element.HAND_OVER_LEGAL_ACTION)
        .hasNotPassed(Element.HAND_OVER_RESTRUCTURING);
    assertThat(status()).isEqualTo("LEGAL_ACTION");
    smtp.reset();
    runJob(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.END_HANDED_OVER);
    assertThat(smtp.getReceivedMessages())
        .singleElement()
        .satisfies(
            m -> assertThat(m.getSubject()).startsWith("ส่งต่อการติดตามหนี้: ดำเนินการทางกฎหมาย"));
  }

  /** Walks to the named step and pays the arrears there. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        Element.OPEN,
        Element.SEND_REMINDER,
        Element.WAIT,
        Element.CONTACT,
        Element.FIELD_VISIT,
        Element.ESCALATION
      })
  void aPaymentThatClearsTheArrearsEndsTheFollowUpAtAnyStepWithAThankYou(String step)
      throws Exception {
    ProcessInstance pi;
    if (step.equals(Element.OPEN)) {
      scan.run(now().toLocalDate());
      pi =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(applicationNo)
              .processDefinitionKey(OverdueFollowUpProcess.KEY)
              .singleResult();
    } else {
      pi = started();
      if (!step.equals(Element.SEND_REMINDER)) {
        runJob(pi);
      }
      if (step.equals(Element.CONTACT)
          || step.equals(Element.FIELD_VISIT)
          || step.equals(Element.ESCALATION)) {
        fireTimer(pi, Duration.ofDays(14));
      }
      if (step.equals(Element.FIELD_VISIT) || step.equals(Element.ESCALATION)) {
        complete(task(pi), contactForm());
        fireTimer(pi, Duration.ofDays(14));
      }
      if (step.equals(Element.ESCALATION)) {
        complete(task(pi), visitForm());
        fireTimer(pi, Duration.ofDays(30));
      }
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt(step);
    smtp.reset();

    BigDecimal arrears = payments.balance(loanId, now().toLocalDate()).arrears();
    payments.record(
        loanId,
        new PaymentInput(
            null,
            ThaiDates.formatNumeric(now().toLocalDate()),
            arrears.toPlainString(),
            "PAY-" + step,
            null),
        PaymentSource.OFFICER,
        null,
        now().toLocalDate());

    BpmnAwareTests.assertThat(pi)
        .hasPassed(Element.PAID_OFF_START, Element.CLOSE_PAID_OFF)
        .isWaitingAt(Element.THANK_YOU);
    assertThat(outcome()).isEqualTo("CLEARED");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
        .isZero();
    runJob(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.END_PAID_OFF);
    MimeMessage thanks = smtp.getReceivedMessages()[0];
    assertThat(thanks.getSubject()).startsWith("ขอบคุณที่ชำระหนี้ค้าง สัญญาเลขที่ สญ.2305/");
    assertThat(Stream.of(thanks.getAllRecipients()).map(Object::toString))
        .containsExactlyInAnyOrder(groupMail, OFFICE_MAIL);
    assertThat(body(thanks))
        .contains("รับชำระ " + th.go.cdd.womenfund.system.ThaiMoney.format(arrears));
  }

  @Test
  void aPaymentThatLeavesArrearsDoesNotEndTheFollowUp() {
    ProcessInstance pi = started();
    payments.record(
        loanId,
        new PaymentInput(null, ThaiDates.formatNumeric(now().toLocalDate()), "100", "PART-1", null),
        PaymentSource.OFFICER,
        null,
        now().toLocalDate());
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.SEND_REMINDER);
    assertThat(outcome()).isNull();
  }

  @Test
  void arrearsGoneWithoutAPaymentEndTheFollowUpAtTheNextCheck() {
    ProcessInstance pi = started();
    runJob(pi);
    // e.g. the schedule was rewritten by a restructuring: nothing is due before the next timer
    loans.replaceSchedule(
        loanId,
        List.of(
            new Installment(
                1, LocalDate.of(2027, 1, 31), new BigDecimal("3000.00"), new BigDecimal("27.00"))));
    fireTimer(pi, Duration.ofDays(14));
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.CLOSE_NO_LONGER_BEHIND, Element.END_NO_LONGER_BEHIND)
        .hasNotPassed(Element.CONTACT);
    assertThat(outcome()).isEqualTo("NO_LONGER_BEHIND");
  }

  @Test
  void aLoanFoundFarBehindStartsHigherOnTheLadder() {
    setClock(LocalDate.of(2026, 4, 15).atTime(9, 0)); // 74 days after 31 January
    ProcessInstance pi = started();
    assertTask(pi, Element.FIELD_VISIT, "30", Roles.districtCommittee("2305"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.LADDER_WAIT))
        .isEqualTo("PT720H");
  }

  @Test
  void badFormInputIsRefusedInThaiAndTheTaskStays() {
    setClock(LocalDate.of(2026, 3, 15).atTime(9, 0)); // 43 days: the officer's contact comes first
    ProcessInstance pi = started();
    String taskId = task(pi).getId();
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        taskId,
                        Map.of(
                            Var.CONTACT_DATE,
                            "16/03/2569",
                            Var.CONTACT_METHOD,
                            "EMAIL",
                            Var.CONTACT_RESULT,
                            " ")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("วันที่ติดต่อกลุ่ม 16 มีนาคม 2569 อยู่ในอนาคต")
        .hasMessageContaining("กรุณาเลือกวิธีติดต่อกลุ่ม")
        .hasMessageContaining("กรุณากรอกผลการติดต่อ");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.CONTACT);
    complete(task(pi), contactForm());
    fireTimer(pi, Duration.ofDays(14));
    String visitTask = task(pi).getId();
    Map<String, Object> visit = visitForm();
    visit.put(Var.PROVINCE_SECRETARIAT_STAFF, "");
    visit.put(Var.PHOTOS_LINK, "ภาพในไลน์กลุ่ม");
    assertThatThrownBy(() -> engine.getTaskService().complete(visitTask, visit))
        .hasMessageContaining("กรุณากรอกเจ้าหน้าที่สำนักงานเลขานุการ")
        .hasMessageContaining("ลิงก์ภาพถ่าย");
    assertThat(
            jdbc.sql("select count(*) from field_visit where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
  }

  String status() {
    return jdbc.sql("select status from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  String outcome() {
    return jdbc.sql(
            "select outcome from overdue_follow_up where loan_id = ? order by id desc fetch first 1 rows only")
        .param(loanId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static String body(MimeMessage m) throws Exception {
    return new String(
        jakarta.mail.internet.MimeUtility.decode(m.getInputStream(), "binary").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
