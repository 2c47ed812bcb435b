package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.demo.HistoricLoans;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.DeployedForms;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * debt-restructuring and restructuring-package on every path: a district sends, a district sends
 * nothing, the deadline is met, the deadline is missed and escalates; the seed's 1,605,730.42 baht
 * reproduced. Each test opens its own round of province 23 (Trat) with its own loans.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class RestructuringProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  static final LocalDate TODAY = LocalDate.of(2026, 8, 13);
  static int seed = 500;

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired HistoricLoans historic;
  @Autowired JdbcClient jdbc;
  @Autowired RestructuringService service;
  @Autowired SubmissionExport export;
  @Autowired RestructuringSettings settings;

  ProcessInstance round;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(BANGKOK).toInstant()));
    RoundInstances.trat(engine, roles, areas, "rssup23", "supervisor23@example.org");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    RoundInstances.end(engine, round);
  }

  /** An overdue disbursed loan of five borrowers whose amounts sum to {@code total}. */
  long overdueLoan(String subDistrict, BigDecimal total) {
    return historic.disbursed(
        subDistrict,
        "กลุ่มทดสอบปรับโครงสร้าง " + seed,
        HistoricLoans.split(total, 5),
        TODAY.minusMonths(8),
        24,
        seed++);
  }

  static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ProcessInstance openRound() {
    round = RoundInstances.open(engine, "rsprov23", "ปรับโครงสร้างหนี้ทดสอบ " + seed);
    return round;
  }

  ProcessInstance packageOf(String districtCode) {
    return RoundInstances.packageOf(engine, round, districtCode);
  }

  Task task(ProcessInstance pi, String element) {
    return RoundInstances.task(engine, pi, element);
  }

  void complete(ProcessInstance pi, String element, Map<String, Object> vars) {
    engine.getTaskService().complete(task(pi, element).getId(), vars);
  }

  long packageId(ProcessInstance pi) {
    return RoundInstances.packageId(engine, pi);
  }

  String borrowersOf(ProcessInstance pi, long loanId) {
    return RoundInstances.borrowersOf(engine, jdbc, pi, loanId);
  }

  /**
   * The Department's letter rejects every applicant of the package (their loans keep their
   * schedules).
   */
  void rejectAll(ProcessInstance pi, LocalDate letterDate) {
    StringBuilder lines = new StringBuilder();
    jdbc.sql(
            "select seq from restructuring_debtor where package_id = ? and applies = true order by seq")
        .param(packageId(pi))
        .query(Integer.class)
        .list()
        .forEach(seq -> lines.append(seq).append(" ไม่อนุมัติ รายได้ไม่พอชำระตามตารางใหม่\n"));
    complete(
        pi,
        Element.RECORD_DECISION_TASK,
        Map.of(
            Var.DECISION_LETTER_NO,
            "มท 0410.5/77",
            Var.DECISION_LETTER_DATE,
            ThaiDates.formatNumeric(letterDate),
            Var.DECISIONS,
            lines.toString(),
            Var.DECISION_NOTE,
            "แจ้งกลุ่มแล้ว"));
  }

  void nothingToSend(String district) {
    complete(
        packageOf(district),
        Element.PREPARE_PACKAGE,
        Map.of(Var.NOTHING_TO_SEND, true, Var.NOTHING_REASON, "ไม่มีสมาชิกยื่นขอในรอบนี้"));
  }

  @Test
  void aDistrictSendsTheProvinceSubmitsInTimeTheCommitteeAcknowledgesOthersSendNothing() {
    long loan = overdueLoan("230507", new BigDecimal("150000.00"));
    openRound();
    BpmnAwareTests.assertThat(round).isWaitingAt(Element.DISTRICT_PACKAGES);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(round.getId())
                .count())
        .isEqualTo(7);
    ProcessInstance laemNgop = packageOf("2305");
    BpmnAwareTests.assertThat(laemNgop).isWaitingAt(Element.PREPARE_PACKAGE);
    BpmnAwareTests.assertThat(task(laemNgop, Element.PREPARE_PACKAGE))
        .hasCandidateGroup("district-2305-officers");
    assertThat((String) engine.getRuntimeService().getVariable(laemNgop.getId(), Var.CANDIDATES))
        .contains("ลำดับที่ 1:")
        .contains("X-XXXX-XXXX")
        .contains("ค้างชำระ");

    long laemNgopPackage = packageId(laemNgop);
    complete(
        laemNgop, Element.PREPARE_PACKAGE, Map.of(Var.APPLICANTS, borrowersOf(laemNgop, loan)));
    BpmnAwareTests.assertThat(laemNgop).isWaitingAt(Element.RECORD_RECEIPT_TASK);
    assertThat(engine.getRuntimeService().getVariable(laemNgop.getId(), Var.PACKAGE_TOTAL))
        .isEqualTo("150,000.00 บาท");
    BpmnAwareTests.assertThat(task(laemNgop, Element.RECORD_RECEIPT_TASK))
        .hasCandidateGroup("province-23-officers");

    complete(
        laemNgop,
        Element.RECORD_RECEIPT_TASK,
        Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(TODAY)));
    Task submit = task(laemNgop, Element.SUBMIT_TO_DEPARTMENT);
    Date due =
        Date.from(
            TODAY.plusDays(settings.deadlineDays()).atTime(23, 59).atZone(BANGKOK).toInstant());
    assertThat(submit.getDueDate()).isEqualTo(due);
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(laemNgop.getId())
            .timers()
            .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(due); // task due date and timer come from one variable

    ClockUtil.setCurrentTime(
        Date.from(TODAY.plusDays(3).atTime(10, 0).atZone(BANGKOK).toInstant()));
    complete(
        laemNgop,
        Element.SUBMIT_TO_DEPARTMENT,
        Map.of(
            Var.LETTER_NO,
            "ตร 0019/1234",
            Var.LETTER_DATE,
            ThaiDates.formatNumeric(TODAY.plusDays(3))));
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(laemNgop.getId())
                .count())
        .isZero();
    BpmnAwareTests.assertThat(task(laemNgop, Element.COMMITTEE_ACKNOWLEDGEMENT))
        .hasCandidateGroup("province-23-committee");
    complete(
        laemNgop,
        Element.COMMITTEE_ACKNOWLEDGEMENT,
        Map.of(
            Var.MEETING_REFERENCE,
            "9/2569",
            Var.MEETING_DATE,
            ThaiDates.formatNumeric(TODAY.plusDays(3))));
    BpmnAwareTests.assertThat(task(laemNgop, Element.RECORD_DECISION_TASK))
        .hasCandidateGroup("province-23-officers");
    assertThat(
            (String)
                engine.getRuntimeService().getVariable(laemNgop.getId(), Var.DECISION_PROPOSAL))
        .contains("ขยายเวลา"); // the terms restructuring-terms.dmn gives, shown in the form
    rejectAll(laemNgop, TODAY.plusDays(3));
    BpmnAwareTests.assertThat(laemNgop)
        .isEnded()
        .hasPassed(Element.RECORD_DECISION, Element.PACKAGE_ACKNOWLEDGED);
    assertThat(
            jdbc.sql("select submitted_on_time from restructuring_package where id = ?")
                .param(laemNgopPackage)
                .query(Boolean.class)
                .single())
        .isTrue();

    for (District d : areas.districtsOf("23")) {
      if (!d.code().equals("2305")) {
        nothingToSend(d.code());
      }
    }
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(round.getId())
                .list())
        .filteredOn(p -> Element.NOTHING_TO_SEND.equals(p.getEndActivityId()))
        .hasSize(6);
    BpmnAwareTests.assertThat(round).isEnded().hasPassed(Element.CLOSE_ROUND, Element.ROUND_CLOSED);
    assertThat(smtp.getReceivedMessages()).isEmpty(); // no deadline missed: no escalation
  }

  @Test
  void aMissedDeadlineEscalatesToTheSupervisorsByTaskAndMailWithoutCancellingTheWork()
      throws Exception {
    long loan = overdueLoan("230401", new BigDecimal("98765.43"));
    openRound();
    ProcessInstance boRai = packageOf("2304");
    long boRaiPackage = packageId(boRai);
    complete(boRai, Element.PREPARE_PACKAGE, Map.of(Var.APPLICANTS, borrowersOf(boRai, loan)));
    complete(
        boRai,
        Element.RECORD_RECEIPT_TASK,
        Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(TODAY)));
    LocalDate dueDay = TODAY.plusDays(settings.deadlineDays());

    ClockUtil.setCurrentTime(
        Date.from(dueDay.plusDays(1).atTime(8, 0).atZone(BANGKOK).toInstant()));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(boRai.getId())
            .timers()
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    BpmnAwareTests.assertThat(boRai)
        .isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.NOTIFY_ESCALATION);
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(boRai.getId())
                .messages()
                .singleResult()
                .getId());
    BpmnAwareTests.assertThat(boRai)
        .isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.SUPERVISOR_FOLLOW_UP);
    BpmnAwareTests.assertThat(task(boRai, Element.SUPERVISOR_FOLLOW_UP))
        .hasCandidateGroup("province-23-supervisors");

    // one mail to the province's supervisors (other tests may have added supervisors of their own
    // to the group)
    assertThat(
            Arrays.stream(smtp.getReceivedMessages())
                .map(RestructuringProcessTest::messageId)
                .distinct())
        .hasSize(1);
    MimeMessage[] mails =
        smtp.getReceivedMessages(); // one delivery per recipient of the same message
    assertThat(recipients(mails[0])).contains("supervisor23@example.org");
    assertThat(mails[0].getSubject())
        .isEqualTo(
            "เลยกำหนดส่งกรม: เอกสารปรับโครงสร้างหนี้ อำเภอบ่อไร่ ครบกำหนด "
                + ThaiDates.format(dueDay));
    String body =
        new String(
            mails[0].getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body)
        .contains("98,765.43 บาท")
        .contains(settings.deadlineText())
        .contains(ThaiDates.format(dueDay))
        .contains("เลยกำหนดมาแล้ว 1 วัน");

    complete(
        boRai, Element.SUPERVISOR_FOLLOW_UP, Map.of(Var.FOLLOW_UP_NOTE, "โทรเร่งเจ้าหน้าที่แล้ว"));
    complete(
        boRai,
        Element.SUBMIT_TO_DEPARTMENT,
        Map.of(
            Var.LETTER_NO,
            "ตร 0019/99",
            Var.LETTER_DATE,
            ThaiDates.formatNumeric(dueDay.plusDays(1))));
    assertThat(
            jdbc.sql("select submitted_on_time from restructuring_package where id = ?")
                .param(boRaiPackage)
                .query(Boolean.class)
                .single())
        .isFalse();
    complete(
        boRai,
        Element.COMMITTEE_ACKNOWLEDGEMENT,
        Map.of(
            Var.MEETING_REFERENCE,
            "10/2569",
            Var.MEETING_DATE,
            ThaiDates.formatNumeric(dueDay.plusDays(1))));
    rejectAll(boRai, dueDay.plusDays(1));
    BpmnAwareTests.assertThat(boRai)
        .isEnded()
        .hasPassed(Element.SUPERVISOR_FOLLOW_UP, Element.PACKAGE_ACKNOWLEDGED);
  }

  @Test
  void badInputIsRefusedInThaiAndChangesNothing() {
    long loan = overdueLoan("230201", new BigDecimal("50000.00"));
    openRound();
    ProcessInstance khlongYai = packageOf("2302");
    String taskId = task(khlongYai, Element.PREPARE_PACKAGE).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.APPLICANTS, "1, 1 2 3")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ยังขาดเอกสาร แผนการชำระหนี้ใหม่, มติคณะอนุกรรมการกลั่นกรองฯ อำเภอ");
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.APPLICANTS, "99, 1 2 3 4 5")))
        .hasMessageContaining("ไม่มีผู้มีสิทธิ์ลำดับที่ \"99\"");
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.NOTHING_TO_SEND, true)))
        .hasMessageContaining("กรุณาระบุเหตุผล");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of(Var.APPLICANTS, "")))
        .hasMessageContaining("กรุณาระบุผู้ขอปรับโครงสร้างหนี้");
    BpmnAwareTests.assertThat(khlongYai).isWaitingAt(Element.PREPARE_PACKAGE);
    assertThat(
            jdbc.sql(
                    "select count(*) from restructuring_debtor where package_id = ? and applies = true")
                .param(packageId(khlongYai))
                .query(Integer.class)
                .single())
        .isZero();

    complete(
        khlongYai, Element.PREPARE_PACKAGE, Map.of(Var.APPLICANTS, borrowersOf(khlongYai, loan)));
    String receipt = task(khlongYai, Element.RECORD_RECEIPT_TASK).getId();
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        receipt,
                        Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(TODAY.plusDays(1)))))
        .hasMessageContaining("อยู่ในอนาคต");
    assertThatThrownBy(
            () -> engine.getTaskService().complete(receipt, Map.of(Var.RECEIVED_ON, "13/08/2026")))
        .hasMessageContaining("พุทธศักราช");
    BpmnAwareTests.assertThat(khlongYai).isWaitingAt(Element.RECORD_RECEIPT_TASK);

    engine
        .getIdentityService()
        .setAuthentication("someone", List.of(Roles.districtOfficers("2305")));
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        RestructuringProcess.KEY,
                        Map.of(
                            Var.ROUND_TITLE, "x", Var.PROVINCE_CODE, "23", Var.ANNOUNCEMENT, "x")))
        .isNotNull();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theSeedsThreeDistrictsSumToExactly1605730Baht42Satang() {
    overdueLoan("230507", new BigDecimal("612450.17")); // แหลมงอบ
    overdueLoan("230401", new BigDecimal("538120.25")); // บ่อไร่
    overdueLoan("230201", new BigDecimal("455160.00")); // คลองใหญ่
    openRound();
    long roundId =
        ((Number) engine.getRuntimeService().getVariable(round.getId(), Var.ROUND_ID)).longValue();
    for (String d : List.of("2305", "2304", "2302")) {
      ProcessInstance p = packageOf(d);
      // this round's candidates include loans other tests made; take exactly this test's three
      // loans
      List<Integer> ours =
          jdbc.sql(
                  "select d.seq from restructuring_debtor d join loan_project l on l.id = d.loan_id"
                      + " where d.package_id = ? and l.requested_amount in (612450.17, 538120.25, 455160.00) order by d.seq")
              .param(packageId(p))
              .query(Integer.class)
              .list();
      StringBuilder lines = new StringBuilder();
      ours.forEach(seq -> lines.append(seq).append(", 1 2 3 4 5\n"));
      complete(p, Element.PREPARE_PACKAGE, Map.of(Var.APPLICANTS, lines.toString()));
    }
    assertThat(service.roundTotal(roundId)).isEqualByComparingTo("1605730.42");
    assertThat(engine.getRuntimeService().getVariable(packageOf("2305").getId(), Var.PACKAGE_TOTAL))
        .isEqualTo("612,450.17 บาท");

    // the spreadsheet for the Department: 15 debtors (one loan of five borrowers in each of the
    // three districts)
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new java.io.ByteArrayInputStream(export.xlsx(roundId, TODAY)))) {
      Sheet sheet = wb.getSheetAt(0);
      Row total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(4).getStringCellValue()).isEqualTo("รวมทั้งสิ้น");
      assertThat(
              BigDecimal.valueOf(total.getCell(5).getNumericCellValue())
                  .setScale(2, java.math.RoundingMode.HALF_UP))
          .isEqualByComparingTo("1605730.42");
      BigDecimal sum = BigDecimal.ZERO;
      int debtors = 0;
      for (int r = 6; r < sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        sum =
            sum.add(
                BigDecimal.valueOf(row.getCell(5).getNumericCellValue())
                    .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(row.getCell(3).getStringCellValue())
            .matches("\\d{13}"); // the Department needs the full ID
        debtors++;
      }
      assertThat(debtors).isEqualTo(15);
      assertThat(sum).isEqualByComparingTo("1605730.42");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("ลับ");
      Sheet summary = wb.getSheet("สรุปรายอำเภอ");
      assertThat(summary.getRow(summary.getLastRowNum()).getCell(0).getStringCellValue())
          .isEqualTo("รวม 3 อำเภอ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyFormOfTheRoundBindsVariablesThatTheProcessesReadOrWrite() {
    long loan = overdueLoan("230507", new BigDecimal("25000.00"));
    openRound();
    ProcessInstance p = packageOf("2305");
    String pid = p.getId();
    complete(
        p,
        Element.PREPARE_PACKAGE,
        Map.of(
            Var.APPLICANTS,
            borrowersOf(p, loan),
            Var.NOTHING_TO_SEND,
            false,
            Var.NOTHING_REASON,
            ""));
    complete(
        p, Element.RECORD_RECEIPT_TASK, Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(TODAY)));
    ClockUtil.setCurrentTime(
        Date.from(TODAY.plusDays(16).atTime(9, 0).atZone(BANGKOK).toInstant()));
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pid)
                .timers()
                .singleResult()
                .getId());
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pid)
                .messages()
                .singleResult()
                .getId());
    complete(p, Element.SUPERVISOR_FOLLOW_UP, Map.of(Var.FOLLOW_UP_NOTE, "ติดตามแล้ว"));
    complete(
        p,
        Element.SUBMIT_TO_DEPARTMENT,
        Map.of(
            Var.LETTER_NO,
            "ตร 1/2569",
            Var.LETTER_DATE,
            ThaiDates.formatNumeric(TODAY.plusDays(16))));
    complete(
        p,
        Element.COMMITTEE_ACKNOWLEDGEMENT,
        Map.of(
            Var.MEETING_REFERENCE,
            "1/2569",
            Var.MEETING_DATE,
            ThaiDates.formatNumeric(TODAY.plusDays(16)),
            Var.ACKNOWLEDGEMENT_NOTE,
            "รับทราบ"));
    rejectAll(p, TODAY.plusDays(16));

    Set<String> variables = new HashSet<>();
    for (String instance : List.of(round.getId(), pid)) {
      engine
          .getHistoryService()
          .createHistoricVariableInstanceQuery()
          .processInstanceId(instance)
          .list()
          .forEach(v -> variables.add(v.getName()));
    }
    Map<String, JsonNode> forms = DeployedForms.all(engine);
    Set<String> refs = new HashSet<>(DeployedForms.refsOf(engine, RestructuringProcess.KEY));
    refs.addAll(DeployedForms.refsOf(engine, RestructuringProcess.PACKAGE_KEY));
    assertThat(refs).hasSize(7);
    for (String formId : refs) {
      assertThat(forms).containsKey(formId);
      // a long list's further parts (system/LongText: candidateSummary2, …) exist only when the
      // list is that long
      Set<String> bound = new HashSet<>(DeployedForms.boundNames(forms.get(formId)));
      bound.removeIf(
          n ->
              n.matches(
                  "("
                      + Var.CANDIDATES
                      + "|"
                      + Var.PACKAGE_SUMMARY
                      + "|"
                      + Var.DECISION_PROPOSAL
                      + ")\\d+"));
      assertThat(variables).as("variables bound by form %s", formId).containsAll(bound);
    }
  }
}
