package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.reporting.AreaQuality.BucketFigure;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Buckets and ratios against a hand-computed fixture in Bangkok (province 10, used by no other
 * test), on 15 June 2026; snapshots and the trend; the JSON endpoint and who sees what.
 *
 * <pre>
 * 1001 L1  1,000 due 1 Jun (14 days: 1-30) + 1,000 due 1 Jul            outstanding 2,000 overdue 1,000
 *      L2  1,000 due 20 Apr (400 paid on 20 Apr; 56 days: 31-60)
 *          + 1,000 due 20 May + 1,000 due 20 Jul                         outstanding 2,600 overdue 1,600
 *      L3  1,000 due 1 Mar (106 days: over 90) + 1,000 due 1 Aug          outstanding 2,000 overdue 1,000
 *          (paid 1,000.30 on 20 June: after the day, does not count)
 *      L4  2,000 due 1 Jul                                               outstanding 2,000 overdue     0
 *      =   4 loans, 3 overdue, 8,600 outstanding, 3,600 overdue: 41.86%
 * 1002 L5  1,000 due 1 Apr (75 days: 61-90) + 1,000 due 1 Sep            outstanding 2,000 overdue 1,000: 50.00%
 *      L6  1,000 due 1 May, paid that day                                nothing outstanding: not counted
 * 10   =   5 loans, 10,600 outstanding, 4,600 overdue: 43.40%
 * </pre>
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortfolioQualityTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 15);
  static boolean fixture;

  @Autowired PortfolioQuality quality;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired PaymentService payments;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired OverdueFigures overdueFigures;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  long loan(String subDistrict, String name, Object... dueAndPrincipal) {
    long id =
        disbursed.insert(
            DisbursedLoans.group(subDistrict, name, 5, "1000.00", 12, LocalDate.of(2025, 12, 31)));
    List<Installment> schedule = new java.util.ArrayList<>();
    for (int i = 0; i < dueAndPrincipal.length; i += 2) {
      schedule.add(
          new Installment(
              i / 2 + 1,
              (LocalDate) dueAndPrincipal[i],
              new BigDecimal((String) dueAndPrincipal[i + 1]),
              BigDecimal.ZERO.setScale(2)));
    }
    loans.replaceSchedule(id, schedule);
    return id;
  }

  void pay(long loanId, LocalDate day, String amount, String ref) {
    payments.record(
        loanId,
        new PaymentInput(null, ThaiDates.formatNumeric(day), amount, ref, null),
        PaymentSource.OFFICER,
        null,
        day);
  }

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(DAY.atTime(12, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    if (fixture) {
      return;
    }
    fixture = true;
    removeBangkokLoans(); // a database kept between runs (PostgreSQL) still holds the last run's
    // fixture
    loan("100101", "L1", LocalDate.of(2026, 6, 1), "1000.00", LocalDate.of(2026, 7, 1), "1000.00");
    long l2 =
        loan(
            "100101",
            "L2",
            LocalDate.of(2026, 4, 20),
            "1000.00",
            LocalDate.of(2026, 5, 20),
            "1000.00",
            LocalDate.of(2026, 7, 20),
            "1000.00");
    pay(l2, LocalDate.of(2026, 4, 20), "400", "L2-1");
    long l3 =
        loan(
            "100101",
            "L3",
            LocalDate.of(2026, 3, 1),
            "1000.00",
            LocalDate.of(2026, 8, 1),
            "1000.00");
    pay(l3, LocalDate.of(2026, 6, 20), "1000.30", "L3-1");
    loan("100101", "L4", LocalDate.of(2026, 7, 1), "2000.00");
    loan("100201", "L5", LocalDate.of(2026, 4, 1), "1000.00", LocalDate.of(2026, 9, 1), "1000.00");
    long l6 = loan("100201", "L6", LocalDate.of(2026, 5, 1), "1000.00");
    pay(l6, LocalDate.of(2026, 5, 1), "1000", "L6-1");
  }

  void removeBangkokLoans() {
    String loans = "(select id from loan_project where province_code = '10')";
    for (String sql :
        List.of(
            "delete from payment_allocation where loan_id in " + loans,
            "delete from repayment_payment where loan_id in " + loans,
            "delete from follow_up_event where follow_up_id in (select id from overdue_follow_up where loan_id in "
                + loans
                + ")",
            "delete from field_visit where loan_id in " + loans,
            "delete from overdue_follow_up where loan_id in " + loans,
            "delete from death_claim where loan_id in " + loans,
            "delete from repayment_installment where loan_id in " + loans,
            "delete from risk_cover where loan_id in " + loans,
            "delete from family_acknowledgement where loan_id in " + loans,
            "delete from loan_borrower where loan_id in " + loans,
            "delete from loan_project where province_code = '10'")) {
      jdbc.sql(sql).update();
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  static AreaQuality area(List<AreaQuality> list, String code) {
    return list.stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void bucketsAndRatiosMatchTheHandComputedFixture() {
    PortfolioQuality.Report r = quality.compute(DAY);
    AreaQuality d1 = area(r.districts(), "1001");
    assertThat(d1.nameTh()).isEqualTo("เขตพระนคร");
    assertThat(d1.loans()).isEqualTo(4);
    assertThat(d1.overdueLoans()).isEqualTo(3);
    assertThat(d1.outstanding()).isEqualByComparingTo("8600.00");
    assertThat(d1.overdueAmount()).isEqualByComparingTo("3600.00");
    assertThat(d1.ratioPct()).isEqualByComparingTo("41.86");
    assertThat(d1.buckets()).extracting(BucketFigure::loans).containsExactly(1, 1, 0, 1);
    assertThat(d1.buckets())
        .extracting(BucketFigure::overdueAmount)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("1000"),
            new BigDecimal("1600"),
            BigDecimal.ZERO,
            new BigDecimal("1000"));
    AreaQuality d2 = area(r.districts(), "1002");
    assertThat(d2.loans()).isEqualTo(1);
    assertThat(d2.ratioPct()).isEqualByComparingTo("50.00");
    assertThat(d2.buckets()).extracting(BucketFigure::loans).containsExactly(0, 0, 1, 0);
    AreaQuality bangkok = area(r.provinces(), "10");
    assertThat(bangkok.loans()).isEqualTo(5);
    assertThat(bangkok.outstanding()).isEqualByComparingTo("10600.00");
    assertThat(bangkok.overdueAmount()).isEqualByComparingTo("4600.00");
    assertThat(bangkok.ratioPct()).isEqualByComparingTo("43.40");
    assertThat(r.national().outstanding()).isGreaterThanOrEqualTo(bangkok.outstanding());

    // five days later L3's payment of 20 June counts: its oldest unpaid installment is paid
    AreaQuality later = area(quality.compute(DAY.plusDays(5)).districts(), "1001");
    assertThat(later.buckets().get(Bucket.OVER_90.ordinal()).loans()).isZero();
  }

  @Test
  void theDashboardsOverdueFiguresAreThePortfoliosToTheSatang() {
    for (LocalDate day : List.of(DAY, DAY.minusDays(20), DAY.plusDays(5))) {
      List<AreaQuality> portfolio =
          quality.compute(day).districts().stream().filter(q -> q.code().startsWith("10")).toList();
      List<OverdueFigures.DistrictOverdue> dashboard = overdueFigures.byDistrict("10", day);
      assertThat(dashboard).as(day.toString()).hasSameSizeAs(portfolio);
      for (OverdueFigures.DistrictOverdue d : dashboard) {
        AreaQuality q = area(portfolio, d.districtCode());
        assertThat(d.outstanding()).isEqualByComparingTo(q.outstanding());
        assertThat(d.overdue()).isEqualByComparingTo(q.overdueAmount());
        assertThat(d.ratioPct()).isEqualByComparingTo(q.ratioPct());
      }
    }
  }

  @Test
  void aSnapshotIsStoredOncePerDayAndTheTrendReadsThem() {
    quality.snapshot(DAY.minusDays(1));
    quality.snapshot(DAY);
    quality.snapshot(DAY); // again: replaces, never duplicates
    PortfolioQuality.Report fromSnapshot = quality.on(DAY.minusDays(1), q -> true);
    assertThat(fromSnapshot.fromSnapshot()).isTrue();
    assertThat(area(fromSnapshot.districts(), "1001").nameTh()).isEqualTo("เขตพระนคร");
    // today is live, as on the dashboard: the night's snapshot would miss the day's payments (issue
    // 13)
    PortfolioQuality.Report today = quality.on(DAY, q -> true);
    assertThat(today.fromSnapshot()).isFalse();
    assertThat(area(today.districts(), "1001").ratioPct()).isEqualByComparingTo("41.86");
    List<PortfolioRepository.TrendPoint> trend =
        quality.trend(AreaQuality.DISTRICT, "1001", DAY.minusDays(10), DAY);
    assertThat(trend)
        .extracting(PortfolioRepository.TrendPoint::date)
        .containsExactly(DAY.minusDays(1), DAY);
    // 14 June: L1's installment is 13 days behind, the rest the same
    assertThat(trend.get(0).overdueAmount()).isEqualByComparingTo("3600.00");
  }

  @Test
  void theEndpointShowsEachPersonHerOwnAreasAgainstTheTarget() {
    roles.ensureDistrict(areas.district("1001").orElseThrow());
    roles.ensureProvince(areas.province("10").orElseThrow());
    user("pq1001", "district-1001-officers");
    user("pq10", "province-10-supervisors");
    ResponseEntity<String> officer =
        rest.withBasicAuth("pq1001", "pq-password")
            .getForEntity("/api/portfolio/quality?date=15/06/2569", String.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(officer.getBody())
        .contains("\"targetPct\":" + quality.targetPct().toPlainString())
        .contains("\"code\":\"1001\"")
        .contains("\"overdueAmount\":")
        .doesNotContain("\"area\"") // an area's figures stand flat beside its ratio
        .contains("\"overdueRatioPct\":41.86")
        .contains("\"aboveTarget\":true")
        .contains("\"dateTh\":\"15 มิถุนายน 2569\"")
        .contains("\"labelTh\":\"เกิน 90 วัน\"")
        .doesNotContain("\"code\":\"1002\"")
        .contains("\"code\":\"TH\"");
    ResponseEntity<String> supervisor =
        rest.withBasicAuth("pq10", "pq-password")
            .getForEntity("/api/portfolio/quality?date=2026-06-15&province=10", String.class);
    assertThat(supervisor.getBody())
        .contains("\"code\":\"1001\"")
        .contains("\"code\":\"1002\"")
        .contains("\"overdueRatioPct\":43.40")
        .doesNotContain("\"code\":\"23");
    assertThat(
            rest.withBasicAuth("pq1001", "pq-password")
                .getForEntity("/api/portfolio/trend?level=DISTRICT&code=1002", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("pq1001", "pq-password")
                .getForEntity("/api/portfolio/quality?date=yesterday", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getForEntity("/api/portfolio/quality", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password("pq-password").member(group);
  }
}
