package th.go.cdd.womenfund.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.WomenFundApplication;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.notification.NotificationProcesses;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.OwnH2Database;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Backup and restore of the embedded H2 database (docs/OPERATIONS.md, "Backup and restore"): a
 * running system with open tasks, a loan application under way and a reminder timer that is due is
 * backed up with {@code SCRIPT TO} while it runs; the script is loaded into a fresh database
 * ({@code RUNSCRIPT FROM}); the app starts on it with its job executor on. The timer fires by
 * itself, every reminder not yet sent before the backup goes out exactly once, none sent before
 * goes out again, and the application goes on from where it was.
 *
 * <p>Own H2: the backup is H2's own SQL; the PostgreSQL procedure (pg_dump -Fc / pg_restore) is
 * documented, not run.
 */
@DatabaseTest
@OwnH2Database
class BackupRestoreTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String RUN = Long.toString(System.nanoTime());
  static final String GROUP = "backup-officers";
  static final String DISTRICT = "2304";

  /**
   * The engine other tests' cached contexts registered under "default" (the REST API and webapps
   * look it up).
   */
  final ProcessEngine registered =
      ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);

  ConfigurableApplicationContext source;
  ConfigurableApplicationContext restored;

  /**
   * The two contexts are not closed, like Spring's cached test contexts: closing one unregisters
   * the engine name "default" JVM-wide and upsets the Camunda webapps' JVM-wide state for later
   * tests. The restored node's job executor stops, and the engine registered before comes back.
   */
  @AfterEach
  void stop() {
    if (restored != null) {
      ((ProcessEngineConfigurationImpl)
              restored.getBean(ProcessEngine.class).getProcessEngineConfiguration())
          .getJobExecutor()
          .shutdown();
    }
    if (registered != null) {
      ProcessEngines.registerProcessEngine(registered);
    }
  }

  static ConfigurableApplicationContext start(String url, boolean jobExecutor) {
    return new SpringApplicationBuilder(WomenFundApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--camunda.bpm.job-execution.enabled=" + jobExecutor,
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000");
  }

  @Test
  void aRestoredBackupFiresItsTimersAndSendsEachReminderOnce() throws Exception {
    String sourceUrl = "jdbc:h2:mem:backup-source-" + RUN + ";DB_CLOSE_DELAY=-1";
    String restoredUrl = "jdbc:h2:mem:backup-restored-" + RUN + ";DB_CLOSE_DELAY=-1";
    source = start(sourceUrl, false);
    ProcessEngine engine = source.getBean(ProcessEngine.class);
    AreaRepository areas = source.getBean(AreaRepository.class);
    source.getBean(RoleAuthorizations.class).ensureDistrict(areas.district(DISTRICT).orElseThrow());
    user(engine, "backupofficer", GROUP);
    user(engine, "officer" + DISTRICT, Roles.districtOfficers(DISTRICT));

    // a loan application under way (its first step waits for the district officers)
    engine
        .getIdentityService()
        .setAuthentication("officer" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    ProcessInstance loan =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(2, "กลุ่มสตรีทดสอบสำรองข้อมูล", "230401", today));
    engine.getIdentityService().clearAuthentication();

    // three tasks due in two days are reminded before the backup, three more are created after that
    // run
    Date due =
        Date.from(today.plusDays(2).atTime(12, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant());
    for (int i = 1; i <= 3; i++) {
      task(engine, "backup-task-" + RUN + "-" + i, due);
    }
    runRemindersNow(engine);
    assertThat(reminders()).hasSize(3);
    for (int i = 4; i <= 6; i++) {
      task(engine, "backup-task-" + RUN + "-" + i, due);
    }
    // the next reminder run falls due while the system is down: the timer is pending at backup time
    Job timer = reminderTimer(engine);
    engine
        .getManagementService()
        .setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 60_000));

    // online backup of the running system (docs/OPERATIONS.md); the source is never used again
    Path script = Files.createTempFile("womenfund-backup-", ".sql");
    try {
      try (Connection c = DriverManager.getConnection(sourceUrl, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + script.toAbsolutePath() + "'");
      }

      // restore into a fresh database, then start the app on it with its job executor running
      try (Connection c = DriverManager.getConnection(restoredUrl, "sa", "");
          Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
      }
    } finally {
      Files.deleteIfExists(script);
    }
    restored = start(restoredUrl, true);
    ProcessEngine after = restored.getBean(ProcessEngine.class);
    JdbcClient jdbc = restored.getBean(JdbcClient.class);

    long deadline = System.currentTimeMillis() + 90_000;
    while (reminders().size() < 6 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    Thread.sleep(3000); // anything more that would go out goes out now
    Map<String, Long> perTask =
        reminders().stream()
            .collect(Collectors.groupingBy(BackupRestoreTest::taskOf, Collectors.counting()));
    assertThat(perTask)
        .as("each task reminded exactly once, before or after the restore")
        .hasSize(6)
        .allSatisfy((task, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(
            jdbc.sql("select count(*) from mail_message where dedup_key like ?")
                .param("reminder:backup-task-" + RUN + "%")
                .query(Long.class)
                .single())
        .isEqualTo(6);
    assertThat(reminderTimer(after).getDuedate())
        .as("the cycle timer was rescheduled")
        .isInTheFuture();
    assertThat(after.getRuntimeService().createIncidentQuery().count()).isZero();

    // the loan application goes on where it was
    Task endorsement =
        after.getTaskService().createTaskQuery().processInstanceId(loan.getId()).singleResult();
    assertThat(endorsement.getTaskDefinitionKey()).isEqualTo(Element.SUBDISTRICT_ENDORSEMENT);
    after
        .getTaskService()
        .complete(
            endorsement.getId(),
            Map.of(
                Var.ENDORSEMENT_DATE,
                ThaiDates.formatNumeric(today),
                Var.ENDORSEMENT_REFERENCE,
                "1/2569",
                Var.ENDORSEMENT_OPINION,
                "สนับสนุน"));
    assertThat(
            after
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(loan.getId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(Element.DISTRICT_SCREENING);
  }

  static void user(ProcessEngine engine, String id, String group) {
    User u = engine.getIdentityService().newUser(id);
    u.setFirstName("ทดสอบ");
    u.setLastName("สำรองข้อมูล");
    u.setEmail(id + "@example.org");
    engine.getIdentityService().saveUser(u);
    if (engine.getIdentityService().createGroupQuery().groupId(group).count() == 0) {
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(group));
    }
    engine.getIdentityService().createMembership(id, group);
  }

  static void task(ProcessEngine engine, String id, Date due) {
    Task t = engine.getTaskService().newTask(id);
    t.setName("งานทดสอบสำรองข้อมูล " + id);
    t.setDueDate(due);
    engine.getTaskService().saveTask(t);
    engine.getTaskService().addCandidateGroup(id, GROUP);
  }

  static Job reminderTimer(ProcessEngine engine) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processDefinitionKey(NotificationProcesses.REMINDERS)
        .timers()
        .singleResult();
  }

  /**
   * What the job executor would do when the reminder timer fires: the timer job, then every send
   * job.
   */
  static void runRemindersNow(ProcessEngine engine) {
    engine.getManagementService().executeJob(reminderTimer(engine).getId());
    for (Job send :
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey(NotificationProcesses.REMINDERS)
            .messages()
            .list()) {
      engine.getManagementService().executeJob(send.getId());
    }
  }

  /** Reminder mails about this run's tasks (the task's name is in the subject of its reminder). */
  static List<MimeMessage> reminders() {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> taskOf(m) != null).toList();
  }

  static String taskOf(MimeMessage m) {
    try {
      String subject = m.getSubject();
      int at = subject.indexOf("backup-task-" + RUN + "-");
      return at < 0 ? null : subject.substring(at, at + ("backup-task-" + RUN + "-").length() + 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
