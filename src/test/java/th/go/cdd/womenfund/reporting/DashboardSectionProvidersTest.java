package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.budget.AdminBudgetDashboardSection;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.budget.AllocationBasis;
import th.go.cdd.womenfund.budget.AllocationDashboardSection;
import th.go.cdd.womenfund.budget.AllocationStatus;
import th.go.cdd.womenfund.budget.SubsidyAllocationRepository;
import th.go.cdd.womenfund.membership.MembersDashboardSection;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.overdue.FieldVisits;
import th.go.cdd.womenfund.overdue.FieldVisitsDashboardSection;
import th.go.cdd.womenfund.overdue.OverdueDashboardSection;
import th.go.cdd.womenfund.overdue.OverdueSettings;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.restructuring.DeadlineCalendar;
import th.go.cdd.womenfund.restructuring.RestructuringDashboardSection;
import th.go.cdd.womenfund.restructuring.RestructuringRounds;
import th.go.cdd.womenfund.restructuring.RestructuringSettings;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.DashboardSection.Part;
import th.go.cdd.womenfund.system.DashboardSection.Scope;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Each dashboard section is built by its own capability from that capability's API alone: no Spring
 * context, no database, no other section. With no data a section has no table but still gives its
 * figures.
 */
class DashboardSectionProvidersTest {

  static final ThaiFiscalYear FY = new ThaiFiscalYear(2568);
  static final LocalDate AS_OF = LocalDate.of(2025, 3, 10);
  static final Scope SCOPE = new Scope("23", districts(), FY, AS_OF);

  final CamundaLinks links = mock(CamundaLinks.class);

