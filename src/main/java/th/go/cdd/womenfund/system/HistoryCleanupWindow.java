package th.go.cdd.womenfund.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup runs every night in {@code womenfund.retention.history-cleanup}
 * (e.g. 01:00-04:00 Asia/Bangkok). The engine reads its window in the JVM's default time zone, so
 * the window is converted here; a container on UTC still cleans at night in Thailand. What is
 * removed, and when, is decided by the strategy in application.yaml ({@code historyCleanupStrategy:
 * removalTimeBased}, {@code historyRemovalTimeStrategy: end}): an instance's whole history
 * (variables, tasks, comments, decisions) goes {@code historyTimeToLive} after its end.
 */
@Component
public class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final RetentionSettings.Window window;

  public HistoryCleanupWindow(RetentionSettings settings) {
    this.window = settings.historyCleanup();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(inJvmZone(window.start()));
    configuration.setHistoryCleanupBatchWindowEndTime(inJvmZone(window.end()));
  }

  /**
   * {@code time} in the window's zone, as a time of day in the JVM's default zone ("HH:mm", what
   * the engine reads).
   */
  public String inJvmZone(LocalTime time) {
    return time.atDate(LocalDate.now(window.zone()))
        .atZone(window.zone())
        .withZoneSameInstant(ZoneId.systemDefault())
        .toLocalTime()
        .format(HH_MM);
  }
}
