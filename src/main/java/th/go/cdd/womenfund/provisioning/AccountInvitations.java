package th.go.cdd.womenfund.provisioning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.security.AdminAccount;
import th.go.cdd.womenfund.security.OneTimePasswords;

/**
 * The one-time passwords of accounts created from a provisioning file (table {@code
 * account_invitation}). Each pending invitation is sent in a transaction of its own: a fresh random
 * password is set on the account, marked one-time ({@link OneTimePasswords}: she must choose her
 * own at her first sign-in) and mailed through {@link MailService#sendPrivate} (the outbox keeps
 * the mail without it; no log line names it), and the invitation is marked sent. When the mail
 * fails, all of that rolls back (the account keeps a password nobody knows), the failure is
 * counted, and the invitation is tried again every {@code womenfund.provisioning.retry-every} (and
 * whenever an administrator presses the button on /admin/accounts). One mail per account, ever: the
 * mail's key {@code account-invitation:<user id>} is unique in the outbox, so a second node or a
 * retry sends nothing.
 */
@Configuration
public class AccountInvitations implements SchedulingConfigurer {

  public static final String TEMPLATE = "account-invitation";
  public static final String SUBJECT = "บัญชีผู้ใช้ระบบงานกองทุนพัฒนาบทบาทสตรีของท่าน";
  static final String PASSWORD = "password";

  private static final Logger LOG = LoggerFactory.getLogger(AccountInvitations.class);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final MailService mail;
  private final TransactionTemplate transaction;
  private final String baseUrl;
  private final Duration retryEvery;
  private final OneTimePasswords oneTime;

  public AccountInvitations(
      JdbcClient jdbc,
      IdentityService identity,
      OneTimePasswords oneTime,
      MailService mail,
      PlatformTransactionManager transactions,
      @Value("${womenfund.base-url:http://localhost:8080}") String baseUrl,
      @Value("${womenfund.provisioning.retry-every:PT10M}") Duration retryEvery) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.oneTime = oneTime;
    this.mail = mail;
    this.transaction = new TransactionTemplate(transactions);
    this.baseUrl = baseUrl;
    this.retryEvery = retryEvery;
  }

  /** A pending invitation, as the administrator's page lists it. */
  public record Pending(String userId, String email, int attempts, String lastError) {}

  /** What one pass did. */
  public record Sent(int sent, int failed) {}

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::sendPendingQuietly, retryEvery, retryEvery));
  }

  /** Called in the provisioning transaction: the invitation commits with the account. */
  void add(String userId, String email) {
    jdbc.sql("insert into account_invitation (user_id, email, created_at) values (?, ?, ?)")
        .params(userId, email, Timestamp.from(Instant.now()))
        .update();
  }

  public List<Pending> pending() {
    return jdbc.sql(
            "select user_id, email, attempts, last_error from account_invitation where sent_at is null"
                + " order by created_at, user_id")
        .query(
            (rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
        .list();
  }

  public boolean isSent(String userId) {
    return jdbc.sql(
                "select count(*) from account_invitation where user_id = ? and sent_at is not null")
            .param(userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Sends every pending invitation, each in its own transaction; a failure leaves it pending. */
  public Sent sendPending() {
    int sent = 0;
    int failed = 0;
    for (Pending p : pending()) {
      try {
        Boolean done = transaction.execute(status -> send(p));
        if (Boolean.TRUE.equals(done)) {
          sent++;
        }
      } catch (RuntimeException e) {
        failed++;
        String reason = reason(e);
        transaction.executeWithoutResult(
            status ->
                jdbc.sql(
                        "update account_invitation set attempts = attempts + 1,"
                            + " last_error = ? where user_id = ? and sent_at is null")
                    .params(reason, p.userId())
                    .update());
        LOG.warn(
            "account invitation not sent, will retry: user={} reason={}",
            p.userId(),
            e.getClass().getSimpleName());
      }
    }
    if (sent + failed > 0) {
      LOG.info("account invitations: {} sent, {} left for a retry", sent, failed);
    }
    return new Sent(sent, failed);
  }

  /** The Thai reason the administrator's page shows: never the mail, never the password. */
  static String reason(RuntimeException e) {
    if (e instanceof MailException) {
      return "เซิร์ฟเวอร์อีเมลไม่ตอบหรือไม่รับอีเมล ระบบจะลองส่งใหม่เอง";
    }
    if (e instanceof IllegalStateException
        && e.getMessage() != null
        && e.getMessage().startsWith("ระบบยังไม่ได้ต่อ")) {
      return "ระบบยังไม่ได้ต่อเซิร์ฟเวอร์อีเมล (womenfund.mail.transport=smtp) จึงยังส่งรหัสผ่านไม่ได้";
    }
    return "ส่งอีเมลไม่สำเร็จ (" + e.getClass().getSimpleName() + ") ระบบจะลองส่งใหม่เอง";
  }

  private void sendPendingQuietly() {
    try {
      sendPending();
    } catch (RuntimeException e) {
      LOG.warn("account invitations: the retry pass failed ({})", e.getClass().getSimpleName());
    }
  }

  private boolean send(Pending p) {
    // claims the row first: a second node sending the same invitation waits here, then finds it
    // sent
    int claimed =
        jdbc.sql(
                "update account_invitation set attempts = attempts + 1 where user_id = ? and sent_at is null")
            .param(p.userId())
            .update();
    if (claimed == 0) {
      return false;
    }
    User user = identity.createUserQuery().userId(p.userId()).singleResult();
    if (user == null) {
      // the account was deleted before its mail went out: nothing to send
      jdbc.sql("delete from account_invitation where user_id = ?").param(p.userId()).update();
      return false;
    }
    String password = AdminAccount.generatePassword();
    user.setPassword(password);
    identity.saveUser(user);
    // one-time: she must choose her own before doing anything else
    oneTime.require(p.userId(), OneTimePasswords.Reason.INVITATION);
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    mail.sendPrivate(
        new ThaiMail(
            List.of(p.email()),
            SUBJECT,
            TEMPLATE,
            Map.of(
                "name",
                name,
                "userId",
                p.userId(),
                PASSWORD,
                password,
                "loginUrl",
                baseUrl + "/login")),
        "account-invitation:" + p.userId(),
        PASSWORD);
    jdbc.sql("update account_invitation set sent_at = ?, last_error = null where user_id = ?")
        .params(Timestamp.from(Instant.now()), p.userId())
        .update();
    return true;
  }
}
