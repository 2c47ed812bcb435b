package th.go.cdd.womenfund.fieldvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess.Element;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess.Var;
import th.go.cdd.womenfund.notification.TaskReminders;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.reporting.DashboardService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Field-visit plans in Phatthalung (province 93, districts 9301 and 9302, which no other test
 * counts), each test in a fiscal year of its own far in the future (the engine clock is moved
 * there), so runs on a kept PostgreSQL do not see one another: a district officer plans and records
 * a visit, each follow-up action becomes its owner's task with the action's due date and the
 * reminders, the owner reports until done, and dashboard and briefing 4.4 count planned against
 * done. Refusals: another district (page, service, task), bad input (422 in Thai, nothing stored),
 * variables the form does not declare.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldVisitsTest {

  /** One far fiscal year per test: tests on the shared database never count each other's plans. */
  static final AtomicInteger NEXT_YEAR =
      new AtomicInteger(2600 + (int) ((System.nanoTime() / 1000) % 150));

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String PASSWORD = "field-visit-password";
  static final String D1 = "9301";
  static final String D2 = "9302";
  static final Actor OFFICER = new Actor("fv9301", List.of(Roles.districtOfficers(D1)));

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;
  @Autowired FieldVisitService visits;
  @Autowired VisitPlanRepository repo;
  @Autowired BriefingService briefings;
  @Autowired DashboardService dashboards;
  @Autowired TaskReminders reminders;

  /** This test's fiscal year (Buddhist era), and a day in its first quarter that is "today". */
  int year;

  LocalDate today;
  String subDistrict;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    throttle.liftAll();
    roles.ensureProvince(areas.province("93").orElseThrow());
    roles.ensureDistrict(areas.district(D1).orElseThrow());
    roles.ensureDistrict(areas.district(D2).orElseThrow());
    person("fv9301", "fv9301@example.org", Roles.districtOfficers(D1));
    person("fv9302", "fv9302@example.org", Roles.districtOfficers(D2));
    person("fvc9301", "fvc9301@example.org", Roles.districtCommittee(D1));
    person("fvc9302", "fvc9302@example.org", Roles.districtCommittee(D2));
    person("fvsup93", "fvsup93@example.org", Roles.provinceSupervisors("93"));
    year = NEXT_YEAR.getAndIncrement();
    // 20 November of the fiscal year's first calendar year: its first quarter
    today = LocalDate.of(year - ThaiDates.BUDDHIST_ERA_OFFSET - 1, 11, 20);
    ClockUtil.setCurrentTime(at(today));
    subDistrict = areas.subDistrictsOf(D1).get(0).code();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  void person(String id, String email, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).email(email).member(group);
  }

  static Date at(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant());
  }

  /** A day of this test's fiscal year as officers key it: month of the first calendar year. */
  String day(int dayOfMonth, int month) {
    int ce =
        month >= 10
            ? year - ThaiDates.BUDDHIST_ERA_OFFSET - 1
            : year - ThaiDates.BUDDHIST_ERA_OFFSET;
    return ThaiDates.formatNumeric(LocalDate.of(ce, month, dayOfMonth));
  }

  VisitPlanRepository.Plan plan(String on) {
    return visits.plan(
        D1,
        new FieldVisitService.PlanInput(
            on,
            subDistrict,
            "กลุ่มแปรรูปปลา",
            "นางสมศรี (อนุกรรมการฯ)",
            "นางมาลี (คณะทำงานฯ ตำบล)"),
        OFFICER);
  }

  FieldVisitService.Visit record(
      VisitPlanRepository.Plan p, String on, FieldVisitService.ActionInput... actions) {
    return visits.recordVisit(
        p.id(),
        new FieldVisitService.VisitInput(
            on,
            "นางสมศรี, นางมาลี, นายสมชาย (สำนักงานเลขานุการฯ)",
            "กลุ่มแปรรูปปลา",
            "กลุ่มจดบัญชีไม่ครบ สมาชิกสองรายผ่อนไม่ได้",
            List.of(actions)),
        OFFICER);
  }

  /** The open task of an action, found by the instance its record names. */
  Task task(VisitPlanRepository.Action a) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .active()
        .processInstanceId(a.processInstanceId())
        .singleResult();
  }

  /** Completes the task as {@code user} of {@code group}, as Tasklist would for her. */
  void complete(Task t, String user, String group, Map<String, Object> vars) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(t.getId(), vars);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The follow-up form's two fields, in a map the test may add to. */
  static Map<String, Object> report(String note, boolean done) {
    return new HashMap<>(
        Variables.createVariables().putValue(Var.NOTE, note).putValue(Var.DONE, done));
  }

  @Test
  void eachActionOfAVisitIsItsOwnersTaskUntilReportedDone() {
    VisitPlanRepository.Plan p = plan(day(25, 11));
    assertThat(p.quarter().quarter()).isEqualTo(1);
    assertThat(p.quarter().year()).isEqualTo(new ThaiFiscalYear(year));
    FieldVisitService.Visit v =
        record(
            p,
            day(20, 11),
            new FieldVisitService.ActionInput(
                "อบรมการจดบัญชีให้กลุ่ม", ActionOwner.DISTRICT_COMMITTEE.name(), day(15, 12)),
            new FieldVisitService.ActionInput("", "", ""),
            new FieldVisitService.ActionInput(
                "ประสานปรับโครงสร้างหนี้", ActionOwner.PROVINCE_OFFICERS.name(), day(31, 12)));
    assertThat(v.plan().done()).isTrue();
    assertThat(v.actions()).hasSize(2);
    VisitPlanRepository.Action committee = v.actions().get(0);
    VisitPlanRepository.Action province = v.actions().get(1);

    Task t = task(committee);
    assertThat(t.getTaskDefinitionKey()).isEqualTo(Element.REPORT);
    assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
        .anyMatch(l -> Roles.districtCommittee(D1).equals(l.getGroupId()))
        .noneMatch(l -> Roles.districtOfficers(D1).equals(l.getGroupId()));
    assertThat(TaskReminders.dueDay(t.getDueDate()))
        .isEqualTo(ThaiDates.parseBuddhist(day(15, 12), "test"));
    assertThat(
            (String) engine.getRuntimeService().getVariable(t.getProcessInstanceId(), Var.SUMMARY))
        .contains("อบรมการจดบัญชีให้กลุ่ม")
        .contains("กลุ่มจดบัญชีไม่ครบ")
        .contains("อำเภอ" + areas.district(D1).orElseThrow().nameTh());
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(province).getId()))
        .anyMatch(l -> Roles.provinceOfficers("93").equals(l.getGroupId()));

    complete(t, "fvc9301", Roles.districtCommittee(D1), report("นัดวิทยากรแล้ว", false));
    assertThat(repo.actions(p.id()).get(0).done()).isFalse();
    assertThat(repo.actions(p.id()).get(0).progressNote()).isEqualTo("นัดวิทยากรแล้ว");
    Task again = task(committee);
    assertThat(again.getId()).isNotEqualTo(t.getId());
    assertThat(again.getDueDate()).isEqualTo(t.getDueDate());

    complete(again, "fvc9301", Roles.districtCommittee(D1), report("อบรมแล้ว 12 คน", true));
    assertThat(repo.actions(p.id()).get(0).done()).isTrue();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(committee.processInstanceId())
                .activityId(Element.DONE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void anotherDistrictAndUndeclaredVariablesAreRefusedOnTheTask() {
    VisitPlanRepository.Plan p = plan(day(22, 11));
    Task t =
        task(
            record(
                    p,
                    day(20, 11),
                    new FieldVisitService.ActionInput(
                        "ติดตามการผ่อนชำระ", ActionOwner.DISTRICT_OFFICERS.name(), day(10, 12)))
                .actions()
                .get(0));
    assertThatThrownBy(
            () -> complete(t, "fv9302", Roles.districtOfficers(D2), report("แทนกัน", true)))
        .isInstanceOf(AuthorizationException.class);
    Map<String, Object> sneaky = report("เสร็จ", true);
    sneaky.put("districtCode", D2);
    assertThatThrownBy(() -> complete(t, "fv9301", Roles.districtOfficers(D1), sneaky))
        .hasMessageContaining("ไม่รับ")
        .hasMessageContaining("districtCode");
    assertThatThrownBy(() -> complete(t, "fv9301", Roles.districtOfficers(D1), report("  ", true)))
        .hasMessageContaining("กรุณากรอกผลการดำเนินการ");
    assertThat(task(repo.actions(p.id()).get(0)).getId()).isEqualTo(t.getId());
    assertThat(repo.actions(p.id()).get(0).progressNote()).isNull();

    // another district's officer may neither record the visit nor plan for the district
    assertThatThrownBy(
            () ->
                visits.recordVisit(
                    plan(day(23, 11)).id(),
                    new FieldVisitService.VisitInput(day(20, 11), "ก", "ข", "ค", List.of()),
                    new Actor("fv9302", List.of(Roles.districtOfficers(D2)))))
        .hasMessageContaining("อำเภอที่ท่านรับผิดชอบ");
    assertThatThrownBy(
            () ->
                visits.plan(
                    D1,
                    new FieldVisitService.PlanInput(day(1, 12), subDistrict, "ก", "ข", "ค"),
                    new Actor("fv9302", List.of(Roles.districtOfficers(D2)))))
        .hasMessageContaining("เฉพาะอำเภอที่ท่านรับผิดชอบ");
  }

  @Test
  void anOpenActionPastItsDueDayIsRemindedToItsOwnerByMail() throws Exception {
    VisitPlanRepository.Plan p = plan(day(21, 11));
    Task t =
        task(
            record(
                    p,
                    day(20, 11),
                    new FieldVisitService.ActionInput(
                        "ตรวจบัญชีกลุ่มซ้ำ", ActionOwner.DISTRICT_COMMITTEE.name(), day(1, 12)))
                .actions()
                .get(0));
    ClockUtil.setCurrentTime(at(today.plusDays(13)));
    String key =
        reminders.due().stream()
            .filter(k -> k.startsWith("reminder:" + t.getId() + ":"))
            .findFirst()
            .orElseThrow();
    assertThat(reminders.send(key)).isTrue();
    List<MimeMessage> mine =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> recipients(m).contains("fvc9301@example.org"))
            .toList();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).getSubject()).contains("เลยกำหนด").contains(t.getName());
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(FieldVisitsTest::recipients))
        .noneMatch(r -> r.contains("fvc9302@example.org"));
  }

  static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void dashboardAndBriefingCountPlannedAgainstDonePerDistrict() {
    VisitPlanRepository.Plan first = plan(day(20, 11));
    plan(day(5, 11)); // planned for a day already past, not done: behind
    plan(day(10, 2)); // the second quarter
    record(
        first,
        day(20, 11),
        new FieldVisitService.ActionInput(
            "จัดทำแผนการผ่อนชำระ", ActionOwner.DISTRICT_OFFICERS.name(), day(30, 12)));

    DashboardService.Dashboard d = dashboards.dashboard("93", new ThaiFiscalYear(year), today);
    assertThat(d.visitPlanFigures().planned()).isEqualTo(3);
    assertThat(d.visitPlanFigures().done()).isEqualTo(1);
    assertThat(d.visitPlanFigures().behind()).isEqualTo(1);
    assertThat(d.visitPlanFigures().openActions()).isEqualTo(1);
    String name = areas.district(D1).orElseThrow().nameTh();
    assertThat(d.visitPlans().rows()).hasSize(1);
    assertThat(d.visitPlans().rows().get(0).cells())
        .startsWith(name, "1/2", "0/1", "0/0", "0/0", 3, 1);
    assertThat(d.visitPlans().rows().get(0).alert()).isTrue();

    BriefingService.Item item =
        briefings.briefing("93", today, today).items().stream()
            .filter(i -> i.number().equals("4.4"))
            .findFirst()
            .orElseThrow();
    assertThat(item.title()).isEqualTo("การลงพื้นที่ติดตามในแต่ละอำเภอ");
    assertThat(String.join(" ", item.paragraphs()))
        .contains("วางแผนลงพื้นที่ติดตาม 3 ครั้ง ลงพื้นที่แล้ว 1 ครั้ง คิดเป็นร้อยละ 33.3")
        .contains("อำเภอ" + name)
        .contains("ยังดำเนินการไม่เสร็จ 1 รายการ");
    assertThat(item.table().id()).isEqualTo("visit-plans");
  }

  int plansOf(String district) {
    return jdbc.sql("select count(*) from visit_plan where district_code = ? and fiscal_year = ?")
        .params(district, year)
        .query(Integer.class)
        .single();
  }

  @Test
  void theDistrictOfficerPlansAndRecordsOnThePage() throws Exception {
    AppSession officer = AppSession.login(port, "fv9301", PASSWORD);
    String page = officer.get("/field-visits").body();
    assertThat(page)
        .contains(
            "แผนและผลการลงพื้นที่ติดตาม — อำเภอ<span>" + areas.district(D1).orElseThrow().nameTh())
        .contains("ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. " + year)
        .contains(areas.subDistrict(subDistrict).orElseThrow().nameTh());
    Map<String, String> planForm =
        Map.of(
            "district",
            D1,
            "plannedOn",
            day(28, 11),
            "subDistrict",
            subDistrict,
            "groupsToMeet",
            "กลุ่มจักสาน",
            "districtCommittee",
            "นางสมศรี",
            "subdistrictGroup",
            "นางมาลี");
    HttpResponse<String> planned = officer.post("/field-visits", "/field-visits/plans", planForm);
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
    assertThat(plansOf(D1)).isEqualTo(1);
    long planId =
        jdbc.sql("select id from visit_plan where district_code = ? and fiscal_year = ?")
            .params(D1, year)
            .query(Long.class)
            .single();

    Map<String, String> visitForm = new HashMap<>();
    visitForm.put("planId", Long.toString(planId));
    visitForm.put("visitedOn", day(20, 11));
    visitForm.put("team", "นางสมศรี, นางมาลี");
    visitForm.put("groupsMet", "กลุ่มจักสาน");
    visitForm.put("problems", "ขาดตลาด");
    visitForm.put("actionText", "พาไปออกร้านงานจังหวัด");
    visitForm.put("actionOwner", ActionOwner.PROVINCE_OFFICERS.name());
    visitForm.put("actionDue", day(15, 1));
    HttpResponse<String> done = officer.post("/field-visits", "/field-visits/visits", visitForm);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(officer.get("/field-visits?district=" + D1).body())
        .contains("ลงพื้นที่แล้ว")
        .contains("พาไปออกร้านงานจังหวัด")
        .contains("สำนักงานเลขานุการฯ");
    assertThat(repo.actions(planId))
        .singleElement()
        .satisfies(a -> assertThat(a.processInstanceId()).isNotNull());

    // the supervisor reads the province's page; a district officer of the province may not
    AppSession supervisor = AppSession.login(port, "fvsup93", PASSWORD);
    assertThat(supervisor.get("/field-visits/province?province=93").body())
        .contains("กลุ่มจักสาน")
        .contains("พาไปออกร้านงานจังหวัด");
    HttpResponse<String> dashboard = supervisor.get("/dashboard?province=93&year=" + year);
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("4.4 การลงพื้นที่ติดตามในแต่ละอำเภอ: แผนและผล")
        .contains("แผนและผลการลงพื้นที่ติดตามรายอำเภอ ปีงบประมาณ พ.ศ. " + year);
    assertThat(supervisor.get("/field-visits").statusCode()).isEqualTo(403);
    assertThat(officer.get("/field-visits/province?province=93").statusCode()).isEqualTo(403);
  }

  @Test
  void badInputIsRefusedInThaiWith422AndNothingIsStored() throws Exception {
    AppSession officer = AppSession.login(port, "fv9301", PASSWORD);
    HttpResponse<String> bad =
        officer.post(
            "/field-visits",
            "/field-visits/plans",
            Map.of(
                "district",
                D1,
                "plannedOn",
                "31/02/" + year,
                "subDistrict",
                areas.subDistrictsOf(D2).get(0).code(),
                "groupsToMeet",
                " ",
                "districtCommittee",
                "",
                "subdistrictGroup",
                "x".repeat(1001)));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("ยังไม่ได้บันทึก")
        .contains("ไม่มีวันที่นี้ในปฏิทิน")
        .contains("ตำบลที่เลือกไม่อยู่ในอำเภอนี้")
        .contains("กรุณากรอกกลุ่มสตรีที่จะพบ")
        .contains("กรุณากรอกผู้ร่วมลงพื้นที่จากคณะอนุกรรมการฯ อำเภอ")
        .contains("ยาวเกิน 1000 ตัวอักษร")
        .doesNotContain("Exception");
    assertThat(plansOf(D1)).isZero();

    VisitPlanRepository.Plan p = plan(day(26, 11));
    Map<String, String> visitForm = new HashMap<>();
    visitForm.put("planId", Long.toString(p.id()));
    visitForm.put("visitedOn", day(21, 11)); // tomorrow
    visitForm.put("team", "");
    visitForm.put("groupsMet", "กลุ่ม");
    visitForm.put("problems", "ปัญหา");
    visitForm.put("actionText", "ติดตาม");
    visitForm.put("actionOwner", "MAYOR");
    visitForm.put("actionDue", "01/01/2026");
    HttpResponse<String> refused = officer.post("/field-visits", "/field-visits/visits", visitForm);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("วันที่ลงพื้นที่ต้องไม่เลยวันนี้")
        .contains("กรุณากรอกผู้ที่ลงพื้นที่")
        .contains("ข้อเสนอแนะที่ 1: กรุณาเลือกผู้รับผิดชอบจากรายการ")
        .contains("ปีต้องเป็นพุทธศักราช")
        .doesNotContain("Exception");
    assertThat(repo.plan(p.id()).orElseThrow().done()).isFalse();
    assertThat(repo.actions(p.id())).isEmpty();

    // another district: its page, its plans and its visits are refused with 403
    AppSession other = AppSession.login(port, "fv9302", PASSWORD);
    assertThat(other.get("/field-visits?district=" + D1).statusCode()).isEqualTo(403);
    Map<String, String> planThere =
        Map.of(
            "district",
            D1,
            "plannedOn",
            day(28, 11),
            "subDistrict",
            subDistrict,
            "groupsToMeet",
            "ก",
            "districtCommittee",
            "ข",
            "subdistrictGroup",
            "ค");
    assertThat(other.post("/field-visits", "/field-visits/plans", planThere).statusCode())
        .isEqualTo(403);
    visitForm.put("visitedOn", day(20, 11));
    visitForm.put("team", "ทีม");
    visitForm.put("actionOwner", ActionOwner.DISTRICT_OFFICERS.name());
    visitForm.put("actionDue", day(1, 12));
    HttpResponse<String> theirs = other.post("/field-visits", "/field-visits/visits", visitForm);
    assertThat(theirs.statusCode()).isEqualTo(403);
    assertThat(theirs.body()).contains("อำเภอที่ท่านรับผิดชอบ");
    assertThat(plansOf(D1)).isEqualTo(1);
    assertThat(repo.plan(p.id()).orElseThrow().done()).isFalse();
  }
}
