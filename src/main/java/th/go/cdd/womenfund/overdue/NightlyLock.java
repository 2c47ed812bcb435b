package th.go.cdd.womenfund.overdue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease in {@code scheduler_lock}: of several nodes, only the one that takes it runs the nightly
 * job. A node that dies holding it blocks the job only until the lease runs out.
 */
@Component
public class NightlyLock {

  private final JdbcClient jdbc;

  public NightlyLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean tryAcquire(String name, String holder, Duration lease) {
    Instant now = Instant.now();
    return jdbc.sql(
                "update scheduler_lock set locked_until = ?, locked_by = ? where name = ? and locked_until < ?")
            .params(Timestamp.from(now.plus(lease)), holder, name, Timestamp.from(now))
            .update()
        == 1;
  }

  public void release(String name, String holder) {
    jdbc.sql("update scheduler_lock set locked_until = ? where name = ? and locked_by = ?")
        .params(Timestamp.from(Instant.EPOCH.plusSeconds(946684800L)), name, holder)
        .update();
  }
}
