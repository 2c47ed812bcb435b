package th.go.cdd.womenfund.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.PersonalDataRetention;
import th.go.cdd.womenfund.system.RetentionSettings;

/**
 * Mails hold names, loan figures and addresses: {@code womenfund.retention.mail-bodies} after a
 * mail was sent its body and recipients are blanked. The row stays (subject, template, time, dedup
 * key), so the outbox still knows the mail went out and a late retry sends nothing twice.
 */
@Component
class MailBodyRetention implements PersonalDataRetention {

  static final String REMOVED = "";

  private final JdbcClient jdbc;
  private final RetentionSettings settings;

  MailBodyRetention(JdbcClient jdbc, RetentionSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public String rule() {
    return "mail bodies and recipients after " + settings.mailBodies();
  }

  @Override
  public int apply(Instant now) {
    return jdbc.sql(
            "update mail_message set body_html = ?, recipients = ? where created_at < ?"
                + " and (body_html <> ? or recipients <> ?)")
        .params(
            REMOVED, REMOVED, Timestamp.from(now.minus(settings.mailBodies())), REMOVED, REMOVED)
        .update();
  }
}
