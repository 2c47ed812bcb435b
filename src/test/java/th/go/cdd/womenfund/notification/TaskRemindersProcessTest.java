package th.go.cdd.womenfund.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * task-reminders and daily-task-digest: time moved with ClockUtil, timer and send jobs executed,
 * the exact mails caught by a real SMTP server. District 2303 (เขาสมิง) is used by no other test.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class TaskRemindersProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String DISTRICT = "2303";
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  static final LocalDate START = LocalDate.of(2026, 11, 2);

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired MailOutbox outbox;

  String pid;
  String applicationNo;

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(BANGKOK).toInstant());
  }

  @BeforeEach
  void startAnApplication() {
    BpmnAwareTests.init(engine);
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    user("somsri2303", "สมศรี", "somsri2303@example.org", Roles.districtOfficers(DISTRICT));
    user("malee2303", "มาลี", "malee2303@example.org", Roles.districtOfficers(DISTRICT));
    ClockUtil.setCurrentTime(at(START, 9));
    engine
        .getIdentityService()
        .setAuthentication("somsri2303", List.of(Roles.districtOfficers(DISTRICT)));
    pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(5, "กลุ่มทดสอบการเตือน", "230301", START))
            .getId();
    engine.getIdentityService().clearAuthentication();
    applicationNo =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pid)
            .singleResult()
            .getBusinessKey();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    engine.getRuntimeService().deleteProcessInstance(pid, "test over");
  }

  void user(String id, String first, String email, String group) {
    TestPeople.of(engine).user(id).name(first, "ทดสอบ").email(email).member(group);
  }

  Task task() {
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
  }

  /** Fires the timer of a housekeeping process now, then runs every send job it created. */
  void runTimer(String processKey) {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(processKey)
            .timers()
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    for (Job send :
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(processKey)
            .messages()
            .list()) {
      engine.getManagementService().executeJob(send.getId());
    }
  }

  /** Mails about this test's application (other tests' tasks live in the same database). */
  List<MimeMessage> mailsAboutUs() throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> body(m).contains(applicationNo))
        .toList();
  }

  static String body(MimeMessage m) {
    try {
      return new String(m.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void remindersGoOutFiveAndTwoDaysBeforeOnTheDayAndAfterEachOnceToTheCandidateGroup()
      throws Exception {
    Date due = task().getDueDate();
    LocalDate dueDay = due.toInstant().atZone(BANGKOK).toLocalDate();
    assertThat(dueDay).isEqualTo(START.plusDays(14));

    ClockUtil.setCurrentTime(at(dueDay.minusDays(6), 9));
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs()).isEmpty(); // six days before: nothing yet

    ClockUtil.setCurrentTime(at(dueDay.minusDays(5), 8));
    runTimer(NotificationProcesses.REMINDERS);
    List<MimeMessage> fiveDays = mailsAboutUs();
    assertThat(fiveDays).hasSize(2); // one delivery per recipient
    MimeMessage m = fiveDays.get(0);
    assertThat(m.getSubject())
        .isEqualTo("เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 5 วันจะครบกำหนด");
    assertThat(Arrays.stream(m.getAllRecipients()).map(Object::toString))
        .containsExactlyInAnyOrder("somsri2303@example.org", "malee2303@example.org");
    assertThat(body(m))
        .contains(ThaiDates.format(dueDay))
        .contains("2569")
        .contains("/camunda/app/tasklist/")
        .contains("คำขอกู้เงินทุนหมุนเวียน");

    // the next hour: nothing new
    ClockUtil.setCurrentTime(at(dueDay.minusDays(5), 9));
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs()).hasSize(2);

    ClockUtil.setCurrentTime(at(dueDay.minusDays(2), 8));
    runTimer(NotificationProcesses.REMINDERS);
    ClockUtil.setCurrentTime(at(dueDay, 8));
    runTimer(NotificationProcesses.REMINDERS);
    ClockUtil.setCurrentTime(at(dueDay.plusDays(1), 8));
    runTimer(NotificationProcesses.REMINDERS);
    runTimer(NotificationProcesses.REMINDERS);
    List<String> subjects =
        mailsAboutUs().stream().map(TaskRemindersProcessTest::subject).distinct().toList();
    assertThat(subjects)
        .containsExactly(
            "เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 5 วันจะครบกำหนด",
            "เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 2 วันจะครบกำหนด",
            "เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — ครบกำหนดวันนี้",
            "เลยกำหนด: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — เลยกำหนดมาแล้ว 1 วัน");
    assertThat(mailsAboutUs()).hasSize(8);
    assertThat(mailsAboutUs().stream().map(TaskRemindersProcessTest::messageId).distinct())
        .hasSize(4);
    assertThat(outbox.count("reminder:" + task().getId() + ":")).isEqualTo(4);
  }

  @Test
  void aLateReminderSaysHowLateTheTaskReallyIsAndAMissedOneHowManyDaysAreLeft() throws Exception {
    LocalDate dueDay = task().getDueDate().toInstant().atZone(BANGKOK).toLocalDate();
    // the five-day point passed while nothing ran: three days are left when the reminder goes out
    ClockUtil.setCurrentTime(at(dueDay.minusDays(3), 8));
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs().stream().map(TaskRemindersProcessTest::subject).distinct())
        .containsExactly("เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 3 วันจะครบกำหนด");
    // eleven days late: the after-due reminder says eleven, not one
    ClockUtil.setCurrentTime(at(dueDay.plusDays(11), 8));
    runTimer(NotificationProcesses.REMINDERS);
    List<String> subjects =
        mailsAboutUs().stream().map(TaskRemindersProcessTest::subject).distinct().toList();
    assertThat(subjects)
        .contains("เลยกำหนด: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — เลยกำหนดมาแล้ว 11 วัน")
        .noneMatch(subject -> subject.endsWith("เลยกำหนดมาแล้ว 1 วัน"));
  }

  @Test
  void aTaskCreatedLateGetsOneReminderThatSaysTheDaysReallyLeft() throws Exception {
    // the task's due date is set one day ahead: the five- and two-day points have both passed at
    // its creation
    LocalDate tomorrow = START.plusDays(1);
    engine.getTaskService().setDueDate(task().getId(), at(tomorrow, 16));
    runTimer(NotificationProcesses.REMINDERS);
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs().stream().map(TaskRemindersProcessTest::subject))
        .containsExactly(
            "เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 1 วันจะครบกำหนด",
            "เตือน: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — อีก 1 วันจะครบกำหนด"); // one per
    // recipient
    assertThat(outbox.count("reminder:" + task().getId() + ":")).isEqualTo(1);
  }

  @Test
  void afterAPauseOfSeveralDaysOnlyTheReminderTrueNowGoesOutOnce() throws Exception {
    LocalDate dueDay = task().getDueDate().toInstant().atZone(BANGKOK).toLocalDate();
    // the two-day look planned its mail, then the job executor stopped for five days
    ClockUtil.setCurrentTime(at(dueDay.minusDays(2), 8));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(NotificationProcesses.REMINDERS)
            .timers()
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    assertThat(mailsAboutUs()).isEmpty();

    ClockUtil.setCurrentTime(at(dueDay.plusDays(3), 8));
    runTimer(
        NotificationProcesses.REMINDERS); // the next look, then every waiting send job: old and new
    runTimer(NotificationProcesses.REMINDERS);
    List<MimeMessage> mails = mailsAboutUs();
    assertThat(mails).hasSize(2); // one mail, one delivery per recipient
    assertThat(subject(mails.get(0)))
        .isEqualTo("เลยกำหนด: บันทึกมติคณะทำงานขับเคลื่อนกองทุนฯ ตำบล — เลยกำหนดมาแล้ว 3 วัน");
    assertThat(body(mails.get(0))).contains("เลยกำหนดมาแล้ว 3 วัน").doesNotContain("อีก 2 วัน");
    assertThat(outbox.count("reminder:" + task().getId() + ":")).isEqualTo(1);
    assertThat(outbox.contains("reminder:" + task().getId() + ":after-1:" + dueDay)).isTrue();
  }

  @Test
  void anAssignedTaskRemindsOnlyItsAssigneeAndACompletedTaskNobody() throws Exception {
    engine.getTaskService().claim(task().getId(), "malee2303");
    LocalDate dueDay = task().getDueDate().toInstant().atZone(BANGKOK).toLocalDate();
    ClockUtil.setCurrentTime(at(dueDay.minusDays(2), 8));
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs()).hasSize(1);
    assertThat(mailsAboutUs().get(0).getAllRecipients()[0].toString())
        .isEqualTo("malee2303@example.org");

    engine
        .getRuntimeService()
        .suspendProcessInstanceById(pid); // a suspended task is not active: no reminder
    ClockUtil.setCurrentTime(at(dueDay, 8));
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs()).hasSize(1);
    engine.getRuntimeService().activateProcessInstanceById(pid);
  }

  @Test
  void whenTheMailServerIsDownTheReminderRetriesBecomesAnIncidentAndGoesOutOnceAfterRecovery()
      throws Exception {
    LocalDate dueDay = task().getDueDate().toInstant().atZone(BANGKOK).toLocalDate();
    ClockUtil.setCurrentTime(at(dueDay.minusDays(2), 8));
    smtp.stop();
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(NotificationProcesses.REMINDERS)
            .timers()
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    String key = "reminder:" + task().getId() + ":before-2:" + dueDay;
    Job ours =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(NotificationProcesses.REMINDERS)
            .messages()
            .list()
            .stream()
            .filter(
                j ->
                    key.equals(
                        engine
                            .getRuntimeService()
                            .getVariable(
                                j.getExecutionId(), NotificationProcesses.Var.REMINDER_KEY)))
            .findFirst()
            .orElseThrow();
    assertThat(ours.getRetries()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(ours.getId())).isNotNull();
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(ours.getId()).count())
        .isEqualTo(1);
    assertThat(outbox.contains(key)).isFalse();

    smtp.start();
    engine.getManagementService().setJobRetries(ours.getId(), 1);
    engine.getManagementService().executeJob(ours.getId());
    assertThat(mailsAboutUs()).hasSize(2);
    assertThat(outbox.contains(key)).isTrue();
    // a later look finds it sent: never twice
    runTimer(NotificationProcesses.REMINDERS);
    assertThat(mailsAboutUs()).hasSize(2);
  }

  @Test
  void theDailyDigestListsOverdueAndSoonDueTasksOncePerPersonAndDay() throws Exception {
    LocalDate dueDay = task().getDueDate().toInstant().atZone(BANGKOK).toLocalDate();
    ClockUtil.setCurrentTime(at(dueDay.minusDays(2), 7));
    runTimer(NotificationProcesses.DIGEST);
    List<MimeMessage> digests =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m ->
                    subject(m)
                        .startsWith("สรุปงานประจำวันที่ " + ThaiDates.format(dueDay.minusDays(2))))
            .filter(m -> body(m).contains(applicationNo))
            .toList();
    assertThat(digests).hasSize(2);
    assertThat(body(digests.get(0)))
        .contains("งานที่จะครบกำหนดภายใน <span>3</span> วัน")
        .contains("บันทึกมติคณะทำงาน")
        .contains("อีก 2 วันจะครบกำหนด");
    runTimer(NotificationProcesses.DIGEST);
    assertThat(
            Arrays.stream(smtp.getReceivedMessages()).filter(m -> body(m).contains(applicationNo)))
        .hasSize(2);

    ClockUtil.setCurrentTime(at(dueDay.plusDays(3), 7));
    runTimer(NotificationProcesses.DIGEST);
    List<MimeMessage> later =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m ->
                    subject(m)
                        .startsWith("สรุปงานประจำวันที่ " + ThaiDates.format(dueDay.plusDays(3))))
            .filter(m -> body(m).contains(applicationNo))
            .toList();
    assertThat(later).hasSize(2);
    assertThat(subject(later.get(0))).contains("เลยกำหนด 1 งาน");
    assertThat(body(later.get(0)))
        .contains("งานที่เลยวันครบกำหนด")
        .contains("เลยกำหนดมาแล้ว 3 วัน");
  }

  static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
