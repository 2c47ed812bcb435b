package th.go.cdd.womenfund.system;

import java.time.LocalDate;
import java.util.Map;

/**
 * One section of a province's dashboard (and the briefing that quotes it), built by the capability
 * that owns its figures: overdue debt and field visits (overdue), members (membership),
 * restructuring packages (restructuring), the subsidy allocation and the administrative budget
 * (budget). reporting's {@code DashboardService} only puts the sections in order. {@code F} is the
 * section's headline figures.
 */
public interface DashboardSection<F> {

  /**
   * The province, its districts (code → official name, in order), the fiscal year and the day of
   * the figures.
   */
  record Scope(
      String provinceCode,
      Map<String, String> districts,
      ThaiFiscalYear fiscalYear,
      LocalDate asOf) {

    /** A district's name, or its code when it is not of this province. */
    public String districtName(String code) {
      return districts.getOrDefault(code, code);
    }
  }

  /**
   * What a section shows: its table ({@code null} when the province has no such data yet), the data
   * of its chart ({@code null} for none) and its headline figures (always, for the briefing).
   */
  record Part<F>(Table table, Object chart, F figures) {}

  Part<F> build(Scope scope);
}
