package th.go.cdd.womenfund.overdue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Percent;
import th.go.cdd.womenfund.system.Table.Row;

/**
 * Dashboard section 1: overdue debt per district against the target ({@link
 * OverdueSettings#targetPct()}).
 */
@Component
public class OverdueDashboardSection implements DashboardSection<OverdueDashboardSection.Figures> {

  /** The province's debt on the day; {@code ratio} null when nothing is outstanding. */
  public record Figures(
      BigDecimal targetPct,
      BigDecimal outstanding,
      BigDecimal overdueAmount,
      BigDecimal ratio,
      List<String> districtsAboveTarget) {}

  private final OverdueFigures overdue;
  private final CamundaLinks links;
  private final BigDecimal targetPct;

  public OverdueDashboardSection(
      OverdueFigures overdue, CamundaLinks links, OverdueSettings settings) {
    this.overdue = overdue;
    this.links = links;
    this.targetPct = settings.targetPct();
  }

  @Override
  public Part<Figures> build(Scope scope) {
    Map<String, OverdueFigures.DistrictOverdue> debt =
        overdue.byDistrict(scope.provinceCode(), scope.asOf()).stream()
            .collect(
                Collectors.toMap(
                    OverdueFigures.DistrictOverdue::districtCode, Function.identity()));
    BigDecimal outstanding = BigDecimal.ZERO.setScale(2);
    BigDecimal overdueAmount = BigDecimal.ZERO.setScale(2);
    List<String> above = new ArrayList<>();
    if (debt.values().stream().noneMatch(d -> d.outstanding().signum() > 0)) {
      return new Part<>(
          null, null, new Figures(targetPct, outstanding, overdueAmount, null, above));
    }
    List<Row> rows = new ArrayList<>();
    List<BigDecimal> ratios = new ArrayList<>();
    // one look-up of the definition for every district's link (it was one per district, with the
    // engine's authorization checks: 96 of a province dashboard's 119 queries)
    String applications = links.processDefinition(LoanApplicationProcess.KEY);
    for (Map.Entry<String, String> d : scope.districts().entrySet()) {
      OverdueFigures.DistrictOverdue o = debt.get(d.getKey());
      BigDecimal r = o == null ? null : o.ratioPct();
      boolean alert = r != null && r.compareTo(targetPct) > 0;
      if (alert) {
        above.add(d.getValue());
      }
      ratios.add(r == null ? BigDecimal.ZERO : r);
      rows.add(
          Row.of(
              CamundaLinks.filtered(applications, "districtCode", d.getKey()),
              alert,
              d.getValue(),
              o == null ? BigDecimal.ZERO.setScale(2) : o.outstanding(),
              o == null ? BigDecimal.ZERO.setScale(2) : o.overdue(),
              new Percent(r),
              r == null ? "ไม่มีหนี้" : alert ? "สูงกว่าเป้าหมาย" : "ไม่เกินเป้าหมาย"));
      if (o != null) {
        outstanding = outstanding.add(o.outstanding());
        overdueAmount = overdueAmount.add(o.overdue());
      }
    }
    BigDecimal ratio =
        new OverdueFigures.DistrictOverdue(scope.provinceCode(), outstanding, overdueAmount)
            .ratioPct();
    Table table =
        new Table(
            "overdue",
            "หนี้เกินกำหนดชำระรายอำเภอ ณ วันที่ "
                + Cells.text(scope.asOf())
                + " (เป้าหมาย ไม่เกินร้อยละ "
                + targetPct.stripTrailingZeros().toPlainString()
                + ")",
            List.of(
                "อำเภอ",
                "ยอดหนี้คงค้าง (บาท)",
                "หนี้เกินกำหนดชำระ (บาท)",
                "ร้อยละหนี้เกินกำหนด",
                "เทียบเป้าหมาย"),
            rows,
            Row.of(
                null,
                ratio != null && ratio.compareTo(targetPct) > 0,
                "รวมทั้งจังหวัด",
                outstanding,
                overdueAmount,
                new Percent(ratio),
                ""));
    return new Part<>(
        table,
        Map.of("ratios", ratios, "target", targetPct),
        new Figures(targetPct, outstanding, overdueAmount, ratio, above));
  }
}
