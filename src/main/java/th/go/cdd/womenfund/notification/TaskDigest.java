package th.go.cdd.womenfund.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The daily digest: one mail a day to each person with tasks due within the horizon or overdue
 * (tasks assigned to her, or open to one of her groups and not taken by anyone), of any process.
 */
@Component("taskDigest")
public class TaskDigest {

  private final TaskService tasks;
  private final TaskRecipients recipients;
  private final TaskReminders reminders;
  private final MailService mail;
  private final MailOutbox outbox;
  private final ReminderSettings settings;

  public TaskDigest(
      TaskService tasks,
      TaskRecipients recipients,
      TaskReminders reminders,
      MailService mail,
      MailOutbox outbox,
      ReminderSettings settings) {
    this.tasks = tasks;
    this.recipients = recipients;
    this.reminders = reminders;
    this.mail = mail;
    this.outbox = outbox;
    this.settings = settings;
  }

  /**
   * Users who have something due soon or overdue and no digest yet today: the multi-instance
   * collection.
   */
  public List<String> recipients() {
    Set<String> users = new LinkedHashSet<>();
    for (Task t :
        tasks.createTaskQuery().active().dueBefore(horizon()).orderByDueDate().asc().list()) {
      users.addAll(recipients.of(t).keySet());
    }
    return users.stream().filter(u -> !outbox.contains(key(u))).toList();
  }

  public boolean send(String userId) {
    User user = recipients.user(userId);
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      return false;
    }
    List<Task> mine =
        new ArrayList<>(
            tasks
                .createTaskQuery()
                .active()
                .taskAssignee(userId)
                .dueBefore(horizon())
                .orderByDueDate()
                .asc()
                .list());
    List<String> groups = recipients.groupsOf(userId);
    if (!groups.isEmpty()) {
      mine.addAll(
          tasks
              .createTaskQuery()
              .active()
              .taskUnassigned()
              .taskCandidateGroupIn(groups)
              .dueBefore(horizon())
              .orderByDueDate()
              .asc()
              .list());
    }
    if (mine.isEmpty()) {
      return false;
    }
    LocalDate today = EngineClock.today();
    List<Map<String, Object>> overdue = new ArrayList<>();
    List<Map<String, Object>> soon = new ArrayList<>();
    mine.stream()
        .distinct()
        .sorted((a, b) -> a.getDueDate().compareTo(b.getDueDate()))
        .forEach(
            t -> {
              Map<String, Object> row = reminders.describe(t);
              (TaskReminders.dueDay(t.getDueDate()).isBefore(today) ? overdue : soon).add(row);
            });
    String name =
        (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
    String subject =
        "สรุปงานประจำวันที่ "
            + ThaiDates.format(today)
            + ": เลยกำหนด "
            + overdue.size()
            + " งาน ใกล้ครบกำหนด "
            + soon.size()
            + " งาน";
    return mail.send(
        new ThaiMail(
            List.of(user.getEmail()),
            subject,
            "task-digest",
            Map.of(
                "name",
                name,
                "today",
                ThaiDates.format(today),
                "overdue",
                overdue,
                "soon",
                soon,
                "horizonDays",
                settings.digestHorizonDays())),
        key(userId));
  }

  private String key(String userId) {
    return "digest:" + userId + ":" + EngineClock.today();
  }

  private Date horizon() {
    return Date.from(
        EngineClock.today()
            .plusDays(settings.digestHorizonDays() + 1L)
            .atStartOfDay(ThaiDates.BANGKOK)
            .toInstant());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
