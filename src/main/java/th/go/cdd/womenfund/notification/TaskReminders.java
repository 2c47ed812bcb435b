package th.go.cdd.womenfund.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Reminders for every open user task with a due date, of any process (the engine edge of the
 * reminder capability). {@link #due()} is the multi-instance collection of {@code task-reminders}:
 * the keys of the reminders due now and not yet sent. {@link #send(String)} sends one, once.
 */
@Component("taskReminders")
public class TaskReminders {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskRecipients recipients;
  private final MailService mail;
  private final MailOutbox outbox;
  private final ReminderSettings settings;
  private final ReminderPlanner planner;
  private final String baseUrl;

  public TaskReminders(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      TaskRecipients recipients,
      MailService mail,
      MailOutbox outbox,
      ReminderSettings settings,
      @Value("${womenfund.base-url}") String baseUrl) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.recipients = recipients;
    this.mail = mail;
    this.outbox = outbox;
    this.settings = settings;
    this.planner = new ReminderPlanner(settings);
    this.baseUrl = baseUrl;
  }

  /** Keys of the reminders due now that were not sent yet. */
  public List<String> due() {
    LocalDate today = EngineClock.today();
    Date horizon =
        Date.from(
            today
                .plusDays(settings.maxDaysBefore() + 1L)
                .atStartOfDay(ThaiDates.BANGKOK)
                .toInstant());
    List<String> keys = new ArrayList<>();
    for (Task t :
        tasks.createTaskQuery().active().dueBefore(horizon).orderByDueDate().asc().list()) {
      LocalDate dueDay = dueDay(t.getDueDate());
      planner
          .dueReminder(dueDay, today)
          .map(kind -> ReminderPlanner.key(t.getId(), kind, dueDay))
          .filter(key -> !outbox.contains(key))
          .ifPresent(keys::add);
    }
    return keys;
  }

  /**
   * Sends one reminder, unless the task was completed or its due date moved since it was planned.
   */
  public boolean send(String key) {
    String[] parts = key.split(":");
    String taskId = parts[1];
    ReminderKind kind = ReminderKind.fromCode(parts[2]);
    LocalDate plannedDueDay = LocalDate.parse(parts[3]);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null
        || task.getDueDate() == null
        || !dueDay(task.getDueDate()).equals(plannedDueDay)) {
      return false;
    }
    LocalDate today = EngineClock.today();
    // planned before a pause of the job executor: a later point may be the one that is true now;
    // only it goes
    // out, under its own key, so the next look does not send it a second time
    String sendKey =
        planner
            .dueReminder(plannedDueDay, today)
            .filter(now -> !now.equals(kind))
            .map(now -> ReminderPlanner.key(taskId, now, plannedDueDay))
            .orElse(key);
    Map<String, String> to = recipients.of(task);
    Map<String, Object> model = new HashMap<>(describe(task));
    // the truth on the sending day, whichever reminder point this is (a late send says how late it
    // really is)
    long daysToDue = ChronoUnit.DAYS.between(today, plannedDueDay);
    String phrase = ReminderKind.phraseTh(daysToDue);
    model.put("phrase", phrase);
    model.put("overdue", daysToDue < 0);
    String subject = (daysToDue < 0 ? "เลยกำหนด: " : "เตือน: ") + task.getName() + " — " + phrase;
    if (to.isEmpty()) {
      return mail.recordUnaddressed(subject, "task-reminder", model, sendKey);
    }
    return mail.send(
        new ThaiMail(List.copyOf(to.values()), subject, "task-reminder", model), sendKey);
  }

  /**
   * What a mail says about a task: name, process, reference, due date in พ.ศ., how many days are
   * left or late counted from today (the day the mail is written), link to Tasklist.
   */
  public Map<String, Object> describe(Task task) {
    Map<String, Object> model = new HashMap<>();
    model.put("taskName", task.getName());
    model.put("processName", processName(task).orElse(""));
    model.put("businessKey", Optional.ofNullable(businessKey(task)).orElse(""));
    LocalDate dueDay = dueDay(task.getDueDate());
    model.put("dueDate", ThaiDates.format(dueDay));
    model.put(
        "phrase", ReminderKind.phraseTh(ChronoUnit.DAYS.between(EngineClock.today(), dueDay)));
    model.put("link", baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    return model;
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    return pi == null ? null : pi.getBusinessKey();
  }

  private Optional<String> processName(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    ProcessDefinition pd = repository.getProcessDefinition(task.getProcessDefinitionId());
    return Optional.ofNullable(pd.getName());
  }

  public static LocalDate dueDay(Date due) {
    return due.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
  }
}
