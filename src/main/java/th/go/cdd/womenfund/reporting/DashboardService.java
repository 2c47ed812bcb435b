package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.budget.AdminBudgetDashboardSection;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.budget.AllocationDashboardSection;
import th.go.cdd.womenfund.fieldvisit.VisitPlansDashboardSection;
import th.go.cdd.womenfund.membership.MembersDashboardSection;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.occupation.OccupationDashboardSection;
import th.go.cdd.womenfund.overdue.FieldVisitsDashboardSection;
import th.go.cdd.womenfund.overdue.OverdueDashboardSection;
import th.go.cdd.womenfund.restructuring.RestructuredDashboardSection;
import th.go.cdd.womenfund.restructuring.RestructuringDashboardSection;
import th.go.cdd.womenfund.subsidy.SubsidyProjectsDashboardSection;
import th.go.cdd.womenfund.system.DashboardSection.Part;
import th.go.cdd.womenfund.system.DashboardSection.Scope;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The live figures of a province for its supervisors (and the briefing). Each section is built by
 * the capability that owns its figures ({@link th.go.cdd.womenfund.system.DashboardSection}); this
 * only puts them in order: overdue debt against the target, members against the Department's
 * target, restructuring packages and their deadlines, the subsidy allocation, the administrative
 * budget disbursed, occupation and market promotion (4.3), field visits planned and done (4.4) and
 * those of the overdue ladder. Each section's table exists only when its data does.
 */
@Service
public class DashboardService {

  private final AreaRepository areas;
  private final OverdueDashboardSection overdue;
  private final MembersDashboardSection members;
  private final RestructuringDashboardSection restructuring;
  private final RestructuredDashboardSection restructured;
  private final AllocationDashboardSection allocation;
  private final AdminBudgetDashboardSection budget;
  private final FieldVisitsDashboardSection visits;
  private final OccupationDashboardSection occupation;
  private final SubsidyProjectsDashboardSection projects;
  private final VisitPlansDashboardSection visitPlans;

  public DashboardService(
      AreaRepository areas,
      OverdueDashboardSection overdue,
      MembersDashboardSection members,
      RestructuringDashboardSection restructuring,
      RestructuredDashboardSection restructured,
      AllocationDashboardSection allocation,
      AdminBudgetDashboardSection budget,
      FieldVisitsDashboardSection visits,
      OccupationDashboardSection occupation,
      SubsidyProjectsDashboardSection projects,
      VisitPlansDashboardSection visitPlans) {
    this.areas = areas;
    this.overdue = overdue;
    this.members = members;
    this.restructuring = restructuring;
    this.restructured = restructured;
    this.allocation = allocation;
    this.budget = budget;
    this.visits = visits;
    this.occupation = occupation;
    this.projects = projects;
    this.visitPlans = visitPlans;
  }

  /** The headline figures the briefing quotes. */
  public record Figures(
      BigDecimal overdueTargetPct,
      BigDecimal outstanding,
      BigDecimal overdueAmount,
      BigDecimal overdueRatio,
      List<String> districtsAboveTarget,
      Integer memberTarget,
      int members,
      int organisations,
      BigDecimal memberPct,
      List<String> restructuringDistricts,
      BigDecimal restructuringTotal,
      List<String> restructuringLate,
      String allocationText,
      BigDecimal budgetTotal,
      BigDecimal budgetDisbursed,
      BigDecimal budgetPct,
      int visits,
      OccupationDashboardSection.Figures occupation,
      int restructuredLoans,
      BigDecimal restructuredAmount) {}

  public record Dashboard(
      Province province,
      ThaiFiscalYear fiscalYear,
      LocalDate asOf,
      Figures figures,
      Table overdue,
      Table members,
      Table restructuring,
      Table allocation,
      Table budget,
      Table visits,
      Table occupation,
      Map<String, Object> charts,
      Table restructured,
      Table subsidyProjects,
      SubsidyProjectsDashboardSection.Figures subsidyProjectFigures,
      Table visitPlans,
      VisitPlansDashboardSection.Figures visitPlanFigures) {

    public List<Table> tables() {
      return Stream.of(
              overdue,
              members,
              restructuring,
              restructured,
              allocation,
              subsidyProjects,
              budget,
              occupation,
              visitPlans,
              visits)
          .filter(Objects::nonNull)
          .toList();
    }

    public Optional<Table> table(String id) {
      return tables().stream().filter(t -> t.id().equals(id)).findFirst();
    }
  }

  public Dashboard dashboard(String provinceCode, ThaiFiscalYear fy, LocalDate asOf) {
    Province province = areas.province(provinceCode).orElseThrow();
    Map<String, String> districts = new LinkedHashMap<>();
    for (District d : areas.districtsOf(provinceCode)) {
      districts.put(d.code(), d.nameTh());
    }
    Scope scope = new Scope(provinceCode, districts, fy, asOf);

    Part<OverdueDashboardSection.Figures> debt = overdue.build(scope);
    Part<MembershipService.Progress> progress = members.build(scope);
    Part<RestructuringDashboardSection.Figures> packages = restructuring.build(scope);
    Part<RestructuredDashboardSection.Figures> rescheduled = restructured.build(scope);
    Part<String> subsidy = allocation.build(scope);
    Part<AdminBudgetService.Summary> admin = budget.build(scope);
    Part<Integer> visited = visits.build(scope);
    Part<OccupationDashboardSection.Figures> promoted = occupation.build(scope);
    Part<SubsidyProjectsDashboardSection.Figures> granted = projects.build(scope);
    Part<VisitPlansDashboardSection.Figures> planned = visitPlans.build(scope);

    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("districts", List.copyOf(districts.values()));
    chart(charts, "overdue", debt);
    chart(charts, "members", progress);
    chart(charts, "allocation", subsidy);
    chart(charts, "budget", admin);

    OverdueDashboardSection.Figures o = debt.figures();
    MembershipService.Progress m = progress.figures();
    RestructuringDashboardSection.Figures r = packages.figures();
    AdminBudgetService.Summary b = admin.figures();
    Figures figures =
        new Figures(
            o.targetPct(),
            o.outstanding(),
            o.overdueAmount(),
            o.ratio(),
            o.districtsAboveTarget(),
            m.target(),
            m.individuals(),
            m.organisations(),
            m.percentOfTarget(),
            r.sentDistricts(),
            r.sentTotal(),
            r.late(),
            subsidy.figures(),
            b.budget(),
            b.disbursed(),
            b.percentDisbursed(),
            visited.figures(),
            promoted.figures(),
            rescheduled.figures().loans(),
            rescheduled.figures().carried());
    return new Dashboard(
        province,
        fy,
        asOf,
        figures,
        debt.table(),
        progress.table(),
        packages.table(),
        subsidy.table(),
        admin.table(),
        visited.table(),
        promoted.table(),
        charts,
        rescheduled.table(),
        granted.table(),
        granted.figures(),
        planned.table(),
        planned.figures());
  }

  private static void chart(Map<String, Object> charts, String id, Part<?> part) {
    if (part.chart() != null) {
      charts.put(id, part.chart());
    }
  }
}
