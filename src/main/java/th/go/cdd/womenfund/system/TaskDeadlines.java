package th.go.cdd.womenfund.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks from configuration ({@code womenfund.deadlines.<step>=P14D}), so that
 * Tasklist sorts and filters by them and Cockpit shows what is late. Used from BPMN as {@code
 * camunda:dueDate="${deadlines.due('district-screening')}"}. Reads the engine clock, so process
 * tests that move the engine clock ({@link EngineClock}) see due dates move with it.
 */
@Component("deadlines")
public class TaskDeadlines {

  private final Settings settings;

  public TaskDeadlines(Settings settings) {
    this.settings = settings;
  }

  public Date due(String step) {
    Duration d = settings.deadlines().get(step);
    if (d == null) {
      throw new IllegalStateException("womenfund.deadlines." + step + " is not configured");
    }
    return Date.from(EngineClock.instant().plus(d));
  }

  /** A task due on a day is due at the end of office hours (16:30) in Bangkok. */
  public static Date endOfOfficeDay(LocalDate day) {
    return Date.from(day.atTime(16, 30).atZone(ThaiDates.BANGKOK).toInstant());
  }

  public Duration of(String step) {
    return settings.deadlines().get(step);
  }

  @ConfigurationProperties("womenfund")
  public record Settings(Map<String, Duration> deadlines) {
    public Settings {
      deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }
  }
}
