package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;
import static th.go.cdd.womenfund.restructuring.RoundInstances.at;
import static th.go.cdd.womenfund.restructuring.RoundInstances.endOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.HistoricLoans;
import th.go.cdd.womenfund.holiday.HolidayService;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Deadlines counted in working days follow the holiday table: a holiday the Cabinet declares inside
 * a running 15-working-day window moves that package's deadline (task due date, escalation timer,
 * variables, the package's row) by a day, with a comment on the task; a holiday on a weekend, after
 * the deadline, or in the window of a deadline already passed moves nothing; cancelling the holiday
 * moves it back; the escalation then fires at the new deadline, not the old one.
 */
@WorkingDayContext
class HolidayMovesDeadlineProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final Actor ADMIN = new Actor("admin", List.of(Roles.ADMIN));
  static final Actor DEPARTMENT = new Actor("department", List.of(Roles.DEPARTMENT));
  static final LocalDate FIRST_RECEIPT = LocalDate.of(2031, 2, 3); // a Monday
  static final LocalDate SECOND_RECEIPT = LocalDate.of(2031, 3, 3); // a Monday

  /** Contracts of B.E. 2570 at the latest may be restructured (restructuring-eligibility.dmn). */
  static final LocalDate CONTRACT = LocalDate.of(2027, 6, 1);

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired HistoricLoans historic;
  @Autowired JdbcClient jdbc;
  @Autowired HolidayService holidays;

  ProcessInstance round;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    at(FIRST_RECEIPT, 9);
    RoundInstances.trat(engine, roles, areas, "hdsup23", "supervisor23@example.org");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    RoundInstances.end(engine, round);
  }

  ProcessInstance packageOf(String districtCode) {
    return RoundInstances.packageOf(engine, round, districtCode);
  }

  Task task(ProcessInstance pi, String element) {
    return RoundInstances.task(engine, pi, element);
  }

  void sendAndReceive(ProcessInstance pi, long loanId, LocalDate received) {
    RoundInstances.sendAndReceive(engine, jdbc, pi, loanId, received);
  }

  Job timer(ProcessInstance pi) {
    return RoundInstances.timer(engine, pi);
  }

  void assertDeadline(ProcessInstance pi, LocalDate due) {
    assertThat(task(pi, Element.SUBMIT_TO_DEPARTMENT).getDueDate()).isEqualTo(endOf(due));
    assertThat(timer(pi).getDuedate()).isEqualTo(endOf(due));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.SUBMISSION_DUE))
        .isEqualTo(endOf(due));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.SUBMISSION_DUE_TEXT))
        .isEqualTo(ThaiDates.format(due));
    long packageId = RoundInstances.packageId(engine, pi);
    assertThat(
            jdbc.sql("select submission_due from restructuring_package where id = ?")
                .param(packageId)
                .query(LocalDate.class)
                .single())
        .isEqualTo(due);
  }

  @Test
  void aHolidayInsideARunningWindowMovesTheDeadlineEverywhereAndTheEscalationFollows()
      throws Exception {
    long laemNgopLoan =
        historic.disbursed(
            "230507",
            "กลุ่มทดสอบวันหยุด 1",
            HistoricLoans.split(new BigDecimal("60000.00"), 5),
            CONTRACT,
            24,
            9101);
    long boRaiLoan =
        historic.disbursed(
            "230401",
            "กลุ่มทดสอบวันหยุด 2",
            HistoricLoans.split(new BigDecimal("45000.00"), 5),
            CONTRACT,
            24,
            9102);
    round = RoundInstances.open(engine, "hdprov23", "ปรับโครงสร้างหนี้ นับวันทำการ");
    ProcessInstance boRai = packageOf("2304");
    ProcessInstance laemNgop = packageOf("2305");
    sendAndReceive(boRai, boRaiLoan, FIRST_RECEIPT);
    // 15 working days from Monday 3 February: Monday 24 February
    assertDeadline(boRai, LocalDate.of(2031, 2, 24));

    at(SECOND_RECEIPT, 9);
    sendAndReceive(laemNgop, laemNgopLoan, SECOND_RECEIPT);
    assertDeadline(laemNgop, LocalDate.of(2031, 3, 24));

    at(LocalDate.of(2031, 3, 5), 10);
    // the Department keys it on /holidays, where engine calls run as the signed-in person: it holds
    // no rights on
    // Trat's instances, and moving their deadlines is the system's follow-up of its change, not its
    // own task work
    engine.getIdentityService().setAuthentication("department", List.of(Roles.DEPARTMENT));
    HolidayService.Outcome added;
    try {
      added = holidays.add("12/03/2574", "วันหยุดพิเศษ", DEPARTMENT, LocalDate.of(2031, 3, 5));
      assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId())
          .isEqualTo("department");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String moved =
        "อำเภอแหลมงอบ: กำหนดส่งกรมเปลี่ยนจาก 24 มีนาคม 2574 เป็น 25 มีนาคม 2574"
            + " เพราะเพิ่มวันหยุดราชการ 12 มีนาคม 2574 (วันหยุดพิเศษ)";
    assertThat(added.effects()).containsExactly(moved);
    assertDeadline(laemNgop, LocalDate.of(2031, 3, 25));
    assertThat(
            engine
                .getTaskService()
                .getTaskComments(task(laemNgop, Element.SUBMIT_TO_DEPARTMENT).getId()))
        .extracting(Comment::getFullMessage)
        .containsExactly(moved.substring("อำเภอแหลมงอบ: ".length()));
    // Bo Rai's deadline passed on 24 February: it has been escalated already and stays
    assertDeadline(boRai, LocalDate.of(2031, 2, 24));

    assertThat(
            holidays
                .add("15/03/2574", "วันหยุดที่ตรงกับวันเสาร์", ADMIN, LocalDate.of(2031, 3, 5))
                .effects())
        .isEmpty();
    assertThat(
            holidays
                .add("01/04/2574", "วันหยุดหลังกำหนดส่ง", ADMIN, LocalDate.of(2031, 3, 5))
                .effects())
        .isEmpty();
    assertThat(
            holidays
                .add("10/02/2574", "วันหยุดในช่วงที่เลยกำหนดแล้ว", ADMIN, LocalDate.of(2031, 3, 5))
                .effects())
        .isEmpty();
    assertDeadline(laemNgop, LocalDate.of(2031, 3, 25));
    assertDeadline(boRai, LocalDate.of(2031, 2, 24));

    assertThat(holidays.remove("12/03/2574", ADMIN, LocalDate.of(2031, 3, 5)).effects())
        .containsExactly(
            "อำเภอแหลมงอบ: กำหนดส่งกรมเปลี่ยนจาก 25 มีนาคม 2574 เป็น 24 มีนาคม 2574 เพราะยกเลิกวันหยุดราชการ 12 มีนาคม 2574 (วันหยุดพิเศษ)");
    assertDeadline(laemNgop, LocalDate.of(2031, 3, 24));
    holidays.add("12/03/2574", "วันหยุดพิเศษ", ADMIN, LocalDate.of(2031, 3, 5));
    assertDeadline(laemNgop, LocalDate.of(2031, 3, 25));

    // the old deadline passes without an escalation; the new one escalates
    at(LocalDate.of(2031, 3, 25), 12);
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(laemNgop.getId())
                .executable()
                .count())
        .isZero();
    at(LocalDate.of(2031, 3, 26), 8);
    RoundInstances.escalate(engine, laemNgop);
    BpmnAwareTests.assertThat(laemNgop)
        .isWaitingAt(Element.SUBMIT_TO_DEPARTMENT, Element.SUPERVISOR_FOLLOW_UP);
    assertThat(smtp.getReceivedMessages()).isNotEmpty();
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("เลยกำหนดส่งกรม: เอกสารปรับโครงสร้างหนี้ อำเภอแหลมงอบ ครบกำหนด 25 มีนาคม 2574");
  }
}
