package th.go.cdd.womenfund.restructuring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.restructuring.RestructuringRounds.RoundPackage;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/** Dashboard section 2: the packages of the latest restructuring round, with their deadlines. */
@Component
public class RestructuringDashboardSection
    implements DashboardSection<RestructuringDashboardSection.Figures> {

  /** Districts that sent a package and its total; districts whose deadline is near or past. */
  public record Figures(List<String> sentDistricts, BigDecimal sentTotal, List<String> late) {}

  private final RestructuringRounds rounds;
  private final CamundaLinks links;
  private final RestructuringSettings settings;

  public RestructuringDashboardSection(
      RestructuringRounds rounds, CamundaLinks links, RestructuringSettings settings) {
    this.rounds = rounds;
    this.links = links;
    this.settings = settings;
  }

  @Override
  public Part<Figures> build(Scope scope) {
    List<String> sentDistricts = new ArrayList<>();
    List<String> late = new ArrayList<>();
    BigDecimal sentTotal = BigDecimal.ZERO.setScale(2);
    List<RoundPackage> packages = rounds.latestRoundPackages(scope.provinceCode());
    if (packages.isEmpty()) {
      return new Part<>(null, null, new Figures(sentDistricts, sentTotal, late));
    }
    List<Row> rows = new ArrayList<>();
    for (RoundPackage p : packages) {
      String name = scope.districts().get(p.districtCode());
      DeadlineCell cell = DeadlineCell.of(scope.asOf(), p.submissionDue(), p.submittedOnTime());
      String deadline = cell.text();
      boolean alert = cell.alert();
      if (alert) {
        late.add(name);
      }
      if (p.total() != null && p.total().signum() > 0) {
        sentDistricts.add(name);
        sentTotal = sentTotal.add(p.total());
      }
      String link =
          p.processInstanceId() == null
              ? links.processDefinition(RestructuringProcess.PACKAGE_KEY, null, null)
              : links.processInstance(p.processInstanceId());
      rows.add(
          Row.of(
              link,
              alert,
              name,
              PackageStatus.valueOf(p.status()).labelTh(),
              p.total(),
              p.receivedOn(),
              p.submissionDue(),
              deadline));
    }
    Table table =
        new Table(
            "restructuring",
            "การปรับโครงสร้างหนี้: " + packages.get(0).roundTitle(),
            List.of(
                "อำเภอ",
                "สถานะ",
                "ยอดหนี้ที่ขอปรับ (บาท)",
                "จังหวัดได้รับเอกสาร",
                dueHeader(),
                "กำหนดเวลา"),
            rows,
            Row.of(
                null,
                false,
                "ส่งเอกสารแล้ว " + sentDistricts.size() + " อำเภอ",
                "",
                sentTotal,
                null,
                null,
                ""));
    return new Part<>(table, null, new Figures(sentDistricts, sentTotal, late));
  }

  /** The header of the deadline column: the rule as configured ("N วัน" or "N วันทำการ"). */
  String dueHeader() {
    return "กำหนดส่งกรม (" + settings.deadlineText() + ")";
  }
}
