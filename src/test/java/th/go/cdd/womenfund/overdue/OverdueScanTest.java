package th.go.cdd.womenfund.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/** The nightly scan: exactly the overdue loans, one follow-up each, nothing new on a second run. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class OverdueScanTest {

  static final LocalDate NIGHT = LocalDate.of(2026, 2, 10);

  @Autowired OverdueScan scan;
  @Autowired NightlyOverdueJob job;
  @Autowired NightlyLock lock;
  @Autowired ProcessEngine engine;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired PaymentService payments;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(NIGHT.atTime(1, 30).atZone(ThaiDates.BANGKOK).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  long loan(String name) {
    return RepaymentFixtures.simpleLoan(disbursed, loans, "230507", name + " " + System.nanoTime());
  }

  long followUps(long loanId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(OverdueFollowUpProcess.KEY)
        .processInstanceBusinessKey(applicationNo(loanId))
        .count();
  }

  String applicationNo(long loanId) {
    return RepaymentFixtures.applicationNo(jdbc, loanId);
  }

  @Test
  void startsOneFollowUpPerOverdueLoanAndNothingOnASecondRun() {
    long behind = loan("กลุ่มค้าง");
    long paid = loan("กลุ่มชำระตรง");
    payments.record(
        paid,
        new PaymentInput(null, "31/01/2569", "1010.00", "ON-TIME", null),
        PaymentSource.OFFICER,
        null,
        NIGHT);
    long closed = loan("กลุ่มส่งต่อแล้ว");
    jdbc.sql("update loan_project set status = 'LEGAL_ACTION' where id = ?").param(closed).update();

    OverdueScan.Result first = scan.run(NIGHT);
    assertThat(first.started()).isGreaterThanOrEqualTo(1).isEqualTo(first.claimed());
    assertThat(followUps(behind)).isEqualTo(1);
    assertThat(followUps(paid)).isZero();
    assertThat(followUps(closed)).isZero();
    assertThat(
            jdbc.sql(
                    "select oldest_due_date, overdue_amount, started_on from overdue_follow_up where loan_id = ?")
                .param(behind)
                .query(
                    (rs, n) ->
                        List.of(
                            rs.getDate(1).toLocalDate(),
                            rs.getBigDecimal(2),
                            rs.getDate(3).toLocalDate()))
                .single())
        .containsExactly(LocalDate.of(2026, 1, 31), new java.math.BigDecimal("1010.00"), NIGHT);

    OverdueScan.Result second = scan.run(NIGHT);
    assertThat(second.claimed()).isZero();
    assertThat(second.started()).isZero();
    assertThat(followUps(behind)).isEqualTo(1);
  }

  @Test
  void anInterruptedRunIsFinishedByTheNextAndADeletedFollowUpIsReplaced() {
    long behind = loan("กลุ่มค้างรอบก่อน");
    // a run that claimed and died before starting: the row is there, no instance
    jdbc.sql(
            "insert into overdue_follow_up (loan_id, open_loan_id, started_on, oldest_due_date, overdue_amount)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            behind,
            behind,
            NIGHT.minusDays(1),
            LocalDate.of(2026, 1, 31),
            new java.math.BigDecimal("1010.00"))
        .update();
    assertThat(scan.run(NIGHT).started()).isGreaterThanOrEqualTo(1);
    assertThat(followUps(behind)).isEqualTo(1);

    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(OverdueFollowUpProcess.KEY)
            .processInstanceBusinessKey(applicationNo(behind))
            .singleResult();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "deleted in Cockpit", true);
    OverdueScan.Result next = scan.run(NIGHT.plusDays(1));
    assertThat(next.closedOrphans()).isGreaterThanOrEqualTo(1);
    assertThat(followUps(behind)).isEqualTo(1);
    assertThat(
            jdbc.sql("select outcome from overdue_follow_up where loan_id = ? order by id")
                .param(behind)
                .query(String.class)
                .list())
        .containsExactly("CANCELLED", null);
  }

  @Test
  void theNightlyJobTakesTheLeaseSoASecondNodeSkips() {
    assertThat(
            lock.tryAcquire(NightlyOverdueJob.LOCK, "other-node", java.time.Duration.ofMinutes(5)))
        .isTrue();
    long behind = loan("กลุ่มรอรอบถัดไป");
    job.nightly();
    assertThat(followUps(behind)).isZero();
    lock.release(NightlyOverdueJob.LOCK, "other-node");
    job.nightly();
    assertThat(followUps(behind)).isEqualTo(1);
    assertThat(
            lock.tryAcquire(NightlyOverdueJob.LOCK, "other-node", java.time.Duration.ofMinutes(5)))
        .isTrue();
    lock.release(NightlyOverdueJob.LOCK, "other-node");
  }
}
