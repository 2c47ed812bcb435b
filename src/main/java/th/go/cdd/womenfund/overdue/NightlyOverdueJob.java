package th.go.cdd.womenfund.overdue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Every night (cron {@code womenfund.overdue.scan-cron}, Asia/Bangkok; "-" turns it off) the
 * overdue scan, then whatever else registered as a {@link NightlyTask} (the portfolio quality
 * snapshot).
 *
 * <p>Why Spring's scheduler and not a Camunda timer-start process: the cron runs in Bangkok time
 * whatever the server's time zone (the engine's cron uses the JVM's default zone); the time is
 * configuration, not a redeployment; and the scan commits in chunks of its own transactions instead
 * of one long job transaction. Several nodes are safe: a lease row lets one run, and the database's
 * unique open follow-up per loan holds even without it. What the officers work on, the follow-ups,
 * are process instances in Cockpit; a failed night is logged and the next night catches up.
 */
@Configuration
@EnableScheduling
public class NightlyOverdueJob implements SchedulingConfigurer {

  public static final String LOCK = "overdue-scan";
  private static final Logger LOG = LoggerFactory.getLogger(NightlyOverdueJob.class);

  /** Work that follows the scan in the same night. */
  public interface NightlyTask {
    void run(java.time.LocalDate today);
  }

  private final OverdueScan scan;
  private final NightlyLock lock;
  private final List<NightlyTask> after;
  private final OverdueSettings settings;

  public NightlyOverdueJob(
      OverdueScan scan, NightlyLock lock, List<NightlyTask> after, OverdueSettings settings) {
    this.scan = scan;
    this.lock = lock;
    this.after = after;
    this.settings = settings;
  }

  /** The cron of {@link OverdueSettings#scanCron()}, in Bangkok time; "-" registers nothing. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(settings.scanCron())) {
      registrar.addCronTask(
          new CronTask(
              this::nightly, new CronTrigger(settings.scanCron(), ZoneId.of("Asia/Bangkok"))));
    }
  }

  public void nightly() {
    String holder = ManagementFactory.getRuntimeMXBean().getName();
    if (!lock.tryAcquire(LOCK, holder, Duration.ofHours(3))) {
      LOG.info("overdue scan skipped: another node holds the lease");
      return;
    }
    try {
      java.time.LocalDate today = EngineClock.today();
      scan.run(today);
      for (NightlyTask task : after) {
        task.run(today);
      }
    } catch (RuntimeException e) {
      LOG.error("nightly overdue scan failed; the next run catches up", e);
    } finally {
      lock.release(LOCK, holder);
    }
  }
}
