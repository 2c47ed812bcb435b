package th.go.cdd.womenfund.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When reminders go out ({@code womenfund.reminders.*}): so many days before a task's due date, on
 * the day, and so many days after; how often the system looks (a timer cycle); when the daily
 * digest goes out (a cron expression, Asia/Bangkok) and how far ahead it looks. The values are in
 * application.yaml only (no second default here): a missing or wrong one stops the start-up with
 * the key's name.
 */
@Validated
@ConfigurationProperties("womenfund.reminders")
public record ReminderSettings(
    @NotNull List<@NotNull @Min(1) Integer> daysBefore,
    boolean onDueDay,
    @NotNull List<@NotNull @Min(1) Integer> daysAfter,
    @NotBlank String cycle,
    @NotBlank String digestCron,
    @Min(1) int digestHorizonDays) {

  public ReminderSettings {
    daysBefore = daysBefore == null ? null : List.copyOf(daysBefore);
    daysAfter = daysAfter == null ? null : List.copyOf(daysAfter);
  }

  /** The furthest ahead a reminder can be due: tasks due later need no look yet. */
  public int maxDaysBefore() {
    return daysBefore.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
