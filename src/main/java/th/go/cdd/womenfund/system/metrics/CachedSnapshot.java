package th.go.cdd.womenfund.system.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value computed at most once per {@code ttl} (a scrape every 15 s must not cost a database query
 * each time): every gauge of one snapshot reads the same computation. A failed refresh keeps the
 * last value and tries again at the next read after {@code ttl}.
 */
public final class CachedSnapshot<T> {

  private static final Logger LOG = LoggerFactory.getLogger(CachedSnapshot.class);

  private final Supplier<T> compute;
  private final Duration ttl;
  private final Clock clock;
  private final T empty;
  private T value;
  private long computedAt = Long.MIN_VALUE;

  public CachedSnapshot(Supplier<T> compute, Duration ttl, T empty) {
    this(compute, ttl, empty, Clock.systemUTC());
  }

  CachedSnapshot(Supplier<T> compute, Duration ttl, T empty, Clock clock) {
    this.compute = compute;
    this.ttl = ttl;
    this.empty = empty;
    this.value = empty;
    this.clock = clock;
  }

  public synchronized T get() {
    long now = clock.millis();
    if (computedAt == Long.MIN_VALUE || now - computedAt >= ttl.toMillis()) {
      computedAt = now;
      try {
        value = compute.get();
      } catch (RuntimeException e) {
        LOG.warn("metrics snapshot not refreshed: {}", e.toString());
      }
    }
    return value == null ? empty : value;
  }
}
