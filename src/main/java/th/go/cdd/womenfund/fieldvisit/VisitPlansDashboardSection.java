package th.go.cdd.womenfund.fieldvisit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/**
 * Dashboard and briefing section 4.4: per district of the province, the routine field visits of the
 * fiscal year planned and done, quarter by quarter, those past their planned day and not done, and
 * the follow-up actions still open. Live from {@code visit_plan} and {@code visit_action}.
 */
@Component
public class VisitPlansDashboardSection
    implements DashboardSection<VisitPlansDashboardSection.Figures> {

  /** The province's totals of the fiscal year, and the districts behind their plan. */
  public record Figures(
      int planned, int done, int behind, int openActions, int lateActions, List<String> late) {

    /** Done as a percentage of planned, one decimal; zero without plans. */
    public BigDecimal percentDone() {
      return planned == 0
          ? BigDecimal.ZERO
          : BigDecimal.valueOf(done * 100L)
              .divide(BigDecimal.valueOf(planned), 1, RoundingMode.HALF_UP);
    }
  }

  private final VisitPlanRepository repo;

  public VisitPlansDashboardSection(VisitPlanRepository repo) {
    this.repo = repo;
  }

  /** One district's year: planned and done per quarter (index 0 to 3), behind, open actions. */
  private static final class Year {
    final int[] planned = new int[4];
    final int[] done = new int[4];
    int behind;
    int open;
    int late;

    int planned() {
      return planned[0] + planned[1] + planned[2] + planned[3];
    }

    int done() {
      return done[0] + done[1] + done[2] + done[3];
    }
  }

  @Override
  public Part<Figures> build(Scope scope) {
    Map<String, Year> years = new LinkedHashMap<>();
    for (var c : repo.counts(scope.provinceCode(), scope.fiscalYear(), scope.asOf())) {
      Year y = years.computeIfAbsent(c.districtCode(), k -> new Year());
      y.planned[c.quarter() - 1] += c.planned();
      y.done[c.quarter() - 1] += c.done();
      y.behind += c.behind();
    }
    for (var o : repo.openActions(scope.provinceCode(), scope.fiscalYear(), scope.asOf())) {
      Year y = years.computeIfAbsent(o.districtCode(), k -> new Year());
      y.open += o.open();
      y.late += o.late();
    }
    Year all = new Year();
    List<Row> rows = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (String district : scope.districts().keySet()) {
      Year y = years.get(district);
      if (y == null) {
        continue;
      }
      for (int q = 0; q < 4; q++) {
        all.planned[q] += y.planned[q];
        all.done[q] += y.done[q];
      }
      all.behind += y.behind;
      all.open += y.open;
      all.late += y.late;
      boolean alert = y.behind > 0 || y.late > 0;
      if (alert) {
        late.add(scope.districtName(district));
      }
      rows.add(row(scope.districtName(district), y, alert));
    }
    Figures figures =
        new Figures(all.planned(), all.done(), all.behind, all.open, all.late, List.copyOf(late));
    Table table =
        rows.isEmpty()
            ? null
            : new Table(
                "visit-plans",
                "แผนและผลการลงพื้นที่ติดตามรายอำเภอ " + scope.fiscalYear().label(),
                List.of(
                    "อำเภอ",
                    "ไตรมาส 1 (ลงแล้ว/แผน)",
                    "ไตรมาส 2 (ลงแล้ว/แผน)",
                    "ไตรมาส 3 (ลงแล้ว/แผน)",
                    "ไตรมาส 4 (ลงแล้ว/แผน)",
                    "แผนทั้งปี (ครั้ง)",
                    "ลงพื้นที่แล้ว (ครั้ง)",
                    "ร้อยละ",
                    "เลยวันที่วางแผน (ครั้ง)",
                    "งานติดตามค้าง (เลยกำหนด)"),
                rows,
                row("รวม", all, false));
    return new Part<>(table, null, figures);
  }

  private static Row row(String name, Year y, boolean alert) {
    Figures f = new Figures(y.planned(), y.done(), y.behind, y.open, y.late, List.of());
    return Row.of(
        null,
        alert,
        name,
        y.done[0] + "/" + y.planned[0],
        y.done[1] + "/" + y.planned[1],
        y.done[2] + "/" + y.planned[2],
        y.done[3] + "/" + y.planned[3],
        y.planned(),
        y.done(),
        new Table.Percent(f.percentDone()),
        y.behind,
        y.open + " (" + y.late + ")");
  }
}
