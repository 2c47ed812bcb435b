package th.go.cdd.womenfund.notification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.go.cdd.womenfund.system.ThaiDates;

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

  /**
   * One row of a mail's installment table: its number ({@code seq}) and due date ({@code due}, in
   * พ.ศ.), then the given columns (amounts already written out).
   */
  public static Map<String, String> installmentRow(
      int seq, LocalDate due, Map<String, String> columns) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("seq", Integer.toString(seq));
    row.put("due", ThaiDates.format(due));
    row.putAll(columns);
    return row;
  }
}
