package th.go.cdd.womenfund.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.security.PageAnswers.assertForbidden;
import static th.go.cdd.womenfund.security.PageAnswers.assertNotSaved;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess.Element;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess.Var;
import th.go.cdd.womenfund.notification.TaskReminders;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The meeting page, the meeting-resolution follow-up and the next briefing, in Chumphon (province
 * 86, which no other test counts): the province officer records a meeting, each resolution becomes
 * a task of its owner with the resolution's due date (and so the reminders), the owner reports
 * progress until done, and the next briefing lists the resolutions as done, open or late. Refusals:
 * district officers (403), bad input (Thai, nothing stored), another district's officer and
 * variables the form does not have.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MeetingResolutionsTest {

  static final String PASSWORD = "meeting-page-password";
  static final Actor PROVINCE_OFFICER = new Actor("mtg86", List.of(Roles.provinceOfficers("86")));

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;
  @Autowired MeetingService meetings;
  @Autowired BriefingService briefings;
  @Autowired TaskReminders reminders;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    throttle.liftAll();
    roles.ensureProvince(areas.province("86").orElseThrow());
    roles.ensureDistrict(areas.district("8601").orElseThrow());
    roles.ensureDistrict(areas.district("8602").orElseThrow());
    TestPeople.of(engine).user("mtg86").password(PASSWORD).member(Roles.provinceOfficers("86"));
    TestPeople.of(engine).user("mtg8601").password(PASSWORD).member(Roles.districtOfficers("8601"));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** A meeting number no other run used: a random number of a far year. */
  static String number() {
    return (1 + (int) (Math.random() * 900)) + "/" + (2600 + (int) (System.nanoTime() % 300));
  }

  static MeetingService.ResolutionInput row(String item, String text, String owner, String due) {
    return new MeetingService.ResolutionInput(item, text, owner, due);
  }

  /**
   * The meeting page's form with one resolution of agenda item {@code agendaItem} (the meeting's
   * agenda: that item alone).
   */
  static Map<String, String> meetingForm(
      String number,
      String heldOn,
      String attendees,
      String agendaItem,
      String text,
      String owner,
      String dueOn) {
    Map<String, String> form = new HashMap<>();
    form.put("province", "86");
    form.put("number", number);
    form.put("heldOn", heldOn);
    form.put("attendees", attendees);
    form.put("agenda", agendaItem);
    form.put("agendaItem", agendaItem);
    form.put("text", text);
    form.put("owner", owner);
    form.put("dueOn", dueOn);
    return form;
  }

  MeetingService.MeetingRecord record(
      String number, String heldOn, MeetingService.ResolutionInput... rows) {
    return meetings.record(
        "86",
        new MeetingService.MeetingInput(
            number, heldOn, "หัวหน้าคณะทำงานฯ พัฒนาการจังหวัด", List.of("1", "4.3"), List.of(rows)),
        PROVINCE_OFFICER);
  }

  Task task(MeetingRepository.Resolution r) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(r.processInstanceId())
        .singleResult();
  }

  void complete(Task task, String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Map<String, Object> progress(String note, boolean done) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.PROGRESS_NOTE, note);
    vars.put(Var.DONE, done);
    return vars;
  }

  @Test
  void eachResolutionIsTheOwnersTaskUntilSheReportsItDone() {
    MeetingService.MeetingRecord m =
        record(
            number(),
            "01/09/2569",
            row("4.3", "จัดอบรมการตลาดออนไลน์ให้กลุ่มสตรี", "8601", "30/09/2569"),
            row("1", "รายงานผลการเร่งรัดหนี้ทุกเดือน", "PROVINCE", "31/12/2569"));
    MeetingRepository.Resolution district = m.resolutions().get(0);
    MeetingRepository.Resolution province = m.resolutions().get(1);

    Task t = task(district);
    assertThat(t.getTaskDefinitionKey()).isEqualTo(Element.FOLLOW_UP);
    assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
        .anyMatch(l -> Roles.districtOfficers("8601").equals(l.getGroupId()))
        .noneMatch(l -> Roles.provinceOfficers("86").equals(l.getGroupId()));
    assertThat(TaskReminders.dueDay(t.getDueDate())).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(
            (String) engine.getRuntimeService().getVariable(t.getProcessInstanceId(), Var.SUMMARY))
        .contains("ครั้งที่ " + m.meeting().numberText())
        .contains("จัดอบรมการตลาดออนไลน์")
        .contains("เจ้าหน้าที่พัฒนาชุมชนอำเภอเมืองชุมพร")
        .contains("30 กันยายน 2569");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(province).getId()))
        .anyMatch(l -> Roles.provinceOfficers("86").equals(l.getGroupId()));

    // another district's officer may not work on it; a variable the form lacks is refused
    assertThatThrownBy(
            () -> complete(t, "mtg8602", Roles.districtOfficers("8602"), progress("แทน", true)))
        .isInstanceOf(AuthorizationException.class);
    Map<String, Object> sneaky = progress("เสร็จ", true);
    sneaky.put("ownerDistrictCode", "8602");
    assertThatThrownBy(() -> complete(t, "mtg8601", Roles.districtOfficers("8601"), sneaky))
        .hasMessageContaining("ไม่รับ")
        .hasMessageContaining("ownerDistrictCode");
    assertThatThrownBy(
            () -> complete(t, "mtg8601", Roles.districtOfficers("8601"), progress(" ", false)))
        .hasMessageContaining("กรุณากรอกความคืบหน้า");

    complete(t, "mtg8601", Roles.districtOfficers("8601"), progress("ประสานวิทยากรแล้ว", false));
    MeetingRepository.Resolution open =
        meetings.lastMeeting("86", LocalDate.of(2026, 9, 2)).orElseThrow().resolutions().get(0);
    assertThat(open.done()).isFalse();
    assertThat(open.progressNote()).isEqualTo("ประสานวิทยากรแล้ว");
    Task again = task(district);
    assertThat(again.getId()).isNotEqualTo(t.getId());
    assertThat(again.getDueDate()).isEqualTo(t.getDueDate());

    complete(again, "mtg8601", Roles.districtOfficers("8601"), progress("อบรมแล้ว 35 คน", true));
    BpmnAwareTests.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(district.processInstanceId())
                .singleResult())
        .isNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(district.processInstanceId())
                .activityId(Element.DONE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void anOpenResolutionPastItsDueDateIsRemindedOf() {
    MeetingService.MeetingRecord m =
        record(
            number(),
            "01/08/2569",
            row("4.3", "สำรวจช่องทางการตลาดของกลุ่ม", "8602", "15/08/2569"));
    Task t = task(m.resolutions().get(0));
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 8, 17).atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    assertThat(reminders.due()).anyMatch(key -> key.startsWith("reminder:" + t.getId() + ":"));
  }

  @Test
  void theNextBriefingListsTheLastMeetingsResolutionsAsDoneOpenOrLate() {
    MeetingService.MeetingRecord m =
        record(
            number(),
            "20/09/2569",
            row("4.3", "ส่งเสริมการขายในงานของจังหวัด", "8601", "30/09/2569"),
            row("1", "ติดตามหนี้ค้างชำระ", "PROVINCE", "31/12/2569"),
            row("4.3", "เปิดร้านค้าออนไลน์ของกลุ่ม", "8602", "05/10/2569"));
    complete(
        task(m.resolutions().get(0)),
        "mtg8601",
        Roles.districtOfficers("8601"),
        progress("ออกร้านแล้ว", true));

    BriefingService.Briefing b =
        briefings.briefing("86", LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 15));
    BriefingService.Item item = b.items().get(b.items().size() - 1);
    assertThat(item.number()).isEqualTo("เรื่องสืบเนื่อง");
    assertThat(item.title()).contains("ครั้งที่ " + m.meeting().numberText());
    assertThat(item.table().rows()).hasSize(3);
    assertThat(item.table().rows().get(0).cells())
        .contains("ส่งเสริมการขายในงานของจังหวัด", "ดำเนินการแล้ว", "ออกร้านแล้ว");
    assertThat(item.table().rows().get(1).cells())
        .contains("เจ้าหน้าที่พัฒนาชุมชนจังหวัดชุมพร", "อยู่ระหว่างดำเนินการ");
    assertThat(item.table().rows().get(2).cells()).contains("เลยกำหนด");
    assertThat(item.table().rows().get(2).alert()).isTrue();
    assertThat(String.join(" ", item.paragraphs()))
        .contains("3 รายการ")
        .contains("ดำเนินการแล้ว 1")
        .contains("เลยกำหนด 1");
  }

  @Test
  void theProvinceOfficerRecordsAMeetingOnThePage() throws Exception {
    AppSession officer = AppSession.login(port, "mtg86", PASSWORD);
    String page = officer.get("/meetings?province=86").body();
    assertThat(page)
        .contains("การประชุมคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีจังหวัด<span>ชุมพร</span>")
        .contains("4.3 การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี")
        .contains("เจ้าหน้าที่พัฒนาชุมชนอำเภอท่าแซะ");
    String number = number();
    Map<String, String> form =
        meetingForm(
            number,
            "13/08/2569",
            "นางสุนิสา, นายมนตรี",
            "4.3",
            "หาช่องทางการตลาด, ออนไลน์",
            "8602",
            "30/09/2569");
    HttpResponse<String> sent = officer.post("/meetings?province=86", "/meetings", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String after = officer.get("/meetings?province=86").body();
    assertThat(after)
        .contains("ครั้งที่ " + number)
        .contains("หาช่องทางการตลาด, ออนไลน์")
        .contains("เจ้าหน้าที่พัฒนาชุมชนอำเภอท่าแซะ")
        .contains("นางสุนิสา, นายมนตรี");
    String pid =
        jdbc.sql(
                "select r.process_instance_id from meeting_resolution r join meeting m on m.id = r.meeting_id"
                    + " where m.province_code = '86' and m.meeting_no = ? and m.meeting_year = ?")
            .params(Integer.parseInt(number.split("/")[0]), Integer.parseInt(number.split("/")[1]))
            .query(String.class)
            .single();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pid)
                .singleResult()
                .getName())
        .isEqualTo("รายงานความคืบหน้าการดำเนินงานตามมติ");

    // the same number again, and a form of mistakes: Thai reasons, nothing stored
    HttpResponse<String> twice = officer.post("/meetings?province=86", "/meetings", form);
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.body()).contains("บันทึกไว้แล้ว");
    Map<String, String> mistakes =
        meetingForm("เก้า", "13/08/2021", "", "9.9", "", "1001", "31/02/2569");
    mistakes.remove("agenda"); // no agenda item ticked
    HttpResponse<String> bad = officer.post("/meetings?province=86", "/meetings", mistakes);
    assertNotSaved(
        bad,
        "ไม่ถูกรูปแบบ",
        "ปีต้องเป็นพุทธศักราช",
        "กรุณากรอกผู้เข้าร่วมประชุม",
        "กรุณาเลือกระเบียบวาระการประชุมอย่างน้อย 1 วาระ",
        "มติที่ 1: กรุณากรอกมติหรือข้อสั่งการ",
        "ผู้รับผิดชอบที่เลือกไม่ใช่เจ้าหน้าที่ของจังหวัดนี้",
        "ไม่มีวันที่นี้ในปฏิทิน");
    assertThat(
            jdbc.sql(
                    "select count(*) from meeting m join meeting_resolution r on r.meeting_id = m.id"
                        + " where m.province_code = '86' and m.meeting_no = ? and m.meeting_year = ?")
                .params(
                    Integer.parseInt(number.split("/")[0]), Integer.parseInt(number.split("/")[1]))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aDistrictOfficerMayNotRecordTheProvincesMeeting() throws Exception {
    AppSession district = AppSession.login(port, "mtg8601", PASSWORD);
    assertForbidden(
        district, "/meetings?province=86", "หน้านี้สำหรับเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้น");
    // with a token of a page she may open, the post is refused all the same
    assertForbidden(
        district.post(
            "/home",
            "/meetings",
            meetingForm(number(), "13/08/2569", "ผู้เข้าร่วม", "4.3", "มติ", "8601", "30/09/2569")),
        "หน้านี้สำหรับเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้น");
    assertThatThrownBy(
            () ->
                meetings.record(
                    "86",
                    new MeetingService.MeetingInput(
                        number(),
                        "13/08/2569",
                        "ก",
                        List.of("4.3"),
                        List.of(row("4.3", "มติ", "8601", "30/09/2569"))),
                    new Actor("mtg8601", List.of(Roles.districtOfficers("8601")))))
        .hasMessageContaining("เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัด");
  }
}
