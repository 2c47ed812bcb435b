package th.go.cdd.womenfund.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Sends Thai HTML mails rendered from Thymeleaf templates, each recorded in the outbox. With a
 * de-duplication key a mail goes out at most once: the key is stored in the same transaction as the
 * send, so a retried job, a restart or a second node finds it and sends nothing. A mail that cannot
 * be sent throws and rolls the record back: the caller (an asynchronous step with a retry cycle) is
 * retried by the job executor and ends as an incident in Cockpit, never silently lost.
 *
 * <p>Transport ({@code womenfund.mail.transport}): {@code smtp}; {@code record} (only stored,
 * listed at {@code /mail}); {@code auto} (the demo's default: SMTP if the configured server
 * answered at start-up, else record).
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final ITemplateEngine templates;
  private final MailOutbox outbox;
  private final String from;
  private final MailTransport transport;
  private final MailMetrics metrics;

  public MailService(
      ObjectProvider<JavaMailSender> sender,
      ITemplateEngine templates,
      MailOutbox outbox,
      MailMetrics metrics,
      @Value("${womenfund.mail.from}") String from,
      @Value("${womenfund.mail.transport:smtp}") String transport,
      @Value("${spring.mail.host:}") String host,
      @Value("${spring.mail.port:25}") int port) {
    this.sender = sender;
    this.templates = templates;
    this.outbox = outbox;
    this.metrics = metrics;
    this.from = from;
    this.transport =
        switch (transport.strip().toLowerCase(Locale.ROOT)) {
          case "smtp" -> MailTransport.SMTP;
          case "record" -> MailTransport.RECORD;
          case "auto" -> answers(host, port) ? MailTransport.SMTP : MailTransport.RECORD;
          default ->
              throw new IllegalStateException(
                  "womenfund.mail.transport must be smtp, record or auto: " + transport);
        };
    if (this.transport == MailTransport.RECORD) {
      LOG.warn(
          "mail is only recorded, not sent (womenfund.mail.transport={}, server {}:{}): see /mail",
          transport,
          host,
          port);
    }
  }

  public MailTransport transport() {
    return transport;
  }

  public String render(ThaiMail mail) {
    Context context = new Context(ThaiDates.THAI);
    context.setVariables(mail.model());
    return templates.process("mail/" + mail.template(), context);
  }

  /** Sends (or records) a mail that has no natural key. */
  public void send(ThaiMail mail) {
    send(mail, null);
  }

  /**
   * Sends (or records) the mail unless one with the same key was already sent. Returns whether it
   * went out now. Joins the caller's transaction (the job's), so the key and the send commit or
   * roll back together.
   */
  @Transactional
  public boolean send(ThaiMail mail, String dedupKey) {
    if (mail.to().isEmpty()) {
      throw new IllegalStateException("ไม่มีที่อยู่อีเมลผู้รับสำหรับ \"" + mail.subject() + "\"");
    }
    if (dedupKey != null && outbox.contains(dedupKey)) {
      LOG.info("mail already sent, not again: key={}", dedupKey);
      return false;
    }
    String html = render(mail);
    outbox.insert(dedupKey, mail, html, transport);
    if (transport == MailTransport.SMTP) {
      try {
        smtp(mail, html, dedupKey);
      } catch (RuntimeException e) {
        metrics.failed();
        throw e;
      }
    }
    metrics.sent(transport, 1);
    LOG.info(
        "mail {}: template={} recipients={}",
        transport == MailTransport.SMTP ? "sent" : "recorded",
        mail.template(),
        mail.to().size());
    return true;
  }

  /** What the outbox keeps instead of a private value of a mail (a one-time password). */
  public static final String NOT_KEPT = "(ไม่เก็บไว้ในระบบ)";

  /**
   * Sends, once per key, a mail that carries a private value (a one-time password) under {@code
   * privateKey} of its model: the recipient gets it, the outbox (and so /mail) keeps the mail with
   * {@link #NOT_KEPT} in its place, and no log line names it. Only over SMTP: with a transport that
   * only records, throws and sends nothing, so the caller retries once a mail server is configured.
   * Joins the caller's transaction, as {@link #send(ThaiMail, String)}.
   */
  @Transactional
  public boolean sendPrivate(ThaiMail mail, String dedupKey, String privateKey) {
    if (transport != MailTransport.SMTP) {
      throw new IllegalStateException(
          "ระบบยังไม่ได้ต่อเซิร์ฟเวอร์อีเมล (womenfund.mail.transport=smtp):"
              + " ส่ง \""
              + mail.subject()
              + "\" ไม่ได้");
    }
    if (mail.to().isEmpty()) {
      throw new IllegalStateException("ไม่มีที่อยู่อีเมลผู้รับสำหรับ \"" + mail.subject() + "\"");
    }
    if (outbox.contains(dedupKey)) {
      LOG.info("mail already sent, not again: key={}", dedupKey);
      return false;
    }
    Map<String, Object> kept = new HashMap<>(mail.model());
    kept.put(privateKey, NOT_KEPT);
    ThaiMail stored = new ThaiMail(mail.to(), mail.subject(), mail.template(), kept);
    outbox.insert(dedupKey, stored, render(stored), transport);
    smtp(mail, render(mail), dedupKey);
    LOG.info("mail sent: template={} recipients={}", mail.template(), mail.to().size());
    return true;
  }

  /**
   * Records, once, a mail nobody can receive (no one with an email address is responsible), so that
   * it is visible at /mail and not planned again every hour.
   */
  @Transactional
  public boolean recordUnaddressed(
      String subject, String template, java.util.Map<String, Object> model, String dedupKey) {
    if (outbox.contains(dedupKey)) {
      return false;
    }
    ThaiMail mail =
        new ThaiMail(java.util.List.of("(ไม่มีผู้รับที่มีอีเมล)"), subject, template, model);
    outbox.insert(dedupKey, mail, render(mail), MailTransport.RECORD);
    metrics.sent(MailTransport.RECORD, 1);
    LOG.warn("no recipient with an email address: recorded only, key={}", dedupKey);
    return true;
  }

  private void smtp(ThaiMail mail, String html, String dedupKey) {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      throw new IllegalStateException(
          "ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (spring.mail.host): ส่ง \""
              + mail.subject()
              + "\" ไม่ได้");
    }
    try {
      MimeMessage message =
          dedupKey != null && mailSender instanceof JavaMailSenderImpl impl
              ? withStableMessageId(impl, dedupKey)
              : mailSender.createMimeMessage();
      MimeMessageHelper helper =
          new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(html, true);
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("สร้างอีเมล \"" + mail.subject() + "\" ไม่สำเร็จ", e);
    }
  }

  /**
   * The same key always gives the same Message-ID: should a node die after the SMTP server accepted
   * a mail but before its record committed, the retry's copy is recognisably the same message (mail
   * clients and servers that de-duplicate by Message-ID show it once).
   */
  static String messageId(String dedupKey) {
    return "<"
        + java.util.UUID.nameUUIDFromBytes(dedupKey.getBytes(StandardCharsets.UTF_8))
        + "@womenfund>";
  }

  private static MimeMessage withStableMessageId(JavaMailSenderImpl impl, String dedupKey) {
    String id = messageId(dedupKey);
    return new MimeMessage(impl.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", id);
      }
    };
  }

  private static boolean answers(String host, int port) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
