package th.go.cdd.womenfund.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * /app/mail: the mails the system sent or (without a mail server) only recorded. An officer sees
 * those addressed to her; an admin sees all.
 */
@Controller
@th.go.cdd.womenfund.system.ThaiPage
public class MailOutboxController {

  private final MailOutbox outbox;
  private final CurrentUser currentUser;
  private final MailService mail;

  public MailOutboxController(MailOutbox outbox, CurrentUser currentUser, MailService mail) {
    this.outbox = outbox;
    this.currentUser = currentUser;
    this.mail = mail;
  }

  /** A row of the page, everything already formatted for Thai readers. */
  public record Row(
      long id, String when, String recipients, String subject, String transport, String bodyHtml) {}

  @GetMapping("/app/mail")
  public String list(Model model) {
    Actor actor = currentUser.actor();
    String email = actor.isAdmin() ? null : currentUser.email();
    if (!actor.isAdmin() && (email == null || email.isBlank())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "บัญชีของท่านไม่มีอีเมล");
    }
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    List<Row> rows =
        outbox.latest(email, 200).stream()
            .map(
                m -> {
                  var at = m.createdAt().atZone(ThaiDates.BANGKOK);
                  return new Row(
                      m.id(),
                      ThaiDates.formatShort(at.toLocalDate()) + " " + time.format(at),
                      m.recipients(),
                      m.subject(),
                      m.transport() == MailTransport.SMTP ? "ส่งแล้ว" : "บันทึกไว้ (ไม่ได้ส่ง)",
                      m.bodyHtml());
                })
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("recordOnly", mail.transport() == MailTransport.RECORD);
    model.addAttribute("user", actor.userId());
    return "mail-outbox";
  }
}
