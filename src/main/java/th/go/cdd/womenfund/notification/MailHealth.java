package th.go.cdd.womenfund.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Health of the mail server, under the name {@code mail} (it replaces Spring Boot's indicator of
 * that name): with transport SMTP, Spring Boot's own check (a connection to the server); with
 * transport RECORD (the demo without a mail server) UP, since mails are only recorded in the outbox
 * on purpose, with the transport as a detail.
 */
@Component("mailHealthIndicator")
public class MailHealth implements HealthIndicator {

  private final MailService mail;
  private final ObjectProvider<JavaMailSender> sender;

  public MailHealth(MailService mail, ObjectProvider<JavaMailSender> sender) {
    this.mail = mail;
    this.sender = sender;
  }

  @Override
  public Health health() {
    if (mail.transport() == MailTransport.RECORD) {
      return Health.up().withDetail("transport", MailTransport.RECORD.name()).build();
    }
    if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
      return Health.down()
          .withDetail("transport", MailTransport.SMTP.name())
          .withDetail("error", "spring.mail.host is not set")
          .build();
    }
    Health checked = new MailHealthIndicator(smtp).health();
    return Health.status(checked.getStatus())
        .withDetails(checked.getDetails())
        .withDetail("transport", MailTransport.SMTP.name())
        .build();
  }
}
