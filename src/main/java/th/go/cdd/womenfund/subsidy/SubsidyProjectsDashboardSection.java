package th.go.cdd.womenfund.subsidy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;
import th.go.cdd.womenfund.system.ThaiMoney;

/**
 * Dashboard section "โครงการประเภทเงินอุดหนุน": per district of the province and fiscal year, the
 * projects proposed, those approved, the baht approved and the baht transferred. Its figures are
 * the briefing's sentence.
 */
@Component
public class SubsidyProjectsDashboardSection
    implements DashboardSection<SubsidyProjectsDashboardSection.Figures> {

  /** The province's totals of the fiscal year. */
  public record Figures(
      int projects, int approved, BigDecimal approvedAmount, BigDecimal disbursedAmount) {

    /**
     * The briefing's sentence: "โครงการที่เสนอ 4 โครงการ อนุมัติ 3 โครงการ 90,000.00 บาท โอนแล้ว
     * …".
     */
    public String text() {
      return "โครงการที่เสนอ "
          + projects
          + " โครงการ อนุมัติ "
          + approved
          + " โครงการ "
          + ThaiMoney.format(approvedAmount)
          + " โอนแล้ว "
          + ThaiMoney.format(disbursedAmount);
    }
  }

  private final SubsidyProjectRepository projects;
  private final CamundaLinks links;

  public SubsidyProjectsDashboardSection(SubsidyProjectRepository projects, CamundaLinks links) {
    this.projects = projects;
    this.links = links;
  }

  @Override
  public Part<Figures> build(Scope scope) {
    List<SubsidyProjectRepository.DistrictFigures> rows =
        projects.figures(scope.provinceCode(), scope.fiscalYear().buddhistYear());
    Figures f =
        new Figures(
            rows.stream().mapToInt(SubsidyProjectRepository.DistrictFigures::projects).sum(),
            rows.stream().mapToInt(SubsidyProjectRepository.DistrictFigures::approved).sum(),
            rows.stream()
                .map(SubsidyProjectRepository.DistrictFigures::approvedAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
            rows.stream()
                .map(SubsidyProjectRepository.DistrictFigures::disbursedAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    if (rows.isEmpty()) {
      return new Part<>(null, null, f);
    }
    String link = links.processDefinition(SubsidyProjectProcess.KEY, null, null);
    Table table =
        new Table(
            "subsidy-projects",
            "โครงการประเภทเงินอุดหนุน " + scope.fiscalYear().label(),
            List.of(
                "อำเภอ", "เสนอ (โครงการ)", "อนุมัติ (โครงการ)", "อนุมัติ (บาท)", "โอนแล้ว (บาท)"),
            rows.stream()
                .map(
                    r ->
                        Row.of(
                            link,
                            false,
                            scope.districtName(r.districtCode()),
                            r.projects(),
                            r.approved(),
                            r.approvedAmount(),
                            r.disbursedAmount()))
                .toList(),
            Row.of(
                link,
                false,
                "รวมทั้งจังหวัด",
                f.projects(),
                f.approved(),
                f.approvedAmount(),
                f.disbursedAmount()));
    return new Part<>(
        table,
        Map.of(
            "approved",
            rows.stream().map(SubsidyProjectRepository.DistrictFigures::approvedAmount).toList()),
        f);
  }
}
