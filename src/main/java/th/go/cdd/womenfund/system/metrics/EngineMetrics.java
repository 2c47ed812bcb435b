package th.go.cdd.womenfund.system.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own metrics (Cockpit's "metrics", {@code ManagementService.createMetricsQuery()}) as
 * one Prometheus counter, {@code womenfund_engine_events_total{event="job-successful"}} and so on.
 * The engine keeps counts in memory and writes them to {@code ACT_RU_METER_LOG} every few minutes,
 * per node; the value here is the sum in the database (all nodes), read through the public metrics
 * query at most once a minute, so it trails the engine by up to one reporting interval. Every node
 * reports the engine-wide total: take {@code max} over the nodes, not {@code sum}.
 */
@Component
public class EngineMetrics implements MeterBinder {

  /** The engine metrics exposed, in this order. */
  static final List<String> EVENTS =
      List.of(
          Metrics.ROOT_PROCESS_INSTANCE_START,
          Metrics.ACTIVTY_INSTANCE_START,
          Metrics.ACTIVTY_INSTANCE_END,
          Metrics.EXECUTED_DECISION_INSTANCES,
          Metrics.EXECUTED_DECISION_ELEMENTS,
          Metrics.JOB_ACQUISITION_ATTEMPT,
          Metrics.JOB_ACQUIRED_SUCCESS,
          Metrics.JOB_ACQUIRED_FAILURE,
          Metrics.JOB_SUCCESSFUL,
          Metrics.JOB_FAILED,
          Metrics.JOB_LOCKED_EXCLUSIVE,
          Metrics.JOB_EXECUTION_REJECTED);

  private final ProcessEngine engine;
  private final CachedSnapshot<Map<String, Long>> totals;

  /**
   * Highest value reported per event: a counter never goes back while the engine moves memory to
   * the table.
   */
  private final Map<String, Long> highest = new ConcurrentHashMap<>();

  public EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
    this.totals = new CachedSnapshot<>(this::read, Duration.ofMinutes(1), Map.of());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String event : EVENTS) {
      FunctionCounter.builder("womenfund.engine.events", this, m -> m.total(event))
          .description("Camunda engine metric (ManagementService), engine-wide total")
          .tag("event", event)
          .register(registry);
    }
  }

  double total(String event) {
    long now = totals.get().getOrDefault(event, 0L);
    return highest.merge(event, now, Math::max);
  }

  private Map<String, Long> read() {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String event : EVENTS) {
      values.put(event, engine.getManagementService().createMetricsQuery().name(event).sum());
    }
    return values;
  }
}
