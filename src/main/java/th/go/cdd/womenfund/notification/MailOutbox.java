package th.go.cdd.womenfund.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every mail sent or recorded, with its de-duplication key. */
@Repository
public class MailOutbox {

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored mail, as the outbox page lists it. */
  public record StoredMail(
      long id,
      String dedupKey,
      String recipients,
      String subject,
      String template,
      String bodyHtml,
      MailTransport transport,
      Instant createdAt) {}

  public boolean contains(String dedupKey) {
    return jdbc.sql("select count(*) from mail_message where dedup_key = ?")
            .param(dedupKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insert(String dedupKey, ThaiMail mail, String html, MailTransport transport) {
    jdbc.sql(
            "insert into mail_message (dedup_key, recipients, subject, template, body_html, transport, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            dedupKey,
            String.join(", ", mail.to()),
            mail.subject(),
            mail.template(),
            html,
            transport.name(),
            Timestamp.from(Instant.now()))
        .update();
  }

  /**
   * Newest first; {@code recipient} null for all (admins), else only mails of which one recipient
   * is exactly that address (case-insensitive). Recipients are stored as one list, {@code "a@x,
   * b@y"}: the list and the address are compared with commas on both sides, so neither {@code "@"}
   * nor part of an address matches anything.
   */
  public List<StoredMail> latest(String recipient, int limit) {
    String where =
        recipient == null
            ? ""
            : " where ',' || replace(lower(recipients), ' ', '') || ',' like ? escape '!'";
    var spec =
        jdbc.sql(
            "select id, dedup_key, recipients, subject, template, body_html, transport, created_at"
                + " from mail_message"
                + where
                + " order by id desc fetch first "
                + Math.max(1, Math.min(limit, 500))
                + " rows only");
    if (recipient != null) {
      String exact = recipient.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
      if (exact.isEmpty() || exact.contains(",")) {
        return List.of();
      }
      spec =
          spec.param("%," + exact.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
    }
    return spec.query(
            (rs, n) ->
                new StoredMail(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    MailTransport.valueOf(rs.getString(7)),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  public int count(String dedupKeyPrefix) {
    return jdbc.sql("select count(*) from mail_message where dedup_key like ?")
        .param(dedupKeyPrefix + "%")
        .query(Integer.class)
        .single();
  }
}
