package th.go.cdd.womenfund.system;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Each night (cron {@code womenfund.retention.cron}, Asia/Bangkok; "-" turns it off) every {@link
 * PersonalDataRetention} rule is applied to the fund's own tables. Every node runs it; the rules
 * are idempotent, so two nodes at once only repeat a no-op. A failed rule is logged and the next
 * night catches up.
 */
@Configuration
@EnableScheduling
public class RetentionJob implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final List<PersonalDataRetention> rules;
  private final RetentionSettings settings;

  public RetentionJob(List<PersonalDataRetention> rules, RetentionSettings settings) {
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!ScheduledTaskRegistrar.CRON_DISABLED.equals(settings.cron())) {
      registrar.addCronTask(
          new CronTask(this::nightly, new CronTrigger(settings.cron(), ThaiDates.BANGKOK)));
    }
  }

  void nightly() {
    run(EngineClock.instant());
  }

  /** Applies every rule as of {@code now}; the rows each changed, by rule. */
  public Map<String, Integer> run(Instant now) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (PersonalDataRetention rule : rules) {
      try {
        changed.put(rule.rule(), rule.apply(now));
      } catch (RuntimeException e) {
        LOG.error("retention rule '{}' failed; the next night tries again", rule.rule(), e);
      }
    }
    LOG.info("personal data retention: {}", changed);
    return changed;
  }
}
