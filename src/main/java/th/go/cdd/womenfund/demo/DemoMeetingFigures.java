package th.go.cdd.womenfund.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.budget.SubsidyAllocationProcess;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Demo of the meeting's other figures for Trat, in the current fiscal year: the Department's target
 * of 1,900 new individual members (as in the seed) and the members each district has registered so
 * far, a few women's organisations, each district's administrative budget with its disbursements,
 * and the year's subsidy allocation approved by the provincial sub-committee. Idempotent: each part
 * only when missing.
 */
@Component
@Profile("demo")
@Order(30)
public class DemoMeetingFigures implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMeetingFigures.class);
  static final String PROVINCE = DemoData.PROVINCE;
  static final int TARGET = 1900;

  /** Members registered so far this year, per district of Trat. */
  static final Map<String, Integer> MEMBERS =
      Map.of("2301", 212, "2302", 64, "2303", 118, "2304", 97, "2305", 83, "2306", 21, "2307", 45);

  /** Administrative budget per district, and how much of it is disbursed. */
  static final Map<String, long[]> BUDGET =
      Map.of(
          "2301",
          new long[] {60_000, 41_250},
          "2302",
          new long[] {35_000, 12_600},
          "2303",
          new long[] {45_000, 30_150},
          "2304",
          new long[] {40_000, 9_800},
          "2305",
          new long[] {40_000, 27_500},
          "2306",
          new long[] {25_000, 4_000},
          "2307",
          new long[] {30_000, 18_900});

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final AreaRepository areas;
  private final MembershipService membership;
  private final AdminBudgetService budgets;
  private final HistoricLoans historic;

  public DemoMeetingFigures(
      ProcessEngine engine,
      JdbcClient jdbc,
      AreaRepository areas,
      MembershipService membership,
      AdminBudgetService budgets,
      HistoricLoans historic) {
    this.historic = historic;
    this.engine = engine;
    this.jdbc = jdbc;
    this.areas = areas;
    this.membership = membership;
    this.budgets = budgets;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = EngineClock.today();
    ThaiFiscalYear fy = ThaiFiscalYear.of(today);
    Actor provinceOfficer = new Actor("provofficer23", List.of(Roles.provinceOfficers(PROVINCE)));
    if (membership.progress(PROVINCE, fy).target() == null) {
      membership.setTarget(PROVINCE, fy.toString(), Integer.toString(TARGET), provinceOfficer);
    }
    ensureMembers();
    if (jdbc.sql("select count(*) from admin_budget where province_code = ? and fiscal_year = ?")
            .params(PROVINCE, fy.buddhistYear())
            .query(Integer.class)
            .single()
        == 0) {
      budget(today, fy, provinceOfficer);
    }
    if (jdbc.sql(
                "select count(*) from loan_project where district_code = '2301' and status = 'DISBURSED'")
            .query(Integer.class)
            .single()
        == 0) {
      recentLoans(today);
    }
    if (jdbc.sql("select count(*) from subsidy_allocation where province_code = ?")
            .param(PROVINCE)
            .query(Integer.class)
            .single()
        == 0) {
      allocation(fy);
    }
  }

  /**
   * The members each district has registered so far this year, when missing. Also called first by
   * {@link DemoData}: its applications' borrowers are these members (issue 13).
   */
  void ensureMembers() {
    if (jdbc.sql("select count(*) from fund_membership where province_code = ?")
            .param(PROVINCE)
            .query(Integer.class)
            .single()
        == 0) {
      LocalDate today = EngineClock.today();
      members(today, ThaiFiscalYear.of(today));
    }
  }

  private void members(LocalDate today, ThaiFiscalYear fy) {
    long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(fy.firstDay(), today));
    int person = 300_000;
    for (District d : areas.districtsOf(PROVINCE)) {
      Actor officer = new Actor("officer" + d.code(), List.of(Roles.districtOfficers(d.code())));
      List<SubDistrict> subs = areas.subDistrictsOf(d.code());
      int n = MEMBERS.getOrDefault(d.code(), 0);
      for (int i = 0; i < n; i++, person++) {
        LocalDate on = fy.firstDay().plusDays((i * 7919L) % (span + 1));
        LocalDate birth = on.minusYears(18 + person % 45).minusDays(person % 300);
        LocalDate since = on.minusYears(1 + person % 20);
        membership.registerIndividual(
            new MembershipService.IndividualInput(
                DemoPeople.nationalId(person),
                DemoPeople.woman(person),
                ThaiDates.formatNumeric(birth),
                ThaiDates.formatNumeric(since),
                subs.get(i % subs.size()).code(),
                true,
                true),
            officer,
            on);
      }
      membership.registerOrganisation(
          new MembershipService.OrganisationInput(
              "กลุ่มสตรีพัฒนาตำบล" + subs.get(0).nameTh(),
              subs.get(0).code(),
              DemoPeople.woman(person),
              "08" + String.format("%08d", 20000000 + person % 1000),
              "30"),
          officer,
          fy.firstDay().plusDays(span / 2));
    }
    LOG.info(
        "demo members of Trat registered ({} individuals against the target of {})",
        MEMBERS.values().stream().mapToInt(Integer::intValue).sum(),
        TARGET);
  }

  private void budget(LocalDate today, ThaiFiscalYear fy, Actor provinceOfficer) {
    for (District d : areas.districtsOf(PROVINCE)) {
      long[] b = BUDGET.get(d.code());
      budgets.setBudget(d.code(), fy.toString(), Long.toString(b[0]), provinceOfficer);
      long first = b[1] * 3 / 5;
      budgets.recordDisbursement(
          d.code(),
          fy.toString(),
          ThaiDates.formatNumeric(fy.firstDay().plusDays(10)),
          Long.toString(first),
          "ค่าประชุมคณะอนุกรรมการกลั่นกรองฯ อำเภอ",
          provinceOfficer,
          today);
      budgets.recordDisbursement(
          d.code(),
          fy.toString(),
          ThaiDates.formatNumeric(today),
          Long.toString(b[1] - first),
          "ค่าพาหนะลงพื้นที่ติดตามกลุ่มสตรีที่กู้ยืม",
          provinceOfficer,
          today);
    }
    LOG.info("demo administrative budget of Trat recorded");
  }

  /**
   * Loans disbursed three weeks ago in the districts without debt: owed, nothing due yet (0%
   * overdue).
   */
  private void recentLoans(LocalDate today) {
    int seed = 900;
    for (String sub : List.of("230101", "230301", "230601", "230701")) {
      historic.disbursed(
          sub,
          "กลุ่มสตรีแปรรูปผลไม้ " + seed,
          HistoricLoans.split(new BigDecimal("150000.00"), 5),
          today.minusDays(20),
          24,
          seed++);
    }
  }

  /**
   * The year's subsidy proposed by the province's officer (weighted mix) and approved by the
   * sub-committee.
   */
  private void allocation(ThaiFiscalYear fy) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SubsidyAllocationProcess.Var.PROVINCE_CODE, PROVINCE);
    vars.put(SubsidyAllocationProcess.Var.FISCAL_YEAR, fy.toString());
    vars.put(SubsidyAllocationProcess.Var.BUDGET, new BigDecimal("1000000").toPlainString());
    vars.put(SubsidyAllocationProcess.Var.BASIS, "WEIGHTED");
    vars.put(SubsidyAllocationProcess.Var.WEIGHT_SUB_DISTRICTS, "40");
    vars.put(SubsidyAllocationProcess.Var.WEIGHT_MEMBERS, "40");
    vars.put(SubsidyAllocationProcess.Var.WEIGHT_OVERDUE, "20");
    try {
      engine
          .getIdentityService()
          .setAuthentication("provofficer23", List.of(Roles.provinceOfficers(PROVINCE)));
      String pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(SubsidyAllocationProcess.KEY, vars)
              .getId();
      engine
          .getIdentityService()
          .setAuthentication("provcommittee23", List.of(Roles.provinceCommittee(PROVINCE)));
      Task t = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
      engine
          .getTaskService()
          .complete(
              t.getId(),
              Map.of(
                  SubsidyAllocationProcess.Var.DECISION,
                  "APPROVE",
                  SubsidyAllocationProcess.Var.REASON,
                  "มติคณะอนุกรรมการกองทุนพัฒนาบทบาทสตรีจังหวัดตราด"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    LOG.info("demo subsidy allocation of Trat approved");
  }
}
