package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.overdue.FieldVisit;
import th.go.cdd.womenfund.overdue.FollowUpRepository;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * A field visit recorded at the overdue follow-up's visit rung appears on the province's dashboard
 * and in the briefing's item 4.4, within its fiscal year only (Narathiwat, 96: no other test works
 * there).
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
// rolls back: the visit never reaches the shared database, so a second run still counts exactly one
@Transactional
class FieldVisitsSectionTest {

  static final LocalDate TODAY =
      LocalDate.of(2025, 3, 1); // fiscal year 2568: 1 Oct 2024 – 30 Sep 2025

  @Autowired DashboardService dashboards;
  @Autowired BriefingService briefings;
  @Autowired DisbursedLoans disbursed;
  @Autowired FollowUpRepository followUps;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;

  long loanId;

  /** The rollback is real: the loan and its visits are gone once the test's transaction ends. */
  @AfterTransaction
  void nothingLeft() {
    assertThat(
            jdbc.sql("select count(*) from field_visit where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from loan_project where id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aRecordedVisitShowsOnTheDashboardAndInTheBriefing() {
    String district = areas.districtsOf("96").get(0).code();
    String subDistrict = areas.subDistrictsOf(district).get(0).code();
    loanId =
        disbursed.insert(
            DisbursedLoans.group(
                subDistrict, "กลุ่มทดสอบการลงพื้นที่", 5, "1000.00", 12, LocalDate.of(2024, 6, 1)));
    var key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into overdue_follow_up (loan_id, started_on, oldest_due_date, overdue_amount) values (?, ?, ?, ?)")
        .params(
            loanId, LocalDate.of(2025, 1, 5), LocalDate.of(2024, 12, 1), new BigDecimal("1000.00"))
        .update(key, "id");
    long followUp = key.getKey().longValue();
    followUps.insertFieldVisit(
        followUp,
        loanId,
        new FieldVisit(
            LocalDate.of(2025, 2, 10),
            "นางสมศรี ใจงาม",
            "นางสมใจ รักดี",
            "นายสมชาย มั่นคง",
            "สินค้าขายไม่ได้ช่วงน้ำท่วม",
            "ผ่อนชำระเดือนละ 500 บาท",
            null,
            null),
        "officer" + district);
    followUps.insertFieldVisit(
        followUp,
        loanId,
        new FieldVisit(
            LocalDate.of(2024, 9, 20),
            "นางสมศรี ใจงาม",
            "นางสมใจ รักดี",
            "นายสมชาย มั่นคง",
            "ปีงบประมาณก่อน",
            "-",
            null,
            null),
        "officer" + district);

    DashboardService.Dashboard d = dashboards.dashboard("96", new ThaiFiscalYear(2568), TODAY);
    assertThat(d.figures().visits()).isEqualTo(1);
    assertThat(d.visits()).isNotNull();
    assertThat(d.visits().rows()).hasSize(1);
    assertThat(d.visits().rows().get(0).cells().toString())
        .contains(
            "สินค้าขายไม่ได้ช่วงน้ำท่วม",
            "นายสมชาย มั่นคง",
            areas.district(district).orElseThrow().nameTh());

    BriefingService.Briefing b = briefings.briefing("96", TODAY, TODAY);
    assertThat(b.items())
        .filteredOn(i -> i.number().equals("4.4"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.paragraphs())
                    .anyMatch(p -> p.contains("ลงพื้นที่ติดตามแล้ว 1 ครั้ง")));
  }
}
