package th.go.cdd.womenfund.security;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.PersonalDataRetention;
import th.go.cdd.womenfund.system.RetentionSettings;

/**
 * Client addresses of failed logins ({@code login_throttle}) are deleted {@code
 * womenfund.retention.login-throttle} after the last failure, unless the address still waits.
 */
@Component
class LoginThrottleRetention implements PersonalDataRetention {

  private final JdbcClient jdbc;
  private final RetentionSettings settings;

  LoginThrottleRetention(JdbcClient jdbc, RetentionSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public String rule() {
    return "failed-login addresses after " + settings.loginThrottle();
  }

  @Override
  public int apply(Instant now) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
            "delete from login_throttle where last_failure_at < ?"
                + " and (blocked_until is null or blocked_until < ?)")
        .params(Timestamp.from(now.minus(settings.loginThrottle())), at)
        .update();
  }
}
