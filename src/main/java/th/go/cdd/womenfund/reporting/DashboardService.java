package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.budget.SubsidyAllocationProcess;
import th.go.cdd.womenfund.budget.SubsidyAllocationRepository;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.membership.DmnMembershipRules;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.overdue.FieldVisits;
import th.go.cdd.womenfund.overdue.OverdueSettings;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.reporting.Table.Percent;
import th.go.cdd.womenfund.reporting.Table.Row;
import th.go.cdd.womenfund.restructuring.PackageStatus;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.restructuring.RestructuringRounds;
import th.go.cdd.womenfund.restructuring.RestructuringRounds.RoundPackage;
import th.go.cdd.womenfund.restructuring.RestructuringSettings;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The live figures of a province for its supervisors (and the briefing): overdue debt against the target,
 * members against the Department's target, restructuring packages and their deadlines, the subsidy
 * allocation, the administrative budget disbursed, field visits. Each section exists only when its data does.
 */
@Service
public class DashboardService {

  private final AreaRepository areas;
  private final OverdueFigures overdue;
  private final MembershipService membership;
  private final SubsidyAllocationRepository allocations;
  private final AdminBudgetService budgets;
  private final FieldVisits visits;
  private final RestructuringRounds rounds;
  private final HistoryService history;
  private final CamundaLinks links;
  private final BigDecimal overdueTargetPct;
  private final RestructuringSettings restructuring;

  public DashboardService(AreaRepository areas, OverdueFigures overdue, MembershipService membership,
                          SubsidyAllocationRepository allocations, AdminBudgetService budgets, FieldVisits visits,
                          RestructuringRounds rounds, HistoryService history, CamundaLinks links,
                          OverdueSettings overdueSettings, RestructuringSettings restructuring) {
    this.areas = areas;
    this.overdue = overdue;
    this.membership = membership;
    this.allocations = allocations;
    this.budgets = budgets;
    this.visits = visits;
    this.rounds = rounds;
    this.history = history;
    this.links = links;
    this.overdueTargetPct = overdueSettings.targetPct();
    this.restructuring = restructuring;
  }

  /** The headline figures the briefing quotes. */
  public record Figures(BigDecimal overdueTargetPct, BigDecimal outstanding, BigDecimal overdueAmount, BigDecimal overdueRatio,
                        List<String> districtsAboveTarget, Integer memberTarget, int members, int organisations,
                        BigDecimal memberPct, List<String> restructuringDistricts, BigDecimal restructuringTotal,
                        List<String> restructuringLate, String allocationText, BigDecimal budgetTotal,
                        BigDecimal budgetDisbursed, BigDecimal budgetPct, int visits, int restructuredLoans,
                        BigDecimal restructuredAmount) {}

  public record Dashboard(Province province, ThaiFiscalYear fiscalYear, LocalDate asOf, Figures figures,
                          Table overdue, Table members, Table restructuring, Table allocation, Table budget, Table visits,
                          Map<String, Object> charts, Table restructured) {

    public List<Table> tables() {
      return java.util.stream.Stream.of(overdue, members, restructuring, restructured, allocation, budget, visits)
          .filter(t -> t != null).toList();
    }

    public Optional<Table> table(String id) {
      return tables().stream().filter(t -> t.id().equals(id)).findFirst();
    }
  }

