package th.go.cdd.womenfund.system.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The work waiting in every process, per process key: open user tasks ({@code
 * womenfund_tasks_open}), those past their due date ({@code womenfund_tasks_late}) and open
 * incidents ({@code womenfund_incidents}); and the job executor's backlog, jobs due and not yet
 * done ({@code womenfund_jobs_due}). Read from the engine's runtime tables in two grouped queries
 * and a count, at most every 30 seconds, whatever the number of scrapes. The engine's tables belong
 * to no capability of the fund; a process deployed later gets its gauges at the next read.
 */
@Component
public class WorkMetrics implements MeterBinder {

  static final Duration TTL = Duration.ofSeconds(30);

  /** Open and late tasks and incidents of one process. */
  record Work(long open, long late, long incidents) {
    static final Work NONE = new Work(0, 0, 0);
  }

  private final JdbcClient jdbc;
  private final RepositoryService repository;
  private final CachedSnapshot<Map<String, Work>> snapshot;
  private final CachedSnapshot<Long> dueJobs;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;

  public WorkMetrics(JdbcClient jdbc, RepositoryService repository, ManagementService management) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.snapshot = new CachedSnapshot<>(this::read, TTL, Map.of());
    this.dueJobs =
        new CachedSnapshot<>(() -> management.createJobQuery().executable().count(), TTL, 0L);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("womenfund.jobs.due", dueJobs, CachedSnapshot::get)
        .description("Jobs due and not yet done (timers, reminders, asynchronous steps, retries)")
        .register(registry);
    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(d -> register(d.getKey()));
  }

  private void register(String process) {
    MeterRegistry meters = registry;
    if (meters == null || !registered.add(process)) {
      return;
    }
    Gauge.builder("womenfund.tasks.open", this, w -> w.work(process).open())
        .description("Open user tasks")
        .tag("process", process)
        .register(meters);
    Gauge.builder("womenfund.tasks.late", this, w -> w.work(process).late())
        .description("Open user tasks past their due date")
        .tag("process", process)
        .register(meters);
    Gauge.builder("womenfund.incidents", this, w -> w.work(process).incidents())
        .description("Open incidents (failed jobs, Cockpit)")
        .tag("process", process)
        .register(meters);
  }

  Work work(String process) {
    Map<String, Work> now = snapshot.get();
    if (!registered.containsAll(now.keySet())) {
      now.keySet().forEach(this::register);
    }
    return now.getOrDefault(process, Work.NONE);
  }

  private Map<String, Work> read() {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.sql(
            "select d.KEY_, count(*), sum(case when t.DUE_DATE_ < ? then 1 else 0 end)"
                + " from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ group by d.KEY_")
        .param(Timestamp.from(EngineClock.instant()))
        .query(
            rs -> {
              counts.computeIfAbsent(rs.getString(1), k -> new long[3])[0] = rs.getLong(2);
              counts.get(rs.getString(1))[1] = rs.getLong(3);
            });
    jdbc.sql(
            "select d.KEY_, count(*) from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
                + " group by d.KEY_")
        .query(
            rs -> {
              counts.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2);
            });
    Map<String, Work> work = new HashMap<>();
    counts.forEach((process, c) -> work.put(process, new Work(c[0], c[1], c[2])));
    return Map.copyOf(work);
  }
}
