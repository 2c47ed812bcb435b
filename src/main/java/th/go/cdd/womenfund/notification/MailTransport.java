package th.go.cdd.womenfund.notification;

/**
 * How mails leave the system: by SMTP, or only recorded in the outbox (demo without a mail server).
 */
public enum MailTransport {
  SMTP,
  RECORD
}
