package th.go.cdd.womenfund.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The nightly job runs on the cron of {@link OverdueSettings} (any cron, not a fixed one); "-"
 * schedules nothing.
 */
class NightlyOverdueCronTest {

  static ScheduledTaskRegistrar registered(String cron) {
    NightlyOverdueJob job =
        new NightlyOverdueJob(null, null, List.of(), new OverdueSettings(BigDecimal.ONE, 1, cron));
    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
    job.configureTasks(registrar);
    return registrar;
  }

  @Test
  void theConfiguredCronIsScheduled() {
    assertThat(registered("0 15 3 * * *").getCronTaskList())
        .extracting(CronTask::getExpression)
        .containsExactly("0 15 3 * * *");
  }

  @Test
  void aDashTurnsItOff() {
    assertThat(registered("-").getCronTaskList()).isEmpty();
  }
}
