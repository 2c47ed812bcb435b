package th.go.cdd.womenfund.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.security.PageAnswers.assertForbidden;
import static th.go.cdd.womenfund.security.PageAnswers.assertNotSaved;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * /occupation over HTTP in Chumphon (province 86, which no other test counts): a district officer
 * records a group's sales, bad input is refused in Thai with nothing stored, an officer of another
 * district gets 403, and the briefing's item 4.3 sums what was recorded.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OccupationPageTest {

  static final String PASSWORD = "occupation-page-password";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;
  @Autowired BriefingService briefings;

  long groupId;
  String groupName;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    roles.ensureDistrict(areas.district("8601").orElseThrow());
    roles.ensureDistrict(areas.district("8602").orElseThrow());
    TestPeople.of(engine).user("occ8601").password(PASSWORD).member(Roles.districtOfficers("8601"));
    TestPeople.of(engine).user("occ8602").password(PASSWORD).member(Roles.districtOfficers("8602"));
    groupName = TestPeople.unique("กลุ่มแปรรูปกาแฟ ");
    groupId = group(groupName, "860101", "8601");
  }

  long group(String name, String subDistrict, String district) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into women_group (name, sub_district_code, contact_name, created_at) values (?, ?, ?, ?)")
        .params(name, subDistrict, "ผู้ประสานงาน", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    jdbc.sql(
            "insert into loan_project (group_id, district_code, province_code, purpose, occupation_category,"
                + " requested_amount, term_months, repayment_frequency, status, created_at, updated_at)"
                + " values (?, ?, '86', 'แปรรูปกาแฟ', 'FOOD_PROCESSING', 50000, 24, 'MONTHLY', 'APPROVED', ?, ?)")
        .params(id, district, now, now)
        .update();
    return id;
  }

  /** Posts the sales form of {@code district}'s page as {@code officer}. */
  static HttpResponse<String> sell(
      AppSession officer,
      String district,
      String groupId,
      String product,
      String channel,
      String period,
      String income)
      throws Exception {
    return officer.post(
        "/occupation?district=" + district,
        "/occupation",
        Map.of(
            "district",
            district,
            "groupId",
            groupId,
            "product",
            product,
            "channel",
            channel,
            "period",
            period,
            "income",
            income));
  }

  int sales() {
    return jdbc.sql("select count(*) from occupation_sale where group_id = ?")
        .param(groupId)
        .query(Integer.class)
        .single();
  }

  @Test
  void theDistrictOfficerRecordsSalesAndTheBriefingSumsThem() throws Exception {
    AppSession officer = AppSession.login(port, "occ8601", PASSWORD);
    String page = officer.get("/occupation?district=8601").body();
    assertThat(page)
        .contains("อำเภอ<span>เมืองชุมพร</span>")
        .contains(groupName)
        .contains("ออนไลน์")
        .contains("งานของจังหวัด");

    HttpResponse<String> sent =
        sell(
            officer,
            "8601",
            Long.toString(groupId),
            "กาแฟคั่วบด",
            "ONLINE",
            "08/2569",
            "12,500.50");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    sell(
        officer, "8601", Long.toString(groupId), "กาแฟคั่วบด", "PROVINCE_EVENT", "09/2569", "0.25");
    assertThat(sales()).isEqualTo(2);
    // the notice names the month with a space after "เดือน", as Thai is written
    assertThat(officer.get("/occupation?district=8601").body())
        .contains("บันทึกรายได้ของ" + groupName + " เดือน ก.ย. 2569 จำนวน 0.25 บาท แล้ว")
        .contains("กาแฟคั่วบด")
        .contains("12,500.50")
        .contains("ส.ค. 2569");

    // fiscal year 2569 runs from October 2025 to September 2026
    BriefingService.Item item =
        briefings
            .briefing("86", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))
            .items()
            .stream()
            .filter(i -> i.number().equals("4.3"))
            .findFirst()
            .orElseThrow();
    assertThat(item.title()).isEqualTo("การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี");
    assertThat(String.join(" ", item.paragraphs()))
        .contains("ออนไลน์")
        .contains("งานของจังหวัด")
        .contains("อำเภอเมืองชุมพร");
    assertThat(item.table().title()).contains("ปีงบประมาณ พ.ศ. 2569");
    assertThat(item.table().rows())
        .anySatisfy(r -> assertThat(r.cells().get(0)).isEqualTo("เมืองชุมพร"));
    BigDecimal income =
        jdbc.sql(
                "select sum(income) from occupation_sale where province_code = '86'"
                    + " and period_month between '2025-10-01' and '2026-09-30'")
            .query(BigDecimal.class)
            .single();
    assertThat((BigDecimal) item.table().total().cells().get(3)).isEqualByComparingTo(income);
    assertThat(String.join(" ", item.paragraphs())).contains(Cells.text(income));
  }

  @Test
  void badInputIsRefusedInThaiAndNothingIsStored() throws Exception {
    AppSession officer = AppSession.login(port, "occ8601", PASSWORD);
    HttpResponse<String> r =
        sell(officer, "8601", Long.toString(groupId), " ", "TELEPATHY", "13/2569", "-5");
    assertNotSaved(
        r,
        "กรุณากรอกชื่อผลิตภัณฑ์หรือสินค้า",
        "ช่องทางการตลาดที่เลือกไม่มีในรายการ",
        "เดือนต้องอยู่ระหว่าง 01 ถึง 12",
        "รายได้จากการขาย ต้องไม่ติดลบ");
    HttpResponse<String> future =
        sell(officer, "8601", Long.toString(groupId), "กาแฟ", "FAIR", "08/2700", "1.234");
    assertThat(future.body()).contains("ยังมาไม่ถึง").contains("ไม่ใช่จำนวนเงินที่ถูกต้อง");
    HttpResponse<String> christian =
        sell(officer, "8601", "99999999999", "กาแฟ", "FAIR", "08/2026", "10");
    assertThat(christian.body())
        .contains("ปีต้องเป็นพุทธศักราช")
        .contains("ไม่พบกลุ่มสตรีที่เลือก");
    assertThat(sales()).isZero();
  }

  @Test
  void anOfficerOfAnotherDistrictGets403() throws Exception {
    AppSession other = AppSession.login(port, "occ8602", PASSWORD);
    assertForbidden(other, "/occupation?district=8601", "เฉพาะกลุ่มสตรีในอำเภอที่ท่านรับผิดชอบ");
    // her own district's page, with the other district's group id slipped in
    assertForbidden(
            sell(other, "8602", Long.toString(groupId), "กาแฟ", "FAIR", "08/2569", "100"),
            "เฉพาะกลุ่มสตรีในอำเภอที่ท่านรับผิดชอบ")
        .doesNotContain(groupName);
    assertThat(other.get("/occupation?district=8602").body()).doesNotContain(groupName);
    assertThat(sales()).isZero();
  }
}
