package th.go.cdd.womenfund.notification;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders go out ({@code womenfund.reminders.*}): so many days before a task's due date, on the day,
 * and so many days after; how often the system looks (a timer cycle); when the daily digest goes out
 * (a cron expression, Asia/Bangkok) and how far ahead it looks.
 */
@ConfigurationProperties("womenfund.reminders")
public record ReminderSettings(List<Integer> daysBefore, boolean onDueDay, List<Integer> daysAfter, String cycle,
                               String digestCron, int digestHorizonDays) {

  public ReminderSettings {
    daysBefore = daysBefore == null ? List.of(5, 2) : List.copyOf(daysBefore);
    daysAfter = daysAfter == null ? List.of(1) : List.copyOf(daysAfter);
    cycle = cycle == null || cycle.isBlank() ? "R/PT1H" : cycle;
    digestCron = digestCron == null || digestCron.isBlank() ? "0 0 7 * * ?" : digestCron;
    digestHorizonDays = digestHorizonDays <= 0 ? 3 : digestHorizonDays;
  }

  /** The furthest ahead a reminder can be due: tasks due later need no look yet. */
  public int maxDaysBefore() {
    return daysBefore.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
