package th.go.cdd.womenfund.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.overdue.FieldVisit;
import th.go.cdd.womenfund.overdue.FollowUpRepository;
import th.go.cdd.womenfund.overdue.OverdueScan;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.reporting.PortfolioQuality;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Demo profile, after {@link DemoData}: four disbursed loans in each of Trat's seven districts, a
 * year into 24 monthly installments, with repayment histories such that เมืองตราด, เขาสมิง, เกาะกูด
 * and เกาะช้าง stay under the 5% overdue target and คลองใหญ่, บ่อไร่ and แหลมงอบ are above it --
 * the three districts whose restructuring packages {@link DemoRestructuring} sends (seed item 2) --
 * (groups that stopped paying 1 to 9 installments ago, so every delinquency bucket has a loan).
 * Then the overdue scan runs (follow-ups at every rung appear in Tasklist), weekly portfolio
 * snapshots of the last twelve weeks are stored (the trend), and one death claim waits for the
 * provincial sub-committee. Idempotent: nothing is added when demo payments exist.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoRepayments implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRepayments.class);
  static final int TERM = 24;

  /**
   * Per district: installments each of its four loans paid before stopping (12 = all that fell
   * due).
   */
  static final Map<String, int[]> PAID =
      Map.of(
          "2301", new int[] {12, 12, 12, 12},
          "2302", new int[] {12, 9, 9, 12},
          "2303", new int[] {12, 12, 12, 10},
          "2304", new int[] {6, 12, 8, 12},
          "2305", new int[] {12, 3, 12, 12},
          "2306", new int[] {12, 12, 12, 11},
          "2307", new int[] {12, 12, 12, 12});

  static final String[] GROUPS = {
    "กลุ่มแม่บ้านพัฒนา", "กลุ่มสตรีออมทรัพย์", "กลุ่มอาชีพสตรี", "กลุ่มวิสาหกิจสตรี"
  };

  private final JdbcClient jdbc;
  private final AreaRepository areas;
  private final DisbursedLoans disbursed;
  private final LoanRepository loans;
  private final PaymentService payments;
  private final OverdueScan scan;
  private final PortfolioQuality quality;
  private final ProcessEngine engine;
  private final FollowUpRepository followUps;
  private final TransactionTemplate tx;

  public DemoRepayments(
      JdbcClient jdbc,
      AreaRepository areas,
      DisbursedLoans disbursed,
      LoanRepository loans,
      PaymentService payments,
      OverdueScan scan,
      PortfolioQuality quality,
      ProcessEngine engine,
      FollowUpRepository followUps,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.disbursed = disbursed;
    this.loans = loans;
    this.payments = payments;
    this.scan = scan;
    this.quality = quality;
    this.engine = engine;
    this.followUps = followUps;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from repayment_payment where source = 'DEMO'")
            .query(Integer.class)
            .single()
        > 0) {
      return;
    }
    LocalDate today = EngineClock.today();
    Map<String, Long> firstLoanOf = tx.execute(s -> loansWithHistories(today));
    scan.run(today);
    for (int week = 12; week >= 0; week--) {
      quality.snapshot(today.minusWeeks(week));
    }
    fieldVisits(today);
    deathClaim(firstLoanOf.get("2303"), today);
    LOG.info(
        "demo repayments of Trat created: {} loans, follow-ups and {} weekly snapshots",
        4 * PAID.size(),
        13);
  }

  /** The loans and their payments; returns the first loan of each district. */
  Map<String, Long> loansWithHistories(LocalDate today) {
    Map<String, Long> first = new HashMap<>();
    // the twelfth installment fell due five days ago
    LocalDate transfer = today.minusMonths(12).minusDays(5);
    int n = 0;
    for (District d : areas.districtsOf(DemoData.PROVINCE)) {
      List<SubDistrict> subs = areas.subDistrictsOf(d.code());
      int[] paid = PAID.getOrDefault(d.code(), new int[] {12, 12, 12, 12});
      for (int j = 0; j < paid.length; j++) {
        SubDistrict s = subs.get((j * 3 + 1) % subs.size());
        String each = List.of("10000.00", "15000.00", "20000.00", "12000.00").get((n + j) % 4);
        long id =
            disbursed.insert(
                DisbursedLoans.group(
                    s.code(), GROUPS[j] + "บ้าน" + s.nameTh(), 5, each, TERM, transfer));
        first.putIfAbsent(d.code(), id);
        payHistory(id, paid[j], d.code().equals("2307") && j == 1, today);
      }
      n++;
    }
    return first;
  }

  /**
   * Pays the first {@code count} installments on their due dates (one of them 20 days late when
   * asked).
   */
  void payHistory(long loanId, int count, boolean oneLate, LocalDate today) {
    List<Installment> schedule = loans.schedule(loanId);
    for (int k = 0; k < count && k < schedule.size(); k++) {
      Installment i = schedule.get(k);
      LocalDate day = oneLate && k == 4 ? i.dueDate().plusDays(20) : i.dueDate();
      if (day.isAfter(today)) {
        break;
      }
      BigDecimal amount =
          day.isAfter(i.dueDate()) ? payments.balance(loanId, day).arrears() : i.total();
      payments.record(
          loanId,
          new PaymentInput(
              null,
              ThaiDates.formatNumeric(day),
              amount.toPlainString(),
              "DEMO-" + loanId + "-" + i.seq(),
              "ข้อมูลตัวอย่าง"),
          PaymentSource.DEMO,
          null,
          day);
    }
  }

  /**
   * A borrower of the district's first loan died ten days ago; the claim waits for the province.
   */
  void deathClaim(Long loanId, LocalDate today) {
    if (loanId == null) {
      return;
    }
    List<String> row =
        jdbc.sql(
                "select l.contract_no, l.district_code, m.national_id from loan_project l"
                    + " join loan_borrower b on b.loan_id = l.id join member m on m.id = b.member_id where l.id = ?"
                    + " order by m.id fetch first 1 rows only")
            .param(loanId)
            .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    Map<String, Object> vars = new HashMap<>();
    vars.put(DeathClaimProcess.Var.LOAN_NUMBER, row.get(0));
    vars.put(DeathClaimProcess.Var.BORROWER_ID, row.get(2));
    vars.put(DeathClaimProcess.Var.DEATH_DATE, ThaiDates.formatNumeric(today.minusDays(10)));
    vars.put(DeathClaimProcess.Var.CERTIFICATE_NO, "มบ." + row.get(1) + "/0042");
    engine
        .getIdentityService()
        .setAuthentication("officer" + row.get(1), List.of(Roles.districtOfficers(row.get(1))));
    try {
      engine.getRuntimeService().startProcessInstanceByKey(DeathClaimProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * Seed item 4.4: the provincial secretariat went with the district sub-committee and the
   * sub-district working group to a group behind in แหลมงอบ and one in บ่อไร่, earlier this fiscal
   * year (visits recorded as at the follow-up's field-visit rung; the dashboard and the briefing
   * show them).
   */
  private void fieldVisits(LocalDate today) {
    LocalDate first = ThaiFiscalYear.of(today).firstDay();
    Object[][] visits = {
      {
        "2305",
        12,
        "นางสาวมาลี ศรีสุข (อนุกรรมการฯ อำเภอแหลมงอบ)",
        "นางบุญเรือน ทองดี (คณะทำงานฯ ตำบลคลองใหญ่)",
        "นายประเสริฐ ใจดี (ฝ่ายเลขานุการฯ จังหวัด)",
        "ยอดขายอาหารทะเลแปรรูปลดลงหลังมรสุม สมาชิก 2 รายย้ายไปทำงานนอกพื้นที่",
        "ชำระงวดค้างเดือนละ 2,000 บาท เริ่มเดือนหน้า และหาตลาดออนไลน์ร่วมกับพัฒนาการอำเภอ"
      },
      {
        "2304",
        5,
        "นางสมพร แก้วมณี (อนุกรรมการฯ อำเภอบ่อไร่)",
        "นางจันทร์เพ็ญ รักษ์ไทย (คณะทำงานฯ ตำบลบ่อพลอย)",
        "นายประเสริฐ ใจดี (ฝ่ายเลขานุการฯ จังหวัด)",
        "ราคาพลอยตกต่ำ รายได้กลุ่มไม่พอชำระ สมาชิกต้องการปรับโครงสร้างหนี้",
        "ส่งเรื่องเข้ารอบปรับโครงสร้างหนี้ของจังหวัด ระหว่างนี้ชำระดอกเบี้ยทุกเดือน"
      }
    };
    for (Object[] v : visits) {
      Long followUp =
          jdbc.sql(
                  "select min(f.id) from overdue_follow_up f join loan_project l on l.id = f.loan_id"
                      + " where l.district_code = ? and f.ended_on is null")
              .param(v[0])
              .query(Long.class)
              .optional()
              .orElse(null);
      if (followUp == null) {
        continue;
      }
      long loanId =
          jdbc.sql("select loan_id from overdue_follow_up where id = ?")
              .param(followUp)
              .query(Long.class)
              .single();
      LocalDate on = today.minusDays((Integer) v[1]);
      followUps.insertFieldVisit(
          followUp,
          loanId,
          new FieldVisit(
              on.isBefore(first) ? first : on,
              (String) v[2],
              (String) v[3],
              (String) v[4],
              (String) v[5],
              (String) v[6],
              null,
              null),
          "provofficer23");
    }
  }
}