  public Dashboard dashboard(String provinceCode, ThaiFiscalYear fy, LocalDate asOf) {
    Province province = areas.province(provinceCode).orElseThrow();
    List<District> districts = areas.districtsOf(provinceCode);
    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("districts", districts.stream().map(District::nameTh).toList());

    // 1. overdue debt against the target
    Map<String, OverdueFigures.DistrictOverdue> debt = overdue.byDistrict(provinceCode, asOf).stream()
        .collect(Collectors.toMap(OverdueFigures.DistrictOverdue::districtCode, Function.identity()));
    Table overdueTable = null;
    BigDecimal outstanding = BigDecimal.ZERO.setScale(2);
    BigDecimal overdueAmount = BigDecimal.ZERO.setScale(2);
    List<String> above = new ArrayList<>();
    BigDecimal ratio = null;
    if (debt.values().stream().anyMatch(d -> d.outstanding().signum() > 0)) {
      List<Row> rows = new ArrayList<>();
      List<BigDecimal> ratios = new ArrayList<>();
      for (District d : districts) {
        OverdueFigures.DistrictOverdue o = debt.get(d.code());
        BigDecimal r = o == null ? null : o.ratioPct();
        boolean alert = r != null && r.compareTo(overdueTargetPct) > 0;
        if (alert) {
          above.add(d.nameTh());
        }
        ratios.add(r == null ? BigDecimal.ZERO : r);
        rows.add(Row.of(links.processDefinition(LoanApplicationProcess.KEY, "districtCode", d.code()), alert, d.nameTh(),
            o == null ? BigDecimal.ZERO.setScale(2) : o.outstanding(), o == null ? BigDecimal.ZERO.setScale(2) : o.overdue(),
            new Percent(r), r == null ? "ไม่มีหนี้" : alert ? "สูงกว่าเป้าหมาย" : "ไม่เกินเป้าหมาย"));
        if (o != null) {
          outstanding = outstanding.add(o.outstanding());
          overdueAmount = overdueAmount.add(o.overdue());
        }
      }
      ratio = new OverdueFigures.DistrictOverdue(provinceCode, outstanding, overdueAmount).ratioPct();
      overdueTable = new Table("overdue", "หนี้เกินกำหนดชำระรายอำเภอ ณ วันที่ " + Cells.text(asOf)
          + " (เป้าหมาย ไม่เกินร้อยละ " + overdueTargetPct.stripTrailingZeros().toPlainString() + ")",
          List.of("อำเภอ", "ยอดหนี้คงค้าง (บาท)", "หนี้เกินกำหนดชำระ (บาท)", "ร้อยละหนี้เกินกำหนด", "เทียบเป้าหมาย"),
          rows, Row.of(null, ratio != null && ratio.compareTo(overdueTargetPct) > 0, "รวมทั้งจังหวัด", outstanding,
              overdueAmount, new Percent(ratio), ""));
      charts.put("overdue", Map.of("ratios", ratios, "target", overdueTargetPct));
    }

    // 3. members against the Department's target
    MembershipService.Progress progress = membership.progress(provinceCode, fy);
    Table membersTable = null;
    if (progress.target() != null || progress.individuals() + progress.organisations() > 0) {
      String link = "/membership/targets?province=" + provinceCode;
      List<Row> rows = progress.districts().stream().map(p -> Row.of(link, false, p.districtName(), p.individuals(),
          p.organisations())).toList();
      membersTable = new Table("members", "สมาชิกใหม่ " + fy.label() + (progress.target() == null ? ""
          : " (เป้าหมายสมาชิกประเภทบุคคลธรรมดา " + Cells.text(progress.target()) + " คน)"),
          List.of("อำเภอ", "สมาชิกประเภทบุคคลธรรมดา (คน)", "องค์กรสตรี (แห่ง)"), rows,
          Row.of(links.decisionDefinition(DmnMembershipRules.DECISION), false, "รวมทั้งจังหวัด", progress.individuals(),
              progress.organisations()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("counts", progress.districts().stream().map(MembershipService.DistrictProgress::individuals).toList());
      m.put("total", progress.individuals());
      m.put("target", progress.target());
      charts.put("members", m);
    }

    // 2. restructuring packages of the latest round, with their deadlines
    Table restructuringTable = null;
    List<String> sentDistricts = new ArrayList<>();
    List<String> late = new ArrayList<>();
    BigDecimal sentTotal = BigDecimal.ZERO.setScale(2);
    Map<String, String> names = districts.stream().collect(Collectors.toMap(District::code, District::nameTh));
    List<RoundPackage> packages = rounds.latestRoundPackages(provinceCode);
    if (!packages.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (RoundPackage p : packages) {
        String deadline = "";
        boolean alert = false;
        if (p.submissionDue() != null) {
          long days = ChronoUnit.DAYS.between(asOf, p.submissionDue());
          if (p.submittedOnTime() != null) {
            deadline = p.submittedOnTime() ? "ส่งกรมตามกำหนด" : "ส่งกรมเลยกำหนด";
            alert = !p.submittedOnTime();
          } else if (days < 0) {
            deadline = "เลยกำหนด " + (-days) + " วัน";
            alert = true;
          } else {
            deadline = days == 0 ? "ครบกำหนดวันนี้" : "เหลือ " + days + " วัน";
            alert = days <= 2;
          }
          if (alert) {
            late.add(names.get(p.districtCode()));
          }
        }
        PackageStatus status = PackageStatus.valueOf(p.status());
        if (p.total() != null && p.total().signum() > 0) {
          sentDistricts.add(names.get(p.districtCode()));
          sentTotal = sentTotal.add(p.total());
        }
        rows.add(Row.of(p.processInstanceId() == null ? links.processDefinition(RestructuringProcess.PACKAGE_KEY, null, null)
                : links.processInstance(p.processInstanceId()), alert, names.get(p.districtCode()), status.labelTh(),
            p.total(), p.receivedOn(), p.submissionDue(), deadline));
      }
      restructuringTable = new Table("restructuring", "การปรับโครงสร้างหนี้: " + packages.get(0).roundTitle(),
          List.of("อำเภอ", "สถานะ", "ยอดหนี้ที่ขอปรับ (บาท)", "จังหวัดได้รับเอกสาร", restructuringDueHeader(), "กำหนดเวลา"),
          rows, Row.of(null, false, "ส่งเอกสารแล้ว " + sentDistricts.size() + " อำเภอ", "", sentTotal, null, null, ""));
    }

    // 2. loans the Department approved for restructuring: rescheduled, their own figure (count and baht per district)
    Table restructuredTable = null;
    int restructuredLoans = 0;
    BigDecimal restructuredAmount = BigDecimal.ZERO.setScale(2);
    List<RestructuringRounds.Restructured> restructured = rounds.restructuredByDistrict(provinceCode, asOf);
    if (!restructured.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (RestructuringRounds.Restructured r : restructured) {
        rows.add(Row.of(links.decisionDefinition(RestructuringProcess.TERMS_DECISION), false,
            names.getOrDefault(r.districtCode(), r.districtCode()), r.loans(), r.carried()));
        restructuredLoans += r.loans();
        restructuredAmount = restructuredAmount.add(r.carried());
      }
      restructuredTable = new Table("restructured", "ปรับโครงสร้างหนี้แล้ว (กรมอนุมัติ ชำระตามตารางใหม่) ถึงวันที่ "
          + Cells.text(asOf),
          List.of("อำเภอ", "สัญญาที่ปรับโครงสร้างหนี้ (สัญญา)", "ยอดหนี้ที่ยกไปตารางใหม่ (บาท)"), rows,
          Row.of(null, false, "รวมทั้งจังหวัด", restructuredLoans, restructuredAmount));
    }

    // 4.1 the subsidy allocation of the year
    Table allocationTable = null;
    String allocationText = null;
    Optional<SubsidyAllocationRepository.Allocation> allocation = allocations.current(provinceCode, fy.buddhistYear());
    if (allocation.isPresent()) {
      SubsidyAllocationRepository.Allocation a = allocation.get();
      String link = a.processInstanceId() != null && history.createHistoricProcessInstanceQuery()
          .processInstanceId(a.processInstanceId()).unfinished().count() > 0
          ? links.processInstance(a.processInstanceId())
          : links.processDefinition(SubsidyAllocationProcess.KEY, null, null);
      List<SubsidyAllocationRepository.Line> lines = allocations.lines(a.id());
      List<Row> rows = lines.stream().map(l -> Row.of(link, false, names.get(l.districtCode()), l.subDistricts(), l.members(),
          new Percent(l.overduePct()), l.amount())).toList();
      BigDecimal total = lines.stream().map(SubsidyAllocationRepository.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      allocationText = "งบประมาณเงินอุดหนุน " + Cells.text(a.budget()) + " บาท จัดสรร" + a.basis().thai() + " ("
          + a.status().thai() + ")";
      allocationTable = new Table("allocation", "การจัดสรรเงินอุดหนุน " + fy.label() + ": " + a.basis().thai() + " — "
          + a.status().thai(), List.of("อำเภอ", "ตำบล", "สมาชิก (คน)", "หนี้เกินกำหนด (%)", "ได้รับจัดสรร (บาท)"), rows,
          Row.of(link, false, "รวม", lines.stream().mapToInt(SubsidyAllocationRepository.Line::subDistricts).sum(),
              lines.stream().mapToInt(SubsidyAllocationRepository.Line::members).sum(), null, total));
      charts.put("allocation", Map.of("amounts", lines.stream().map(SubsidyAllocationRepository.Line::amount).toList()));
    }

    // 6. administrative budget disbursed
    AdminBudgetService.Summary budget = budgets.summary(provinceCode, fy);
    Table budgetTable = null;
    if (budget.hasBudget()) {
      String link = "/budget?province=" + provinceCode + "&year=" + fy.buddhistYear();
      List<Row> rows = budget.districts().stream().map(b -> Row.of(link, false, b.districtName(), b.budget(), b.disbursed(),
          b.remaining(), new Percent(b.percentDisbursed()))).toList();
      budgetTable = new Table("budget", "การเบิกจ่ายงบบริหารของอำเภอ " + fy.label(),
          List.of("อำเภอ", "งบบริหาร (บาท)", "เบิกจ่ายแล้ว (บาท)", "คงเหลือ (บาท)", "ร้อยละที่เบิกจ่าย"), rows,
          Row.of(link, false, "รวมทั้งจังหวัด", budget.budget(), budget.disbursed(), budget.budget().subtract(budget.disbursed()),
              new Percent(budget.percentDisbursed())));
      charts.put("budget", Map.of("pct", budget.districts().stream()
          .map(b -> b.percentDisbursed() == null ? BigDecimal.ZERO : b.percentDisbursed()).toList()));
    }

    // 4.4 field visits of the fiscal year
    List<FieldVisits.Visit> visitList = visits.between(provinceCode, fy.firstDay(), fy.lastDay());
    Table visitsTable = visitList.isEmpty() ? null : new Table("visits", "การลงพื้นที่ติดตาม " + fy.label(),
        List.of("วันที่", "อำเภอ", "คณะที่ลงพื้นที่", "ข้อค้นพบ"),
        visitList.stream().map(v -> Row.of(null, false, v.visitedOn(), names.getOrDefault(v.districtCode(), v.districtCode()),
            v.team(), v.findings())).toList(), null);

    Figures figures = new Figures(overdueTargetPct, outstanding, overdueAmount, ratio, above, progress.target(),
        progress.individuals(), progress.organisations(), progress.percentOfTarget(), sentDistricts, sentTotal, late,
        allocationText, budget.budget(), budget.disbursed(), budget.percentDisbursed(), visitList.size(),
        restructuredLoans, restructuredAmount);
    return new Dashboard(province, fy, asOf, figures, overdueTable, membersTable, restructuringTable, allocationTable,
        budgetTable, visitsTable, charts, restructuredTable);
  }

  /** The header of the restructuring table's deadline column: the rule as configured ("N วัน" or "N วันทำการ"). */
  String restructuringDueHeader() {
    return "กำหนดส่งกรม (" + restructuring.deadlineText() + ")";
  }

  static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
