package th.go.cdd.womenfund.restructuring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/**
 * Section 2.1 of the dashboard: loans the Department approved for restructuring, rescheduled on a
 * new schedule, as their own figure (the seed reports it): per district, the loans and the balance
 * carried to the new schedule.
 */
@Component
public class RestructuredDashboardSection
    implements DashboardSection<RestructuredDashboardSection.Figures> {

  /** Loans rescheduled up to the day, and the balance carried over. */
  public record Figures(int loans, BigDecimal carried) {}

  private final RestructuringRounds rounds;
  private final CamundaLinks links;

  public RestructuredDashboardSection(RestructuringRounds rounds, CamundaLinks links) {
    this.rounds = rounds;
    this.links = links;
  }

  @Override
  public Part<Figures> build(Scope scope) {
    int loans = 0;
    BigDecimal carried = BigDecimal.ZERO.setScale(2);
    List<RestructuringRounds.Restructured> restructured =
        rounds.restructuredByDistrict(scope.provinceCode(), scope.asOf());
    if (restructured.isEmpty()) {
      return new Part<>(null, null, new Figures(loans, carried));
    }
    List<Row> rows = new ArrayList<>();
    for (RestructuringRounds.Restructured r : restructured) {
      rows.add(
          Row.of(
              links.decisionDefinition(RestructuringProcess.TERMS_DECISION),
              false,
              scope.districtName(r.districtCode()),
              r.loans(),
              r.carried()));
      loans += r.loans();
      carried = carried.add(r.carried());
    }
    Table table =
        new Table(
            "restructured",
            "ปรับโครงสร้างหนี้แล้ว (กรมอนุมัติ ชำระตามตารางใหม่) ถึงวันที่ "
                + Cells.text(scope.asOf()),
            List.of("อำเภอ", "สัญญาที่ปรับโครงสร้างหนี้ (สัญญา)", "ยอดหนี้ที่ยกไปตารางใหม่ (บาท)"),
            rows,
            Row.of(null, false, "รวมทั้งจังหวัด", loans, carried));
    return new Part<>(table, null, new Figures(loans, carried));
  }
}
