package th.go.cdd.womenfund.system;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of the dashboard or the briefing, with raw values (so the page, the .xlsx and the .docx
 * format them the same way): {@link String}, {@link BigDecimal} baht, {@link Integer} counts,
 * {@link Percent}, {@link java.time.LocalDate}. Each row may link to the Cockpit or Tasklist view
 * behind it.
 */
public record Table(String id, String title, List<String> headers, List<Row> rows, Row total) {

  public record Row(List<Object> cells, String link, boolean alert) {

    public static Row of(String link, boolean alert, Object... cells) {
      return new Row(java.util.Arrays.asList(cells), link, alert);
    }
  }

  /** A percentage as people read it ("4.20%"). */
  public record Percent(BigDecimal value) {}

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
