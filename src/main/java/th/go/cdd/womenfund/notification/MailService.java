package th.go.cdd.womenfund.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Sends Thai HTML mails rendered from Thymeleaf templates. A mail that cannot be sent throws: the
 * caller (an asynchronous service task with a retry cycle) is retried by the job executor and ends as
 * an incident in Cockpit, never silently lost.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final ITemplateEngine templates;
  private final String from;

  public MailService(ObjectProvider<JavaMailSender> sender, ITemplateEngine templates,
                     @Value("${womenfund.mail.from}") String from) {
    this.sender = sender;
    this.templates = templates;
    this.from = from;
  }

  public String render(ThaiMail mail) {
    Context context = new Context(ThaiDates.THAI);
    context.setVariables(mail.model());
    return templates.process("mail/" + mail.template(), context);
  }

  public void send(ThaiMail mail) {
    if (mail.to().isEmpty()) {
      throw new IllegalStateException("ไม่มีที่อยู่อีเมลผู้รับสำหรับ \"" + mail.subject() + "\"");
    }
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      throw new IllegalStateException("ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (spring.mail.host): ส่ง \"" + mail.subject() + "\" ไม่ได้");
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(render(mail), true);
      mailSender.send(message);
      LOG.info("mail sent: template={} recipients={}", mail.template(), mail.to().size());
    } catch (MessagingException e) {
      throw new IllegalStateException("สร้างอีเมล \"" + mail.subject() + "\" ไม่สำเร็จ", e);
    }
  }
}
