package th.go.cdd.womenfund.overdue;

import java.util.List;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.DashboardSection;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.Table.Row;

/** Dashboard section 4.4: the field visits of the fiscal year; its figure is how many. */
@Component
public class FieldVisitsDashboardSection implements DashboardSection<Integer> {

  private final FieldVisits visits;

  public FieldVisitsDashboardSection(FieldVisits visits) {
    this.visits = visits;
  }

  @Override
  public Part<Integer> build(Scope scope) {
    List<FieldVisits.Visit> list =
        visits.between(
            scope.provinceCode(), scope.fiscalYear().firstDay(), scope.fiscalYear().lastDay());
    Table table =
        list.isEmpty()
            ? null
            : new Table(
                "visits",
                "การลงพื้นที่ติดตาม " + scope.fiscalYear().label(),
                List.of("วันที่", "อำเภอ", "คณะที่ลงพื้นที่", "ข้อค้นพบ"),
                list.stream()
                    .map(
                        v ->
                            Row.of(
                                null,
                                false,
                                v.visitedOn(),
                                scope.districtName(v.districtCode()),
                                v.team(),
                                v.findings()))
                    .toList(),
                null);
    return new Part<>(table, null, list.size());
  }
}
