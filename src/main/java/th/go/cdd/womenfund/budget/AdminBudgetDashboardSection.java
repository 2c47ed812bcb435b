package th.go.cdd.womenfund.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Percent;
import th.go.cdd.womenfund.system.Table.Row;

/**
 * Dashboard section 6: the districts' administrative budget of the fiscal year and what they
 * disbursed.
 */
@Component
public class AdminBudgetDashboardSection implements DashboardSection<AdminBudgetService.Summary> {

  private final AdminBudgetService budgets;

  public AdminBudgetDashboardSection(AdminBudgetService budgets) {
    this.budgets = budgets;
  }

  @Override
  public Part<AdminBudgetService.Summary> build(Scope scope) {
    AdminBudgetService.Summary budget = budgets.summary(scope.provinceCode(), scope.fiscalYear());
    if (!budget.hasBudget()) {
      return new Part<>(null, null, budget);
    }
    String link =
        "/budget?province=" + scope.provinceCode() + "&year=" + scope.fiscalYear().buddhistYear();
    List<Row> rows =
        budget.districts().stream()
            .map(
                b ->
                    Row.of(
                        link,
                        false,
                        b.districtName(),
                        b.budget(),
                        b.disbursed(),
                        b.remaining(),
                        new Percent(b.percentDisbursed())))
            .toList();
    Table table =
        new Table(
            "budget",
            "การเบิกจ่ายงบบริหารของอำเภอ " + scope.fiscalYear().label(),
            List.of(
                "อำเภอ",
                "งบบริหาร (บาท)",
                "เบิกจ่ายแล้ว (บาท)",
                "คงเหลือ (บาท)",
                "ร้อยละที่เบิกจ่าย"),
            rows,
            Row.of(
                link,
                false,
                "รวมทั้งจังหวัด",
                budget.budget(),
                budget.disbursed(),
                budget.budget().subtract(budget.disbursed()),
                new Percent(budget.percentDisbursed())));
    return new Part<>(
        table,
        Map.of(
            "pct",
            budget.districts().stream()
                .map(b -> b.percentDisbursed() == null ? BigDecimal.ZERO : b.percentDisbursed())
                .toList()),
        budget);
  }
}
