package th.go.cdd.womenfund.notification;

/** Keys, element ids and variables of the system's own reminder processes. */
public final class NotificationProcesses {

  public static final String REMINDERS = "task-reminders";
  public static final String DIGEST = "daily-task-digest";

  private NotificationProcesses() {}

  public static final class Element {
    public static final String REMINDER_TIMER = "start_event_reminder_timer";
    public static final String SEND_REMINDER = "service_task_send_reminder";
    public static final String DIGEST_TIMER = "start_event_digest_timer";
    public static final String SEND_DIGEST = "service_task_send_digest";

    private Element() {}
  }

  public static final class Var {
    public static final String REMINDER_KEY = "reminderKey";
    public static final String DIGEST_USER = "digestUserId";

    private Var() {}
  }
}
