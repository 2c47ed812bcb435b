package th.go.cdd.womenfund.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Percent;
import th.go.cdd.womenfund.system.Table.Row;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Dashboard section 4.1: the subsidy allocation of the fiscal year; its figure is the sentence the
 * briefing quotes (null when none was proposed).
 */
@Component
public class AllocationDashboardSection implements DashboardSection<String> {

  private final SubsidyAllocationRepository allocations;
  private final HistoryService history;
  private final CamundaLinks links;

  public AllocationDashboardSection(
      SubsidyAllocationRepository allocations, HistoryService history, CamundaLinks links) {
    this.allocations = allocations;
    this.history = history;
    this.links = links;
  }

  @Override
  public Part<String> build(Scope scope) {
    Optional<SubsidyAllocationRepository.Allocation> allocation =
        allocations.current(scope.provinceCode(), scope.fiscalYear().buddhistYear());
    if (allocation.isEmpty()) {
      return new Part<>(null, null, null);
    }
    SubsidyAllocationRepository.Allocation a = allocation.get();
    String link =
        a.processInstanceId() != null
                && history
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(a.processInstanceId())
                        .unfinished()
                        .count()
                    > 0
            ? links.processInstance(a.processInstanceId())
            : links.processDefinition(SubsidyAllocationProcess.KEY, null, null);
    List<SubsidyAllocationRepository.Line> lines = allocations.lines(a.id());
    List<Row> rows =
        lines.stream()
            .map(
                l ->
                    Row.of(
                        link,
                        false,
                        scope.districts().get(l.districtCode()),
                        l.subDistricts(),
                        l.members(),
                        new Percent(l.overduePct()),
                        l.amount()))
            .toList();
    BigDecimal total =
        lines.stream()
            .map(SubsidyAllocationRepository.Line::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // the allocation keeps the facts it was computed from: its overdue ratios are of that day, not
    // of today's
    // overdue table (the same district showed 32.92% and 29.47% on one page with no word why, issue
    // 13)
    String text =
        "งบประมาณเงินอุดหนุน "
            + Cells.text(a.budget())
            + " บาท จัดสรร"
            + a.basis().thai()
            + " ("
            + a.status().thai()
            + ")"
            + (a.factsAsOf().equals(scope.asOf())
                ? ""
                : " จากข้อมูล ณ วันที่ "
                    + ThaiDates.format(a.factsAsOf())
                    + " ร้อยละหนี้เกินกำหนดในตารางนี้จึงเป็นของวันนั้น");
    String factsDate = Cells.text(a.factsAsOf());
    Table table =
        new Table(
            "allocation",
            "การจัดสรรเงินอุดหนุน "
                + scope.fiscalYear().label()
                + ": "
                + a.basis().thai()
                + " — "
                + a.status().thai()
                + " (ข้อมูลที่ใช้จัดสรร ณ วันที่ "
                + factsDate
                + ")",
            List.of(
                "อำเภอ",
                "ตำบล",
                "สมาชิก (คน)",
                "หนี้เกินกำหนด (%) ณ วันที่ " + factsDate,
                "ได้รับจัดสรร (บาท)"),
            rows,
            Row.of(
                link,
                false,
                "รวม",
                lines.stream().mapToInt(SubsidyAllocationRepository.Line::subDistricts).sum(),
                lines.stream().mapToInt(SubsidyAllocationRepository.Line::members).sum(),
                null,
                total));
    return new Part<>(
        table,
        Map.of("amounts", lines.stream().map(SubsidyAllocationRepository.Line::amount).toList()),
        text);
  }
}