  static Map<String, String> districts() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("2301", "เมืองตราด");
    d.put("2302", "คลองใหญ่");
    return d;
  }

  static BigDecimal baht(String v) {
    return new BigDecimal(v);
  }

  @Test
  void overdueDebtAgainstTheTarget() {
    OverdueFigures figures = mock(OverdueFigures.class);
    when(figures.byDistrict("23", AS_OF))
        .thenReturn(
            List.of(
                new OverdueFigures.DistrictOverdue("2301", baht("1000.00"), baht("100.00")),
                new OverdueFigures.DistrictOverdue("2302", baht("1000.00"), baht("10.00"))));
    when(links.processDefinition(th.go.cdd.womenfund.loan.LoanApplicationProcess.KEY))
        .thenReturn("/c/#/process-definition/pd-7/runtime");
    OverdueDashboardSection section =
        new OverdueDashboardSection(
            figures, links, new OverdueSettings(new BigDecimal("5"), 200, "-"));

    Part<OverdueDashboardSection.Figures> part = section.build(SCOPE);

    assertThat(part.table().id()).isEqualTo("overdue");
    assertThat(part.table().rows()).hasSize(2);
    assertThat(part.table().rows().get(0).alert()).isTrue();
    // the definition is looked up once for every district's link, each filtered by its district
    verify(links, times(1)).processDefinition(th.go.cdd.womenfund.loan.LoanApplicationProcess.KEY);
    assertThat(part.table().rows())
        .extracting(Table.Row::link)
        .containsExactly(
            CamundaLinks.filtered("/c/#/process-definition/pd-7/runtime", "districtCode", "2301"),
            CamundaLinks.filtered("/c/#/process-definition/pd-7/runtime", "districtCode", "2302"));
    assertThat(part.table().rows().get(1).link()).contains("?searchQuery=").contains("2302");
    assertThat(part.figures().outstanding()).isEqualByComparingTo("2000.00");
    assertThat(part.figures().overdueAmount()).isEqualByComparingTo("110.00");
    assertThat(part.figures().ratio()).isEqualByComparingTo("5.50");
    assertThat(part.figures().districtsAboveTarget()).containsExactly("เมืองตราด");

    when(figures.byDistrict("23", AS_OF)).thenReturn(List.of());
    Part<OverdueDashboardSection.Figures> none = section.build(SCOPE);
    assertThat(none.table()).isNull();
    assertThat(none.chart()).isNull();
    assertThat(none.figures().ratio()).isNull();
  }

  @Test
  void membersAgainstTheDepartmentsTarget() {
    MembershipService membership = mock(MembershipService.class);
    when(membership.progress("23", FY))
        .thenReturn(
            new MembershipService.Progress(
                "23",
                FY,
                10,
                List.of(
                    new MembershipService.DistrictProgress("2301", "เมืองตราด", 3, 1),
                    new MembershipService.DistrictProgress("2302", "คลองใหญ่", 2, 0))));

    Part<MembershipService.Progress> part =
        new MembersDashboardSection(membership, links).build(SCOPE);

    assertThat(part.table().title()).contains("10 คน");
    assertThat(part.table().total().cells()).containsExactly("รวมทั้งจังหวัด", 5, 1);
    assertThat(part.figures().percentOfTarget()).isEqualByComparingTo("50.0");
  }

  @Test
  void restructuringPackagesWithTheirDeadlines() {
    RestructuringRounds rounds = mock(RestructuringRounds.class);
    when(rounds.latestRoundPackages("23"))
        .thenReturn(
            List.of(
                new RestructuringRounds.RoundPackage(
                    1,
                    "รอบที่ 1",
                    "2301",
                    "RECEIVED",
                    baht("500.00"),
                    AS_OF.minusDays(10),
                    AS_OF.plusDays(1),
                    null,
                    "pi-1"),
                new RestructuringRounds.RoundPackage(
                    2, "รอบที่ 1", "2302", "PREPARING", null, null, null, null, "pi-2")));
    RestructuringDashboardSection section =
        new RestructuringDashboardSection(
            rounds, links, new RestructuringSettings(15, DeadlineCalendar.Mode.WORKING_DAYS));

    Part<RestructuringDashboardSection.Figures> part = section.build(SCOPE);

    assertThat(part.table().headers()).contains("กำหนดส่งกรม (15 วันทำการ)");
    assertThat(part.table().rows().get(0).cells()).endsWith("เหลือ 1 วัน");
    assertThat(part.figures().sentDistricts()).containsExactly("เมืองตราด");
    assertThat(part.figures().sentTotal()).isEqualByComparingTo("500.00");
    assertThat(part.figures().late()).containsExactly("เมืองตราด");
  }

  @Test
  void theSubsidyAllocation() {
    SubsidyAllocationRepository allocations = mock(SubsidyAllocationRepository.class);
    when(allocations.current("23", 2568))
        .thenReturn(
            Optional.of(
                new SubsidyAllocationRepository.Allocation(
                    7,
                    "23",
                    2568,
                    baht("1000.00"),
                    AllocationBasis.MEMBERS,
                    null,
                    AS_OF,
                    AllocationStatus.values()[0],
                    null,
                    null,
                    null)));
    when(allocations.lines(7))
        .thenReturn(
            List.of(
                new SubsidyAllocationRepository.Line(
                    "2301", 4, 60, null, baht("600"), baht("600.00")),
                new SubsidyAllocationRepository.Line(
                    "2302", 3, 40, null, baht("400"), baht("400.00"))));
    when(links.processDefinition(anyString(), any(), any())).thenReturn("/cockpit");

    Part<String> part =
        new AllocationDashboardSection(allocations, mock(HistoryService.class), links).build(SCOPE);

    assertThat(part.table().rows())
        .extracting(r -> r.cells().get(0))
        .containsExactly("เมืองตราด", "คลองใหญ่");
    assertThat(part.table().total().cells()).containsExactly("รวม", 7, 100, null, baht("1000.00"));
    assertThat(part.figures()).startsWith("งบประมาณเงินอุดหนุน 1,000.00 บาท");

    when(allocations.current("23", 2568)).thenReturn(Optional.empty());
    assertThat(
            new AllocationDashboardSection(allocations, mock(HistoryService.class), links)
                .build(SCOPE))
        .isEqualTo(new Part<>(null, null, null));
  }

  @Test
  void theAdministrativeBudget() {
    AdminBudgetService budgets = mock(AdminBudgetService.class);
    when(budgets.summary("23", FY))
        .thenReturn(
            new AdminBudgetService.Summary(
                "23",
                FY,
                List.of(
                    new AdminBudgetService.DistrictBudget(
                        "2301", "เมืองตราด", baht("1000.00"), baht("250.00")))));

    Part<AdminBudgetService.Summary> part = new AdminBudgetDashboardSection(budgets).build(SCOPE);

    assertThat(part.table().id()).isEqualTo("budget");
    assertThat(part.figures().percentDisbursed()).isEqualByComparingTo("25.0");

    when(budgets.summary("23", FY)).thenReturn(new AdminBudgetService.Summary("23", FY, List.of()));
    assertThat(new AdminBudgetDashboardSection(budgets).build(SCOPE).table()).isNull();
  }

  @Test
  void fieldVisitsOfTheYear() {
    FieldVisits visits = mock(FieldVisits.class);
    when(visits.between("23", FY.firstDay(), FY.lastDay()))
        .thenReturn(
            List.of(
                new FieldVisits.Visit("2302", AS_OF, "คณะอนุกรรมการ", "สมาชิกขาดรายได้"),
                new FieldVisits.Visit("9999", AS_OF, "คณะอนุกรรมการ", "-")));

    Part<Integer> part = new FieldVisitsDashboardSection(visits).build(SCOPE);

    assertThat(part.figures()).isEqualTo(2);
    assertThat(part.table().rows())
        .extracting(r -> r.cells().get(1))
        .containsExactly("คลองใหญ่", "9999");
  }
}
