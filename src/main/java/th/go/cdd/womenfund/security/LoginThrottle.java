package th.go.cdd.womenfund.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Failed logins per client address, across every login surface ({@link LoginThrottleFilter}): the
 * first {@code free-failures} cost nothing, then each further failure makes the address wait {@code
 * first-wait}, doubled at every failure, at most {@code max-wait}; during the wait its login
 * attempts are answered 429 without checking any password. The count is forgotten {@code
 * forget-after} the last failure. Kept in the table {@code login_throttle}, so every node sees the
 * same count; times are the engine's clock ({@link EngineClock}).
 *
 * <p>A correct password does not clear the count: an attacker with an account of her own could
 * otherwise wipe her traces between guesses. Per account the engine slows logins itself (3 s
 * doubling to 60 s, never for good).
 */
@Component
public class LoginThrottle {

  /** An address with failures the administrator sees on /admin/locks. */
  public record Throttled(String address, int failures, Instant lastFailure, Instant blockedUntil) {
    public boolean blockedAt(Instant now) {
      return blockedUntil != null && blockedUntil.isAfter(now);
    }
  }

  /**
   * Passwords the engine refused while serving the current request ({@link LoginThrottleFilter}).
   */
  private static final ThreadLocal<int[]> REFUSED = new ThreadLocal<>();

  static void startCounting() {
    REFUSED.set(new int[1]);
  }

  static int stopCounting() {
    int[] refused = REFUSED.get();
    REFUSED.remove();
    return refused == null ? 0 : refused[0];
  }

  /**
   * Called by the engine's identity provider when a password check fails (outside a request:
   * nothing).
   */
  static void passwordRefused() {
    int[] refused = REFUSED.get();
    if (refused != null) {
      refused[0]++;
    }
  }

  /** An identity provider's password check, a refusal counted ({@link #passwordRefused}). */
  static boolean counted(boolean passwordOk) {
    if (!passwordOk) {
      passwordRefused();
    }
    return passwordOk;
  }

  private final JdbcClient jdbc;
  private final int freeFailures;
  private final Duration firstWait;
  private final Duration maxWait;
  private final Duration forgetAfter;

  public LoginThrottle(
      JdbcClient jdbc,
      @Value("${womenfund.login-throttle.free-failures:10}") int freeFailures,
      @Value("${womenfund.login-throttle.first-wait:PT30S}") Duration firstWait,
      @Value("${womenfund.login-throttle.max-wait:PT5M}") Duration maxWait,
      @Value("${womenfund.login-throttle.forget-after:PT15M}") Duration forgetAfter) {
    this.jdbc = jdbc;
    this.freeFailures = Math.max(1, freeFailures);
    this.firstWait = firstWait;
    this.maxWait = maxWait;
    this.forgetAfter = forgetAfter;
  }

  static Instant now() {
    return EngineClock.instant();
  }

  public int freeFailures() {
    return freeFailures;
  }

  /**
   * What the filter needs before a login attempt, read in one statement: the wait left and the
   * recent failures.
   */
  public record Check(Optional<Duration> waitLeft, int recentFailures) {}

  public Check check(String address) {
    Instant now = now();
    Optional<Throttled> row = find(address);
    return new Check(
        row.map(Throttled::blockedUntil)
            .filter(until -> until != null && until.isAfter(now))
            .map(until -> Duration.between(now, until)),
        row.filter(r -> r.lastFailure().plus(forgetAfter).isAfter(now))
            .map(Throttled::failures)
            .orElse(0));
  }

  /**
   * How long the address must still wait before its next login attempt; empty when it may try now.
   */
  public Optional<Duration> waitFor(String address) {
    Instant now = now();
    return find(address)
        .map(Throttled::blockedUntil)
        .filter(until -> until != null && until.isAfter(now))
        .map(until -> Duration.between(now, until));
  }

  /**
   * Counts a failed login from the address; returns the wait it has now (zero while failures are
   * free). The count goes up in the database itself (one statement), so failures arriving at once,
   * on one node or two, all count.
   */
  public Duration failed(String address) {
    Instant now = now();
    Timestamp at = Timestamp.from(now);
    Timestamp forgotten = Timestamp.from(now.minus(forgetAfter));
    // forgotten addresses leave the table (it holds only the addresses that failed lately)
    jdbc.sql(
            "delete from login_throttle where last_failure_at <= ? and (blocked_until is null or blocked_until <= ?)")
        .params(forgotten, at)
        .update();
    if (increment(address, at, forgotten) == 0) {
      try {
        jdbc.sql(
                "insert into login_throttle (client_address, failures, last_failure_at) values (?, 1, ?)")
            .params(address, at)
            .update();
      } catch (DuplicateKeyException countedAtTheSameMoment) {
        increment(address, at, forgotten);
      }
    }
    int failures =
        jdbc.sql("select failures from login_throttle where client_address = ?")
            .param(address)
            .query(Integer.class)
            .optional()
            .orElse(1);
    Duration wait = waitAfter(failures);
    if (!wait.isZero()) {
      Timestamp until = Timestamp.from(now.plus(wait));
      // never shortens a longer wait another failure set at the same moment
      jdbc.sql(
              "update login_throttle set blocked_until = ? where client_address = ?"
                  + " and (blocked_until is null or blocked_until < ?)")
          .params(until, address, until)
          .update();
    }
    return wait;
  }

  private int increment(String address, Timestamp at, Timestamp forgotten) {
    return jdbc.sql(
            "update login_throttle set failures = case when last_failure_at > ? then failures + 1 else 1 end,"
                + " last_failure_at = ? where client_address = ?")
        .params(forgotten, at, address)
        .update();
  }

  /**
   * The wait after so many failures: none while free, then first-wait doubled each failure, at most
   * max-wait.
   */
  Duration waitAfter(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 20);
    Duration wait = firstWait.multipliedBy(1L << doublings);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  /** Addresses with failures not yet forgotten or a wait not yet over, the latest failure first. */
  public List<Throttled> throttled() {
    Instant now = now();
    return jdbc.sql(
            "select client_address, failures, last_failure_at, blocked_until from login_throttle"
                + " where last_failure_at > ? or blocked_until > ? order by last_failure_at desc")
        .params(Timestamp.from(now.minus(forgetAfter)), Timestamp.from(now))
        .query(LoginThrottle::throttledRow)
        .list();
  }

  /** The administrator's decision: the address may try again at once, its count starts over. */
  public boolean lift(String address) {
    return jdbc.sql("delete from login_throttle where client_address = ?").param(address).update()
        > 0;
  }

  /** Forgets every address (tests). */
  public void liftAll() {
    jdbc.sql("delete from login_throttle").update();
  }

  private Optional<Throttled> find(String address) {
    return jdbc.sql(
            "select client_address, failures, last_failure_at, blocked_until from login_throttle"
                + " where client_address = ?")
        .param(address)
        .query(LoginThrottle::throttledRow)
        .optional();
  }

  private static Throttled throttledRow(ResultSet rs, int n) throws SQLException {
    return new Throttled(
        rs.getString(1),
        rs.getInt(2),
        rs.getTimestamp(3).toInstant(),
        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant());
  }
}
