package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The province's covering letter to the Department (issue 16, item 5: the papers are "listed in the
 * package's spreadsheet and letter"): on the demo's Trat round it lists, per district that sent,
 * the papers attached to its package with their counts and the total debt to the satang, in Thai
 * official-letter form; the same people as for the round page may open it.
 */
@DemoContext
class CoveringLetterPageTest {

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired InstanceScopes scopes;

  long round;
  String reference;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    round =
        jdbc.sql("select max(id) from restructuring_round where province_code = '23'")
            .query(Long.class)
            .single();
    reference = "RS-23-" + round;
    roles.ensureProvince(areas.province("20").orElseThrow());
    if (engine.getIdentityService().createUserQuery().userId("letter-prov20").count() == 0) {
      User u = engine.getIdentityService().newUser("letter-prov20");
      u.setPassword(DemoContext.PASSWORD);
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership("letter-prov20", Roles.provinceOfficers("20"));
    }
  }

  @Test
  void theLetterListsEachDistrictsAttachedPapersAndTheTotalDebt() throws Exception {
    // a paper on แหลมงอบ's package (sent; the province received it)
    long pkg =
        jdbc.sql(
                "select id from restructuring_package where round_id = ? and district_code = '2305'")
            .param(round)
            .query(Long.class)
            .single();
    String pid =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(RestructuringProcess.PACKAGE_KEY)
            .list()
            .stream()
            .map(i -> i.getId())
            .filter(id -> scopes.of(id).map(sc -> "2305".equals(sc.districtCode())).orElse(false))
            .findFirst()
            .orElseThrow();
    jdbc.sql(
            "insert into document (process_instance_id, record_kind, record_id, document_type,"
                + " file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, 'RS_COMMITTEE_RESOLUTION', ?, 'application/pdf', 999, ?,"
                + " 'officer2305', ?)")
        .params(
            pid,
            RestructuringProcess.PACKAGE_KEY,
            pkg,
            "letter-" + UUID.randomUUID() + ".pdf",
            "cd".repeat(32),
            EngineClock.now())
        .update();
    long resolutions =
        jdbc.sql(
                "select count(*) from document where record_kind = ? and record_id = ?"
                    + " and document_type = 'RS_COMMITTEE_RESOLUTION'")
            .params(RestructuringProcess.PACKAGE_KEY, pkg)
            .query(Long.class)
            .single();

    AppSession province = AppSession.login(port, "provofficer23", DemoContext.PASSWORD);
    String roundPage = province.get("/restructuring/rounds/" + reference).body();
    assertThat(roundPage).contains("/restructuring/rounds/" + reference + "/letter");
    Matcher sentTotal = Pattern.compile("id=\"sent-total\">([0-9,.]+)<").matcher(roundPage);
    assertThat(sentTotal.find()).isTrue();

    HttpResponse<String> page = province.get("/restructuring/rounds/" + reference + "/letter");
    assertThat(page.statusCode()).isEqualTo(200);
    String letter = page.body();
    assertThat(letter)
        .contains("เรื่อง</strong> ขอส่งเอกสารประกอบการพิจารณาปรับโครงสร้างหนี้")
        .contains("เรียน</strong> อธิบดีกรมการพัฒนาชุมชน")
        .contains("สิ่งที่ส่งมาด้วย")
        .contains("ผู้ว่าราชการจังหวัด<span>ตราด</span>")
        .contains("@media print")
        .contains("id=\"letter-total\">" + sentTotal.group(1) + "<");
    // the date is in the Buddhist era, or left blank to be written by hand
    assertThat(letter).containsPattern("id=\"letter-date\">(\\d{1,2} \\S+ 25\\d\\d|\\.{10} เดือน)");
    String row = districtRow(letter, "แหลมงอบ");
    assertThat(row).contains("มติคณะอนุกรรมการกลั่นกรองฯ อำเภอ " + resolutions + " ไฟล์");
    // a district that has not sent is not in the letter
    assertThat(letter).doesNotContain("<td>เกาะกูด</td>");

    AppSession department = AppSession.login(port, "department", DemoContext.PASSWORD);
    assertThat(department.get("/restructuring/rounds/" + reference + "/letter").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aDistrictAndAnotherProvinceAreRefusedLikeTheRoundPage() throws Exception {
    String path = "/restructuring/rounds/" + reference + "/letter";
    AppSession other = AppSession.login(port, "letter-prov20", DemoContext.PASSWORD);
    assertThat(other.get(path).statusCode()).isEqualTo(403);
    assertThat(other.get("/restructuring/rounds/" + reference).statusCode()).isEqualTo(403);
    AppSession district = AppSession.login(port, "officer2301", DemoContext.PASSWORD);
    assertThat(district.get(path).statusCode()).isEqualTo(403);
    AppSession department = AppSession.login(port, "department", DemoContext.PASSWORD);
    assertThat(department.get("/restructuring/rounds/RS-20-" + round + "/letter").statusCode())
        .isEqualTo(404);
    HttpResponse<String> typo = department.get("/restructuring/rounds/RS-23/letter");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("เช่น RS-23-1");
  }

  private static String districtRow(String page, String district) {
    int at = page.indexOf("<td>" + district + "</td>");
    assertThat(at).as("a row for " + district).isPositive();
    return page.substring(at, page.indexOf("</tr>", at));
  }
}
