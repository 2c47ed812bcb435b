package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.OpenTasks;
import th.go.cdd.womenfund.security.OpenTasks.OpenTask;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The round page and its spreadsheet are reachable (issue 13, item 7): by the reference Tasklist
 * shows (RS-23-1), for the Department (every province) and the province's groups (their own), not
 * for a district or another province; and the province page of late work lists who holds each late
 * task (item 8). On the demo's Trat data.
 */
@DemoContext
class RoundPagesTest {

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired OpenTasks openTasks;

  String reference;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    long id =
        jdbc.sql("select max(id) from restructuring_round where province_code = '23'")
            .query(Long.class)
            .single();
    reference = "RS-23-" + id;
    roles.ensureProvince(areas.province("20").orElseThrow());
    if (engine.getIdentityService().createUserQuery().userId("roundpages-prov20").count() == 0) {
      User u = engine.getIdentityService().newUser("roundpages-prov20");
      u.setPassword(DemoContext.PASSWORD);
      engine.getIdentityService().saveUser(u);
      engine
          .getIdentityService()
          .createMembership("roundpages-prov20", Roles.provinceOfficers("20"));
    }
  }

  @Test
  void theDepartmentOpensTheRoundByItsTasklistReferenceAndDownloadsTheSpreadsheet()
      throws Exception {
    AppSession department = AppSession.login(port, "department", DemoContext.PASSWORD);
    assertThat(department.get("/home").body())
        .contains("/restructuring/rounds")
        .contains("/late-work");
    String list = department.get("/restructuring/rounds").body();
    assertThat(list).contains(reference).contains("ตราด");

    HttpResponse<String> page = department.get("/restructuring/rounds/" + reference);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("การปรับโครงสร้างหนี้ จังหวัด<span>ตราด</span>")
        .contains(reference)
        .contains("แหลมงอบ")
        .contains("บ่อไร่")
        .contains("คลองใหญ่")
        .contains("เกาะกูด")
        .contains("จังหวัดรับเอกสารแล้ว")
        .contains("อำเภอไม่มีผู้ขอปรับโครงสร้างหนี้")
        .contains("อำเภอกำลังรวบรวมเอกสาร")
        .contains("เลยกำหนด 5 วัน")
        .contains("เหลือ 2 วัน")
        .contains("เหลือ 10 วัน")
        .contains("1,605,730.42")
        .contains("ส่งเอกสารถึงกรมการพัฒนาชุมชน")
        .contains("รอผู้รับงานจาก")
        .contains("/api/restructuring/rounds/" + reference + "/submission.xlsx");

    HttpResponse<byte[]> xlsx =
        department.bytes("/api/restructuring/rounds/" + reference + "/submission.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(reference);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(1);
    }
    // the number alone still works; a reference of another province or a typing error does not
    String id = reference.substring("RS-23-".length());
    assertThat(
            department.bytes("/api/restructuring/rounds/" + id + "/submission.xlsx").statusCode())
        .isEqualTo(200);
    assertThat(department.get("/restructuring/rounds/rs-23-" + id).statusCode()).isEqualTo(200);
    assertThat(department.get("/restructuring/rounds/RS-20-" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> typo = department.get("/restructuring/rounds/RS-23");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("เช่น RS-23-1");
    HttpResponse<String> typed = department.get("/restructuring/round?reference=" + reference);
    assertThat(typed.statusCode()).isEqualTo(302);
    assertThat(typed.headers().firstValue("Location").orElseThrow())
        .endsWith("/restructuring/rounds/" + reference);
  }

  @Test
  void theProvinceSeesItsRoundADistrictAndAnotherProvinceDoNot() throws Exception {
    AppSession province = AppSession.login(port, "provofficer23", DemoContext.PASSWORD);
    assertThat(province.get("/home").body()).contains("/restructuring/rounds?province=23");
    assertThat(province.get("/restructuring/rounds/" + reference).statusCode()).isEqualTo(200);
    assertThat(
            province
                .bytes("/api/restructuring/rounds/" + reference + "/submission.xlsx")
                .statusCode())
        .isEqualTo(200);

    AppSession district = AppSession.login(port, "officer2301", DemoContext.PASSWORD);
    assertThat(district.get("/restructuring/rounds/" + reference).statusCode()).isEqualTo(403);
    assertThat(
            district
                .bytes("/api/restructuring/rounds/" + reference + "/submission.xlsx")
                .statusCode())
        .isEqualTo(403);
    assertThat(district.get("/restructuring/rounds").body())
        .doesNotContain("/restructuring/rounds/" + reference);

    AppSession other = AppSession.login(port, "roundpages-prov20", DemoContext.PASSWORD);
    assertThat(other.get("/restructuring/rounds/" + reference).statusCode()).isEqualTo(403);
    assertThat(
            other.bytes("/api/restructuring/rounds/" + reference + "/submission.xlsx").statusCode())
        .isEqualTo(403);
    assertThat(other.get("/restructuring/rounds?province=23").statusCode()).isEqualTo(403);
    assertThat(other.get("/late-work?province=23").statusCode()).isEqualTo(403);
  }

  @Test
  void theSupervisorsPageListsEveryLateTaskOfTheProvinceByDistrictWithWhoHoldsIt()
      throws Exception {
    Date now = Date.from(EngineClock.today().atStartOfDay(ThaiDates.BANGKOK).toInstant());
    long lateInTrat =
        engine.getTaskService().createTaskQuery().active().dueBefore(now).list().stream()
            .filter(
                t ->
                    jdbc.sql(
                                "select count(*) from process_scope where process_instance_id = ? and province_code = '23'")
                            .param(t.getProcessInstanceId())
                            .query(Long.class)
                            .single()
                        > 0)
            .count();
    assertThat(lateInTrat).isGreaterThanOrEqualTo(2);

    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    HttpResponse<String> page = supervisor.get("/late-work?province=23");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("งานที่เลยกำหนดและใกล้ครบกำหนด จังหวัด<span>ตราด</span>")
        .contains("<strong id=\"late-count\" class=\"late\">" + lateInTrat + "</strong>")
        .contains("อำเภอ")
        .contains("เลยกำหนด ")
        .contains("รอผู้รับงานจาก");
    assertThat(page.body().split("class=\"late-task\"", -1)).hasSize((int) lateInTrat + 1);

    assertThat(
            AppSession.login(port, "department", DemoContext.PASSWORD)
                .get("/late-work?province=23")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            AppSession.login(port, "officer2301", DemoContext.PASSWORD)
                .get("/late-work?province=23")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void anotherProvincesLateTasksAreNeitherLoadedNorShown() throws Exception {
    // a late task of an instance bound to Trat's neighbour Chanthaburi (20)
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "roundpages-other-province.bpmn",
                Bpmn.createExecutableProcess("roundpagesOtherProvince")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("lateElsewhere")
                    .name("งานจังหวัดอื่น")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    try {
      String pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey("roundpagesOtherProvince", "OTHER-PROVINCE-LATE-1")
              .getId();
      jdbc.sql(
              "insert into process_scope (process_instance_id, process_key, subject_id,"
                  + " province_code, recorded_at) values (?, 'roundpagesOtherProvince', 1, '20', ?)")
          .params(pid, Timestamp.from(Instant.now()))
          .update();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
      task.setDueDate(
          Date.from(EngineClock.today().minusDays(3).atStartOfDay(ThaiDates.BANGKOK).toInstant()));
      engine.getTaskService().saveTask(task);

      assertThat(openTasks.lateOrNear("23", TasklistFilters.DUE_SOON_DAYS))
          .isNotEmpty()
          .extracting(OpenTask::processInstanceId)
          .doesNotContain(pid);
      assertThat(openTasks.lateOrNear("20", TasklistFilters.DUE_SOON_DAYS))
          .extracting(OpenTask::taskId, OpenTask::late)
          .contains(tuple(task.getId(), true));

      String trat =
          AppSession.login(port, "supervisor23", DemoContext.PASSWORD)
              .get("/late-work?province=23")
              .body();
      assertThat(trat).doesNotContain("OTHER-PROVINCE-LATE-1").doesNotContain("งานจังหวัดอื่น");
      String chanthaburi =
          AppSession.login(port, "roundpages-prov20", DemoContext.PASSWORD)
              .get("/late-work?province=20")
              .body();
      assertThat(chanthaburi).contains("งานจังหวัดอื่น").contains("เลยกำหนด 3 วัน");
    } finally {
      jdbc.sql("delete from process_scope where process_key = 'roundpagesOtherProvince'").update();
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
