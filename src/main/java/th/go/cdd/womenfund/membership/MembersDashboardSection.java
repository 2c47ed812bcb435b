package th.go.cdd.womenfund.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/** Dashboard section 3: new members of the fiscal year against the Department's target. */
@Component
public class MembersDashboardSection implements DashboardSection<MembershipService.Progress> {

  private final MembershipService membership;
  private final CamundaLinks links;

  public MembersDashboardSection(MembershipService membership, CamundaLinks links) {
    this.membership = membership;
    this.links = links;
  }

  @Override
  public Part<MembershipService.Progress> build(Scope scope) {
    MembershipService.Progress progress =
        membership.progress(scope.provinceCode(), scope.fiscalYear());
    if (progress.target() == null && progress.individuals() + progress.organisations() == 0) {
      return new Part<>(null, null, progress);
    }
    String link = "/membership/targets?province=" + scope.provinceCode();
    List<Row> rows =
        progress.districts().stream()
            .map(p -> Row.of(link, false, p.districtName(), p.individuals(), p.organisations()))
            .toList();
    Table table =
        new Table(
            "members",
            "สมาชิกใหม่ "
                + scope.fiscalYear().label()
                + (progress.target() == null
                    ? ""
                    : " (เป้าหมายสมาชิกประเภทบุคคลธรรมดา "
                        + Cells.text(progress.target())
                        + " คน)"),
            List.of("อำเภอ", "สมาชิกประเภทบุคคลธรรมดา (คน)", "องค์กรสตรี (แห่ง)"),
            rows,
            Row.of(
                links.decisionDefinition(DmnMembershipRules.DECISION),
                false,
                "รวมทั้งจังหวัด",
                progress.individuals(),
                progress.organisations()));
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put(
        "counts",
        progress.districts().stream()
            .map(MembershipService.DistrictProgress::individuals)
            .toList());
    chart.put("total", progress.individuals());
    chart.put("target", progress.target());
    return new Part<>(table, chart, progress);
  }
}
