package th.go.cdd.womenfund.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.metrics.CachedSnapshot;

/**
 * The mails' metrics: {@code womenfund_mail_sent_total{transport="SMTP|RECORD"}} (handed to the
 * server, or only recorded in the outbox), {@code womenfund_mail_failed_total} (the server refused
 * or did not answer: the job is retried and ends as an incident) and {@code womenfund_mail_pending}
 * (reminder and digest jobs due now and not yet done, those waiting for a retry included; read at
 * most every 30 seconds).
 */
@Component
public class MailMetrics {

  private final MeterRegistry registry;
  private final Counter failed;
  private final CachedSnapshot<Long> pending;

  public MailMetrics(MeterRegistry registry, ManagementService management) {
    this.registry = registry;
    this.failed =
        Counter.builder("womenfund.mail.failed")
            .description("Mails the server refused or did not take")
            .register(registry);
    for (MailTransport transport : MailTransport.values()) {
      sent(transport);
    }
    this.pending =
        new CachedSnapshot<>(
            () ->
                management
                        .createJobQuery()
                        .processDefinitionKey(NotificationProcesses.REMINDERS)
                        .executable()
                        .count()
                    + management
                        .createJobQuery()
                        .processDefinitionKey(NotificationProcesses.DIGEST)
                        .executable()
                        .count(),
            Duration.ofSeconds(30),
            0L);
    Gauge.builder("womenfund.mail.pending", pending, p -> p.get())
        .description("Reminder and digest mails due and not yet sent")
        .register(registry);
  }

  private Counter sent(MailTransport transport) {
    return Counter.builder("womenfund.mail.sent")
        .description("Mails sent (SMTP) or only recorded (RECORD)")
        .tag("transport", transport.name())
        .register(registry);
  }

  void sent(MailTransport transport, int count) {
    sent(transport).increment(count);
  }

  void failed() {
    failed.increment();
  }
}
