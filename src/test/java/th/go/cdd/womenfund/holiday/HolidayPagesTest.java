package th.go.cdd.womenfund.holiday;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * /holidays over HTTP, signed in through the login page: the administrator adds a holiday and sees
 * it, wrong input comes back in Thai with what was typed and adds nothing, an officer reads the
 * table but may not change it.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HolidayPagesTest {

  static final String PASSWORD = "holiday-page-password";

  @LocalServerPort int port;

  @Value("${womenfund.admin.user}")
  String adminUser;

  @Value("${womenfund.admin.password}")
  String adminPassword;

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired HolidayRepository repo;

  /** Two years ahead: the last year that may be recorded, and one no other test writes to. */
  int year;

  String page;

  @BeforeEach
  void setUp() {
    year = LocalDate.now(ThaiDates.BANGKOK).getYear() + 2;
    page = "/holidays?year=" + (year + ThaiDates.BUDDHIST_ERA_OFFSET);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    TestPeople.of(engine)
        .user("holofficer2305")
        .password(PASSWORD)
        .name("ทดสอบ", "วันหยุด")
        .member(Roles.districtOfficers("2305"));
  }

  @AfterEach
  void cleanUp() {
    repo.ofYear(year).forEach(h -> repo.remove(h.date()));
  }

  String be(int month, int day) {
    return String.format("%02d/%02d/%d", day, month, year + ThaiDates.BUDDHIST_ERA_OFFSET);
  }

  @Test
  void theAdministratorAddsAHolidayAndWrongInputComesBackInThaiAddingNothing() throws Exception {
    AppSession admin = AppSession.login(port, adminUser, adminPassword);
    HttpResponse<String> empty = admin.get(page);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body())
        .contains("วันหยุดราชการ ปี พ.ศ. <span>" + (year + 543) + "</span>")
        .contains("ยังไม่มีวันหยุดของปีนี้ในตาราง")
        .contains("id=\"holiday-form\"")
        .contains("นับเป็นวันปฏิทิน") // the test profile counts calendar days
        .contains("บันทึกวันหยุดราชการไว้");

    HttpResponse<String> wrong =
        admin.post(
            page,
            "/holidays/add",
            Map.of(
                "date",
                "30/02/" + (year + 543),
                "name",
                "วันหยุด<b>พิเศษ</b>",
                "year",
                Integer.toString(year + 543)));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body())
        .contains("ไม่มีวันที่นี้ในปฏิทิน")
        .contains("ใช้ได้เฉพาะตัวอักษร")
        .contains("value=\"30/02/" + (year + 543) + "\"") // what was typed stays in the form
        .doesNotContain("<b>พิเศษ</b>");
    assertThat(repo.ofYear(year)).isEmpty();

    HttpResponse<String> added =
        admin.post(
            page,
            "/holidays/add",
            Map.of(
                "date",
                be(12, 5),
                "name",
                "วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ",
                "year",
                Integer.toString(year + 543)));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(page);
    String after = admin.get(page).body();
    assertThat(after)
        .contains("เพิ่มวันหยุด 5 ธันวาคม " + (year + 543))
        .contains("วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ")
        .contains(
            LocalDate.of(year, 12, 5)
                .getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.FULL, ThaiDates.THAI));
    assertThat(repo.find(LocalDate.of(year, 12, 5))).isPresent();

    HttpResponse<String> removed =
        admin.post(
            page,
            "/holidays/remove",
            Map.of("date", be(12, 5), "year", Integer.toString(year + 543)));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(admin.get(page).body()).contains("ยกเลิกวันหยุด 5 ธันวาคม " + (year + 543));
    assertThat(repo.ofYear(year)).isEmpty();
  }

  @Test
  void anOfficerReadsTheTableButMayNotChangeIt() throws Exception {
    repo.add(new PublicHoliday(LocalDate.of(year, 1, 1), "วันขึ้นปีใหม่"));
    AppSession officer = AppSession.login(port, "holofficer2305", PASSWORD);
    HttpResponse<String> read = officer.get(page);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("วันขึ้นปีใหม่")
        .doesNotContain("id=\"holiday-form\"")
        .doesNotContain(
            "บันทึกวันหยุดราชการไว้"); // the gap warning is for those who can fill the gap
    HttpResponse<String> refused = officer.post(page, "/holidays/remove", Map.of("date", be(1, 1)));
    assertThat(refused.body())
        .contains("เฉพาะผู้ดูแลระบบและกรมการพัฒนาชุมชนเท่านั้นที่แก้ไขตารางวันหยุดราชการได้");
    assertThat(repo.ofYear(year)).hasSize(1);
    assertThat(officer.get("/home").body()).contains("href=\"/holidays\"");
    HttpResponse<String> farAway = officer.get("/holidays?year=99999");
    assertThat(farAway.statusCode()).isEqualTo(200);
    assertThat(farAway.body())
        .contains("ปี พ.ศ. 99999 อยู่นอกช่วงที่ตารางวันหยุดแสดงได้ (2500–2700): แสดงปีปัจจุบันแทน")
        .contains(
            "วันหยุดราชการ ปี พ.ศ. <span>"
                + ThaiDates.buddhistYear(LocalDate.now(ThaiDates.BANGKOK))
                + "</span>");
    assertThat(officer.get("/holidays?year=abc").body())
        .doesNotContain("Exception")
        .doesNotContain("Whitelabel");
  }
}
