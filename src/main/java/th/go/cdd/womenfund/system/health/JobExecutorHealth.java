package th.go.cdd.womenfund.system.health;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the job executor (timers, reminders, asynchronous steps, retries), under the name
 * {@code jobExecutor} (it replaces the Camunda starter's indicator of that name, which reports DOWN
 * on a node that runs no executor on purpose). DOWN when the executor is configured but not
 * running; details: whether it runs, how many jobs are due and waiting (the backlog), how many
 * failed jobs wait for their next try, and the open incidents.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

  private final ObjectProvider<JobExecutor> executor;
  private final ManagementService management;
  private final RuntimeService runtime;

  public JobExecutorHealth(
      ObjectProvider<JobExecutor> executor, ManagementService management, RuntimeService runtime) {
    this.executor = executor;
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public Health health() {
    JobExecutor jobs = executor.getIfAvailable();
    Health.Builder health = jobs == null || jobs.isActive() ? Health.up() : Health.down();
    return health
        .withDetail("configured", jobs != null)
        .withDetail("active", jobs != null && jobs.isActive())
        .withDetail("dueJobs", management.createJobQuery().executable().count())
        .withDetail(
            "failedJobsAwaitingRetry",
            management.createJobQuery().withException().withRetriesLeft().count())
        .withDetail("incidents", runtime.createIncidentQuery().count())
        .build();
  }
}
