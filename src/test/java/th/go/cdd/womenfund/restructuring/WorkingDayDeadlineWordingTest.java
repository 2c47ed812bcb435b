package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RoundInstances.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.HistoricLoans;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.reporting.DashboardService;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * In working-day mode the rule people read is the rule the deadline is counted by (issue 12): the
 * dashboard's deadline column, the meeting briefing and the escalation mail say "N วันทำการ", N and
 * the mode read from {@link RestructuringSettings}, never a fixed "15 วัน".
 */
// the same start-up settings as HolidayMovesDeadlineProcessTest: one Spring context for both
@WorkingDayContext
class WorkingDayDeadlineWordingTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  /**
   * Far from the dates of HolidayMovesDeadlineProcessTest, whose holidays must not touch this
   * package.
   */
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
    RoundInstances.trat(engine, roles, areas, "wdsup23", "wording-supervisor23@example.org");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    RoundInstances.end(engine, round);
  }

  @Test
  void theSettingsSayWorkingDays() {
    assertThat(settings.deadlineMode()).isEqualTo(DeadlineCalendar.Mode.WORKING_DAYS);
    assertThat(settings.deadlineText()).isEqualTo(settings.deadlineDays() + " วันทำการ");
    assertThat(
            new RestructuringSettings(settings.deadlineDays(), DeadlineCalendar.Mode.CALENDAR)
                .deadlineText())
        .isEqualTo(settings.deadlineDays() + " วัน");
  }

  @Test
  void theDashboardTheBriefingAndTheEscalationMailSayWorkingDays() throws Exception {
    long loan =
        historic.disbursed(
            "230401",
            "กลุ่มทดสอบถ้อยคำวันทำการ",
            HistoricLoans.split(new BigDecimal("45000.00"), 5),
            CONTRACT,
            24,
            9201);
    round = RoundInstances.open(engine, "wdprov23", "ปรับโครงสร้างหนี้ ถ้อยคำวันทำการ");
    ProcessInstance boRai = RoundInstances.packageOf(engine, round, "2304");
    RoundInstances.sendAndReceive(engine, jdbc, boRai, loan, RECEIVED);
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
    RoundInstances.escalate(engine, boRai);
    BpmnAwareTests.assertThat(boRai)
        .isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.SUPERVISOR_FOLLOW_UP);
    assertThat(smtp.getReceivedMessages()).isNotEmpty();
    String body =
        new String(
            smtp.getReceivedMessages()[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains(ThaiDates.format(due))
        .contains(settings.deadlineDays() + " วันทำการ");
  }
}
