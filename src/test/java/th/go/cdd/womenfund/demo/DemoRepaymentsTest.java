package th.go.cdd.womenfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess;
import th.go.cdd.womenfund.repayment.PaymentReversals;
import th.go.cdd.womenfund.repayment.RepaymentRepository;
import th.go.cdd.womenfund.reporting.AreaQuality;
import th.go.cdd.womenfund.reporting.Bucket;
import th.go.cdd.womenfund.reporting.PortfolioQuality;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.OwnH2Database;

/**
 * The demo as it starts (profile demo, on a database of its own): Trat's districts on both sides of
 * the 5% target, every bucket filled, follow-ups running, a trend, a death claim waiting; and a
 * restart adds nothing.
 */
// its own database and its own engine name: the engine registry is static, and the REST API of the
// other
// test contexts looks up the engine "default"
// own-h2: the demo data on the shared test database (PostgreSQL in .ci/run) would meet the other
// tests' data
@DatabaseTest
@OwnH2Database
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:womenfund-demo-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.process-engine-name=demotest"
    })
@ActiveProfiles({"test", "demo"})
class DemoRepaymentsTest {

  @Autowired DemoRepayments demo;
  @Autowired PortfolioQuality quality;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired PaymentReversals reversals;
  @Autowired RepaymentRepository repayments;
  @Autowired th.go.cdd.womenfund.repayment.PortfolioArrears arrears;

  /**
   * A reversal re-allocates a loan's payments by replaying them from the schedule; with nothing
   * reversed the replay must give back exactly what recording them one by one stored, on every demo
   * loan (a year of payments, on time, late with default interest, partial).
   */
  @Test
  void replayingEveryDemoLoansPaymentsGivesBackItsInstallmentsToTheSatang() {
    List<Long> paid =
        jdbc.sql("select distinct loan_id from repayment_payment order by loan_id")
            .query(Long.class)
            .list();
    assertThat(paid).hasSizeGreaterThan(20);
    for (long loanId : paid) {
      assertThat(reversals.replayedInstallments(loanId))
          .as("loan " + loanId)
          .isEqualTo(repayments.installments(loanId));
    }
    assertThat(
            jdbc.sql("select count(*) from repayment_installment where default_interest > 0")
                .query(Integer.class)
                .single())
        .isPositive();
    // the demo's year of payments, on time, late and partial, its death claim and restructuring
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
  }

  @Test
  void someDistrictsAreAboveTheTargetAndSomeBelowAndARestartAddsNothing() throws Exception {
    PortfolioQuality.Report r = quality.compute(EngineClock.today());
    Map<String, BigDecimal> ratio =
        r.districts().stream().collect(Collectors.toMap(AreaQuality::code, AreaQuality::ratioPct));
    BigDecimal target = quality.targetPct();
    assertThat(ratio.keySet())
        .containsExactlyInAnyOrder("2301", "2302", "2303", "2304", "2305", "2306", "2307");
    for (String above : List.of("2302", "2304", "2305")) {
      assertThat(ratio.get(above)).as(above).isGreaterThan(target);
    }
    for (String below : List.of("2301", "2303", "2306", "2307")) {
      assertThat(ratio.get(below)).as(below).isLessThanOrEqualTo(target);
    }
    AreaQuality trat =
        r.provinces().stream().filter(p -> p.code().equals("23")).findFirst().orElseThrow();
    assertThat(trat.buckets()).allSatisfy(b -> assertThat(b.loans()).as(b.labelTh()).isPositive());
    // 3 of this demo's own loans, plus the restructuring demo's overdue loans (DemoRestructuring)
    assertThat(trat.buckets().get(Bucket.OVER_90.ordinal()).loans()).isGreaterThanOrEqualTo(3);

    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(OverdueFollowUpProcess.KEY)
                .count())
        .isGreaterThanOrEqualTo(7);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey(DeathClaimProcess.KEY)
                .taskCandidateGroup("province-23-committee")
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(distinct snapshot_date) from portfolio_snapshot")
                .query(Integer.class)
                .single())
        .isEqualTo(13);

    int loans = jdbc.sql("select count(*) from loan_project").query(Integer.class).single();
    int payments = jdbc.sql("select count(*) from repayment_payment").query(Integer.class).single();
    demo.run(null);
    assertThat(jdbc.sql("select count(*) from loan_project").query(Integer.class).single())
        .isEqualTo(loans);
    assertThat(jdbc.sql("select count(*) from repayment_payment").query(Integer.class).single())
        .isEqualTo(payments);
  }
}
