package th.go.cdd.womenfund.security;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which accounts hold a one-time password (table {@code one_time_password}): one someone else chose
 * or knows — the provisioning invitation's, or one an administrator set in Camunda Admin or through
 * the REST API ({@link GuardedIdentityProvider} marks those). Such a person must choose her own
 * password before doing anything else ({@link PasswordChangeGate}, {@link
 * PasswordChangeController}). Derived from this table only, never from anything the client sends.
 * With the directory (profile {@code ldap}) passwords belong to the directory and nothing here
 * applies.
 */
@Component
public class OneTimePasswords {

  /** Why an account holds a one-time password (column {@code reason}). */
  public enum Reason {
    /** mailed by a provisioning invitation */
    INVITATION,
    /** set by an administrator (Camunda Admin, the REST API) */
    RESET
  }

  private final JdbcClient jdbc;
  private final boolean directory;

  public OneTimePasswords(JdbcClient jdbc, Environment environment) {
    this.jdbc = jdbc;
    this.directory = environment.acceptsProfiles(Profiles.of(LdapDirectory.PROFILE));
  }

  /** Whether the rule applies at all (not with the directory). */
  public boolean applies() {
    return !directory;
  }

  /**
   * Marks the account: its current password is one-time. In the caller's transaction (the
   * password's).
   */
  public void require(String userId, Reason reason) {
    if (directory) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    int updated =
        jdbc.sql("update one_time_password set set_at = ?, reason = ? where user_id = ?")
            .params(now, reason.name(), userId)
            .update();
    if (updated == 0) {
      // two transactions marking one account at the same moment: the second fails and rolls back
      // (the invitation is retried; the administrator's reset is refused and may be repeated)
      jdbc.sql("insert into one_time_password (user_id, set_at, reason) values (?, ?, ?)")
          .params(userId, now, reason.name())
          .update();
    }
  }

  /** Whether the person must change her password before anything else. */
  public boolean mustChange(String userId) {
    if (directory || userId == null) {
      return false;
    }
    return jdbc.sql("select count(*) from one_time_password where user_id = ?")
            .param(userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * She chose her own password, or the account is gone: the mark goes (only {@link
   * PasswordChangeController} and the deletion of the account call it).
   */
  void cleared(String userId) {
    jdbc.sql("delete from one_time_password where user_id = ?").param(userId).update();
  }
}
