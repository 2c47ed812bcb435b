package th.go.cdd.womenfund.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which reminder a task with a due day should have had by today: the latest configured one whose
 * day has come. Earlier ones that were missed (the system was down, the task was created late) are
 * superseded, not sent in a burst.
 */
public final class ReminderPlanner {

  private final TreeSet<Integer> offsets = new TreeSet<>();

  public ReminderPlanner(ReminderSettings settings) {
    settings.daysBefore().forEach(d -> offsets.add(-Math.abs(d)));
    if (settings.onDueDay()) {
      offsets.add(0);
    }
    settings.daysAfter().forEach(d -> offsets.add(Math.abs(d)));
  }

  public Optional<ReminderKind> dueReminder(LocalDate dueDay, LocalDate today) {
    int daysFromDue = (int) ChronoUnit.DAYS.between(dueDay, today);
    Integer latest = offsets.floor(daysFromDue);
    return Optional.ofNullable(latest).map(ReminderKind::new);
  }

  public static String key(String taskId, ReminderKind kind, LocalDate dueDay) {
    return "reminder:" + taskId + ":" + kind.code() + ":" + dueDay;
  }
}
