package th.go.cdd.womenfund.system.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A scrape every few seconds costs one computation per time-to-live; a failure keeps the last
 * value.
 */
class CachedSnapshotTest {

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-12-05T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void computesOncePerTimeToLiveAndKeepsTheLastValueWhenARefreshFails() {
    MovableClock clock = new MovableClock();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failNext = new AtomicInteger();
    CachedSnapshot<Integer> snapshot =
        new CachedSnapshot<>(
            () -> {
              int n = calls.incrementAndGet();
              if (failNext.getAndSet(0) == 1) {
                throw new IllegalStateException("database gone");
              }
              return n;
            },
            Duration.ofSeconds(30),
            -1,
            clock);

    assertThat(snapshot.get()).isEqualTo(1);
    clock.now = clock.now.plusSeconds(29);
    assertThat(snapshot.get()).isEqualTo(1);
    assertThat(calls).hasValue(1);
    clock.now = clock.now.plusSeconds(1);
    assertThat(snapshot.get()).isEqualTo(2);
    failNext.set(1);
    clock.now = clock.now.plusSeconds(30);
    assertThat(snapshot.get()).isEqualTo(2);
    clock.now = clock.now.plusSeconds(30);
    assertThat(snapshot.get()).isEqualTo(4);
  }
}
