package th.go.cdd.womenfund.notification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.notification.NotificationProcesses.Element;
import th.go.cdd.womenfund.notification.NotificationProcesses.Var;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * task-reminders and daily-task-digest on the plain engine: the start timer (its cycle from {@code
 * reminderSchedule}) fires, starts an instance that sends one mail per due reminder or digest
 * recipient, each its own job, and sets itself again; with nothing due the instance ends at once.
 */
@ModelTest
class NotificationProcessesModelTest {

  @RegisterExtension
  static final ProcessModel model =
      ProcessModel.of(NotificationProcesses.REMINDERS, NotificationProcesses.DIGEST)
          .withBean("reminderSchedule", schedule());

  @Test
  void eachDueReminderIsSentAsItsOwnJob() {
    TaskReminders reminders = model.bean("taskReminders", mock(TaskReminders.class));
    when(reminders.due()).thenReturn(List.of("task-1:DUE_SOON", "task-2:OVERDUE"));

    List<Object> sent = model.records("sendTaskReminder", Var.REMINDER_KEY);
    String id = fire(NotificationProcesses.REMINDERS, Element.REMINDER_TIMER);

    Assertions.assertThat(runtimeService().getActiveActivityIds(id))
        .contains(Element.SEND_REMINDER);
    sendAll(id, 2);
    Assertions.assertThat(sent).containsExactlyInAnyOrder("task-1:DUE_SOON", "task-2:OVERDUE");
    assertEnded(id);
  }

  @Test
  void nothingDueEndsAtOnce() {
    TaskReminders reminders = model.bean("taskReminders", mock(TaskReminders.class));
    when(reminders.due()).thenReturn(List.of());

    assertEnded(fire(NotificationProcesses.REMINDERS, Element.REMINDER_TIMER));
    model.ran("sendTaskReminder", 0);
  }

  @Test
  void eachDigestRecipientGetsOneMail() {
    TaskDigest digest = model.bean("taskDigest", mock(TaskDigest.class));
    when(digest.recipients()).thenReturn(List.of("officer2301", "committee2301", "provofficer23"));

    List<Object> sent = model.records("sendTaskDigest", Var.DIGEST_USER);
    String id = fire(NotificationProcesses.DIGEST, Element.DIGEST_TIMER);

    sendAll(id, 3);
    Assertions.assertThat(sent)
        .containsExactlyInAnyOrder("officer2301", "committee2301", "provofficer23");
    assertEnded(id);
  }

  @Test
  void nobodyToTellEndsAtOnce() {
    TaskDigest digest = model.bean("taskDigest", mock(TaskDigest.class));
    when(digest.recipients()).thenReturn(List.of());

    assertEnded(fire(NotificationProcesses.DIGEST, Element.DIGEST_TIMER));
    model.ran("sendTaskDigest", 0);
  }

  /**
   * Fires the start timer of {@code processKey}, checks it set itself again; the id of the instance
   * it started.
   */
  private static String fire(String processKey, String timerId) {
    Set<String> before = started(processKey);
    Job timer = jobQuery().processDefinitionKey(processKey).activityId(timerId).singleResult();
    execute(timer);
    Job next = jobQuery().processDefinitionKey(processKey).activityId(timerId).singleResult();
    Assertions.assertThat(next.getId()).isNotEqualTo(timer.getId());
    Set<String> after = started(processKey);
    after.removeAll(before);
    Assertions.assertThat(after).hasSize(1);
    return after.iterator().next();
  }

  private static Set<String> started(String processKey) {
    return historyService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static void assertEnded(String id) {
    Assertions.assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(id)
                .finished()
                .count())
        .isOne();
  }

  private static void sendAll(String id, int mails) {
    List<Job> jobs = jobQuery().processInstanceId(id).list();
    Assertions.assertThat(jobs).hasSize(mails);
    jobs.forEach(job -> execute(job));
  }

  private static ReminderSchedule schedule() {
    ReminderSchedule schedule = mock(ReminderSchedule.class);
    when(schedule.cycle()).thenReturn("R/PT1H");
    when(schedule.digestCron()).thenReturn("0 0 7 * * ?");
    return schedule;
  }
}
