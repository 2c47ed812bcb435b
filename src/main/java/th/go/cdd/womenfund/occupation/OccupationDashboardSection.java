package th.go.cdd.womenfund.occupation;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/**
 * Dashboard and briefing section 4.3: per district, the groups whose sales were recorded in the
 * fiscal year, the market channels they used and their income.
 */
@Component
public class OccupationDashboardSection
    implements DashboardSection<OccupationDashboardSection.Figures> {

  /**
   * The province's totals: groups promoted, channels used (Thai names, in the enum's order),
   * income.
   */
  public record Figures(
      int groups, List<String> channels, BigDecimal income, List<String> districts) {}

  private final OccupationRepository repo;

  public OccupationDashboardSection(OccupationRepository repo) {
    this.repo = repo;
  }

  @Override
  public Part<Figures> build(Scope scope) {
    List<OccupationRepository.DistrictTotal> totals =
        repo.totals(
            scope.provinceCode(), scope.fiscalYear().firstDay(), scope.fiscalYear().lastDay());
    int groups = totals.stream().mapToInt(OccupationRepository.DistrictTotal::groups).sum();
    List<MarketChannel> channels =
        totals.stream().flatMap(t -> t.channels().stream()).distinct().sorted().toList();
    BigDecimal income =
        totals.stream()
            .map(OccupationRepository.DistrictTotal::income)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Table table =
        totals.isEmpty()
            ? null
            : new Table(
                "occupation",
                "การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี " + scope.fiscalYear().label(),
                List.of("อำเภอ", "กลุ่มที่ได้รับการส่งเสริม", "ช่องทางการตลาด", "รายได้ (บาท)"),
                totals.stream()
                    .map(
                        t ->
                            Row.of(
                                null,
                                false,
                                scope.districtName(t.districtCode()),
                                t.groups(),
                                names(t.channels()),
                                t.income()))
                    .toList(),
                Row.of(null, false, "รวม", groups, names(channels), income));
    return new Part<>(
        table,
        null,
        new Figures(
            groups,
            channels.stream().map(MarketChannel::labelTh).toList(),
            income,
            totals.stream().map(t -> scope.districtName(t.districtCode())).toList()));
  }

  private static String names(List<MarketChannel> channels) {
    return channels.stream().map(MarketChannel::labelTh).collect(Collectors.joining(", "));
  }
}
