package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.demo.HistoricLoans;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.reporting.DashboardService;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * In working-day mode the rule people read is the rule the deadline is counted by (issue 12): the dashboard's
 * deadline column, the meeting briefing and the escalation mail say "N วันทำการ", N and the mode read from
 * {@link RestructuringSettings}, never a fixed "15 วัน".
 */
// the same start-up settings as HolidayMovesDeadlineProcessTest: one Spring context for both
@DatabaseTest
@SpringBootTest(properties = {
    "spring.datasource.url=${WOMENFUND_TEST_DB_URL:jdbc:h2:mem:womenfund-holiday-test;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${WOMENFUND_TEST_DB_USER:sa}", "spring.datasource.password=${WOMENFUND_TEST_DB_PASSWORD:}",
    "camunda.bpm.process-engine-name=holidaytest", "womenfund.restructuring.deadline-mode=WORKING_DAYS"})
@ActiveProfiles("test")
class WorkingDayDeadlineWordingTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.perTest();

  /** Far from the dates of HolidayMovesDeadlineProcessTest, whose holidays must not touch this package. */
  static final LocalDate RECEIVED = LocalDate.of(2031, 6, 2);
  /** Contracts of B.E. 2570 at the latest may be restructured (restructuring-eligibility.dmn). */
  static final LocalDate CONTRACT = LocalDate.of(2027, 6, 1);

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired HistoricLoans historic;
  @Autowired JdbcClient jdbc;
  @Autowired RestructuringService service;
  @Autowired RestructuringSettings settings;
  @Autowired DashboardService dashboards;
  @Autowired BriefingService briefings;

  ProcessInstance round;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    at(RECEIVED, 9);
    for (District d : areas.districtsOf("23")) {
      roles.ensureDistrict(d);
    }
    roles.ensureProvince(areas.province("23").orElseThrow());
    if (engine.getIdentityService().createUserQuery().userId("wdsup23").count() == 0) {
      User u = engine.getIdentityService().newUser("wdsup23");
      u.setEmail("wording-supervisor23@example.org");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership("wdsup23", Roles.provinceSupervisors("23"));
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (round != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(round.getId()).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(round.getId(), "test over");
    }
  }

  static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(ThaiDates.BANGKOK).toInstant()));
  }

  @Test
  void theSettingsSayWorkingDays() {
    assertThat(settings.deadlineMode()).isEqualTo(DeadlineCalendar.Mode.WORKING_DAYS);
    assertThat(settings.deadlineText()).isEqualTo(settings.deadlineDays() + " วันทำการ");
    assertThat(new RestructuringSettings(settings.deadlineDays(), DeadlineCalendar.Mode.CALENDAR).deadlineText())
        .isEqualTo(settings.deadlineDays() + " วัน");
  }

  @Test
  void theDashboardTheBriefingAndTheEscalationMailSayWorkingDays() throws Exception {
    long loan = historic.disbursed("230401", "กลุ่มทดสอบถ้อยคำวันทำการ", HistoricLoans.split(new BigDecimal("45000.00"), 5),
        CONTRACT, 24, 9201);
    engine.getIdentityService().setAuthentication("wdprov23", List.of(Roles.provinceOfficers("23")));
    try {
      round = engine.getRuntimeService().startProcessInstanceByKey(RestructuringProcess.KEY, Map.of(
          Var.ROUND_TITLE, "ปรับโครงสร้างหนี้ ถ้อยคำวันทำการ", Var.PROVINCE_CODE, "23",
          Var.ANNOUNCEMENT, "ประกาศฯ พ.ศ. 2563 (ฉบับที่ 4)"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ProcessInstance boRai = RoundInstances.packageOf(engine, round, "2304");
    long packageId = ((Number) engine.getRuntimeService().getVariable(boRai.getId(), Var.PACKAGE_ID)).longValue();
    StringBuilder applicants = new StringBuilder();
    jdbc.sql("select seq from restructuring_debtor where package_id = ? and loan_id = ? order by seq")
        .params(packageId, loan).query(Integer.class).list().forEach(seq -> applicants.append(seq).append(", 1 2 3 4 5\n"));
    engine.getTaskService().complete(RoundInstances.task(engine, boRai, Element.PREPARE_PACKAGE).getId(),
        Map.of(Var.APPLICANTS, applicants.toString()));
    engine.getTaskService().complete(RoundInstances.task(engine, boRai, Element.RECORD_RECEIPT_TASK).getId(),
        Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(RECEIVED)));
    LocalDate due = service.deadline(RECEIVED);
    // counted in working days: it never falls on a weekend
    assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    // the dashboard's deadline column and the briefing
    Table table = dashboards.dashboard("23", ThaiFiscalYear.of(RECEIVED), RECEIVED).restructuring();
    assertThat(table.headers()).contains("กำหนดส่งกรม (" + settings.deadlineDays() + " วันทำการ)");
    assertThat(briefings.briefing("23", RECEIVED, RECEIVED).items().get(1).paragraphs().get(0))
        .contains("ภายใน " + settings.deadlineDays() + " วันทำการนับจากวันที่ได้รับเอกสาร");

    // the escalation mail, the day after the deadline
    at(due.plusDays(1), 8);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(boRai.getId()).timers().singleResult().getId());
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(boRai.getId()).messages().singleResult().getId());
    BpmnAwareTests.assertThat(boRai).isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.SUPERVISOR_FOLLOW_UP);
    assertThat(smtp.getReceivedMessages()).isNotEmpty();
    String body = new String(smtp.getReceivedMessages()[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains(ThaiDates.format(due)).contains(settings.deadlineDays() + " วันทำการ");
  }
}
