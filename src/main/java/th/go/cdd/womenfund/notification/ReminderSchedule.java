package th.go.cdd.womenfund.notification;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code task-reminders} and {@code daily-task-digest}, from configuration. Read
 * while the engine deploys, so this bean must not depend on the engine.
 */
@Component("reminderSchedule")
public class ReminderSchedule {

  private final ReminderSettings settings;

  public ReminderSchedule(ReminderSettings settings) {
    this.settings = settings;
  }

  public String cycle() {
    return settings.cycle();
  }

  public String digestCron() {
    return settings.digestCron();
  }
}
