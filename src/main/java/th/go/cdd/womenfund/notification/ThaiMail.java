package th.go.cdd.womenfund.notification;

import java.util.List;
import java.util.Map;

/**
 * A mail to send: recipients, Thai subject, a Thymeleaf template under {@code templates/mail/}, its
 * model.
 */
public record ThaiMail(
    List<String> to, String subject, String template, Map<String, Object> model) {

  public ThaiMail {
    to = to.stream().filter(a -> a != null && !a.isBlank()).distinct().toList();
    model = Map.copyOf(model);
  }
}
