package th.go.cdd.womenfund.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A national data set written straight into the tables by set-based PostgreSQL ({@code INSERT ...
 * SELECT FROM generate_series}), a bench fixture only: members spread over every sub-district of
 * the country and registered with the fund, groups each with one disbursed loan of {@code
 * borrowers} members, a monthly schedule per loan, one payment (with its allocation) for most
 * installments due so far, and a year of daily portfolio snapshots. Sizes from system properties
 * ({@code bench.national.members}, {@code .loans}, {@code .installments}); what is already there
 * (recognised by the {@code 8…} national IDs and {@code BN-} contract numbers) is kept, only the
 * missing part is added, so a second run starts at once.
 */
final class NationalDataSet {

  static final long MEMBERS = Long.getLong("bench.national.members", 12_000_000L);
  static final int LOANS = Integer.getInteger("bench.national.loans", 100_000);
  static final long INSTALLMENTS = Long.getLong("bench.national.installments", 1_000_000L);
  static final int BORROWERS = Integer.getInteger("bench.national.borrowers", 5);
  static final int SNAPSHOT_DAYS = Integer.getInteger("bench.national.snapshotDays", 365);
  static final int CHUNK = 500_000;

  /** Generated members have national IDs 8 followed by 12 digits (the check digit not computed). */
  static String nationalId(long n) {
    return "8" + String.format("%012d", n);
  }

  final List<String> log = new ArrayList<>();
  private final DataSource dataSource;
  private final LocalDate today;

  NationalDataSet(DataSource dataSource, LocalDate today) {
    this.dataSource = dataSource;
    this.today = today;
  }

  int perLoan() {
    return (int) Math.max(1, INSTALLMENTS / LOANS);
  }

  void ensure() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      exec(c, "set local synchronous_commit = off");
      exec(
          c,
          "create temp table if not exists bench_sd as select (row_number() over (order by code)) - 1 as n,"
              + " code, district_code, left(district_code, 2) as province_code from sub_district");
      c.commit();
      long subDistricts = single(c, "select count(*) from bench_sd");
      members(c, subDistricts);
      loans(c, subDistricts);
      snapshots(c);
      c.commit();
      // as autovacuum would have left them: statistics and the visibility map (index-only scans)
      c.setAutoCommit(true);
      exec(
          c,
          "vacuum (analyze) member, fund_membership, women_group, loan_project, loan_borrower,"
              + " repayment_installment, repayment_payment, payment_allocation, portfolio_snapshot");
    }
  }

  private void members(Connection c, long subDistricts) throws SQLException {
    long have =
        single(
            c,
            "select coalesce(max(cast(substr(national_id, 2) as bigint)), 0) from member"
                + " where national_id between '8000000000000' and '8999999999999'");
    long t0 = System.nanoTime();
    for (long from = have + 1; from <= MEMBERS; from += CHUNK) {
      long to = Math.min(MEMBERS, from + CHUNK - 1);
      exec(c, "set local synchronous_commit = off");
      update(
          c,
          "insert into member (national_id, full_name, birth_date, resident_since, sub_district_code, created_at)"
              + " select '8' || lpad(g::text, 12, '0'), 'สมาชิกทดสอบ ' || g, date '1955-01-01' + (g % 16000)::int,"
              + " date '1995-01-01' + (g % 9000)::int, s.code, now()"
              + " from generate_series(?::bigint, ?::bigint) g join bench_sd s on s.n = g % ?",
          from,
          to,
          subDistricts);
      // registered with the fund over the last three fiscal years
      update(
          c,
          "insert into fund_membership (member_id, district_code, province_code, registered_on, fiscal_year,"
              + " registered_by, created_at)"
              + " select m.id, s.district_code, s.province_code, r.d,"
              + " extract(year from r.d + interval '3 months')::int + 543, 'bench', now()"
              + " from member m join bench_sd s on s.code = m.sub_district_code"
              + " cross join lateral (select ?::date - (m.id % 1000)::int as d) r"
              + " where m.national_id between ? and ?",
          today,
          nationalId(from),
          nationalId(to));
      c.commit();
    }
    if (have < MEMBERS) {
      log.add(
          String.format(
              "members %,d → %,d (with fund registrations) in %.1f s",
              have, MEMBERS, (System.nanoTime() - t0) / 1e9));
    }
  }

  private void loans(Connection c, long subDistricts) throws SQLException {
    long have = single(c, "select count(*) from loan_project where contract_no like 'BN-%'");
    if (have >= LOANS) {
      return;
    }
    long t0 = System.nanoTime();
    int perLoan = perLoan();
    for (long from = have + 1; from <= LOANS; from += 20_000) {
      long to = Math.min(LOANS, from + 19_999);
      exec(c, "set local synchronous_commit = off");
      update(
          c,
          "insert into women_group (name, sub_district_code, contact_name, contact_email, contact_phone,"
              + " created_at, group_code)"
              + " select 'กลุ่มทดสอบ ' || g, s.code, 'ผู้ประสานงาน ' || g, null, null, now(), 'BN-' || g"
              + " from generate_series(?::bigint, ?::bigint) g join bench_sd s on s.n = (g * 7) % ?",
          from,
          to,
          subDistricts);
      // transfer dates spread over the last ~18 months; status DISBURSED
      update(
          c,
          "insert into loan_project (application_no, group_id, district_code, province_code, purpose,"
              + " occupation_category, requested_amount, term_months, repayment_frequency, status, contract_no,"
              + " contract_date, transfer_date, transfer_reference, interest_rate_pct, created_at, updated_at)"
              + " select 'BN-' || g, w.id, s.district_code, s.province_code, 'ทดสอบขนาดประเทศ',"
              + " (array['AGRICULTURE','TRADE','FOOD_PROCESSING','HANDICRAFT','SERVICE'])[1 + (g % 5)::int],"
              + " ? * 20000.00, ?, 'MONTHLY', 'DISBURSED', 'BN-' || g, t.d - 7, t.d, 'bench', 0.1000, now(), now()"
              + " from generate_series(?::bigint, ?::bigint) g"
              + " join women_group w on w.group_code = 'BN-' || g"
              + " join bench_sd s on s.code = w.sub_district_code"
              + " cross join lateral (select ?::date - 30 - (g % 540)::int as d) t",
          BORROWERS,
          perLoan,
          from,
          to,
          today);
      update(
          c,
          "insert into loan_borrower (loan_id, member_id, amount)"
              + " select l.id, m.id, 20000.00"
              + " from loan_project l cross join generate_series(0, ? - 1) j"
              + " join member m on m.national_id = '8' || lpad(((((cast(substr(l.contract_no, 4) as bigint) - 1) * ? + j)"
              + " % ?) + 1)::text, 12, '0')"
              + " where l.contract_no in (select 'BN-' || g from generate_series(?::bigint, ?::bigint) g)",
          BORROWERS,
          BORROWERS,
          Math.max(1, MEMBERS),
          from,
          to);
      // one installment a month; 85 % of those already due were paid on their day
      update(
          c,
          "insert into repayment_installment (loan_id, seq, due_date, principal, interest, principal_paid,"
              + " interest_paid, settled_on)"
              + " select l.id, q, d.due, p.principal, 8.33,"
              + " case when x.paid then p.principal else 0 end, case when x.paid then 8.33 else 0 end,"
              + " case when x.paid then d.due end"
              + " from loan_project l cross join generate_series(1, ?) q"
              + " cross join lateral (select (l.transfer_date + make_interval(months => q))::date as due) d"
              + " cross join lateral (select round(l.requested_amount / ?, 2) as principal) p"
              + " cross join lateral (select d.due < ? and (l.id * 7 + q) % 20 >= 3 as paid) x"
              + " where l.contract_no in (select 'BN-' || g from generate_series(?::bigint, ?::bigint) g)",
          perLoan,
          perLoan,
          today,
          from,
          to);
      update(
          c,
          "insert into repayment_payment (loan_id, paid_on, amount, reference, source, note, recorded_by,"
              + " recorded_at, approved_by)"
              + " select i.loan_id, i.settled_on, i.principal_paid + i.interest_paid, 'BN-' || i.loan_id || '-' || i.seq,"
              + " 'IMPORT', null, 'bench', now(), 'bench'"
              + " from repayment_installment i join loan_project l on l.id = i.loan_id"
              + " where i.settled_on is not null"
              + " and l.contract_no in (select 'BN-' || g from generate_series(?::bigint, ?::bigint) g)",
          from,
          to);
      update(
          c,
          "insert into payment_allocation (payment_id, loan_id, seq, default_interest, interest, principal)"
              + " select r.id, i.loan_id, i.seq, 0, i.interest_paid, i.principal_paid"
              + " from repayment_installment i join loan_project l on l.id = i.loan_id"
              + " join repayment_payment r on r.loan_id = i.loan_id and r.reference = 'BN-' || i.loan_id || '-' || i.seq"
              + " where i.settled_on is not null"
              + " and l.contract_no in (select 'BN-' || g from generate_series(?::bigint, ?::bigint) g)",
          from,
          to);
      c.commit();
    }
    log.add(
        String.format(
            "loans %,d → %,d (%d borrowers, %d installments each, payments) in %.1f s",
            have, LOANS, BORROWERS, perLoan, (System.nanoTime() - t0) / 1e9));
  }

  /**
   * A year of daily snapshots up to yesterday (national, provinces, districts), figures derived
   * from each district's loans so that the trend has the country's shape.
   */
  private void snapshots(Connection c) throws SQLException {
    LocalDate first = today.minusDays(SNAPSHOT_DAYS);
    long have =
        single(
            c,
            "select count(distinct snapshot_date) from portfolio_snapshot where snapshot_date >= ?"
                + " and snapshot_date < ?",
            first,
            today);
    if (have >= SNAPSHOT_DAYS) {
      return;
    }
    long t0 = System.nanoTime();
    exec(
        c,
        "create temp table bench_area as"
            + " select 'DISTRICT'::varchar as lvl, district_code as code, count(*) as loans,"
            + " sum(requested_amount) as amount from loan_project where contract_no like 'BN-%'"
            + " group by district_code"
            + " union all select 'PROVINCE', province_code, count(*), sum(requested_amount) from loan_project"
            + " where contract_no like 'BN-%' group by province_code"
            + " union all select 'NATIONAL', 'TH', count(*), sum(requested_amount) from loan_project"
            + " where contract_no like 'BN-%'");
    update(
        c,
        "insert into portfolio_snapshot (snapshot_date, area_level, area_code, loans, outstanding,"
            + " overdue_loans, overdue_amount, loans_1_30, overdue_1_30, loans_31_60, overdue_31_60, loans_61_90,"
            + " overdue_61_90, loans_over_90, overdue_over_90, created_at)"
            + " select d.day, a.lvl, a.code, a.loans, round(a.amount * f.o, 2), a.loans * 3 / 20,"
            + " round(a.amount * f.o * 0.05, 2), a.loans / 10, round(a.amount * f.o * 0.02, 2), a.loans / 40,"
            + " round(a.amount * f.o * 0.015, 2), a.loans / 80, round(a.amount * f.o * 0.01, 2), a.loans / 80,"
            + " round(a.amount * f.o * 0.005, 2), now()"
            + " from generate_series(?::date, ?::date, interval '1 day') d(day)"
            + " cross join lateral (select 0.5 + 0.3 * (extract(doy from d.day) / 366.0) as o) f"
            + " cross join bench_area a"
            + " where not exists (select 1 from portfolio_snapshot p where p.snapshot_date = d.day::date)",
        first,
        today.minusDays(1));
    exec(c, "drop table bench_area");
    c.commit();
    log.add(
        String.format(
            "snapshots: %d days in %.1f s", SNAPSHOT_DAYS, (System.nanoTime() - t0) / 1e9));
  }

  /** Row counts of the tables the data set fills. */
  List<String> counts() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String t :
          List.of(
              "member",
              "fund_membership",
              "women_group",
              "loan_project",
              "loan_borrower",
              "repayment_installment",
              "repayment_payment",
              "payment_allocation",
              "portfolio_snapshot")) {
        // the planner's estimate after analyze: exact enough, instant at 12 million rows
        out.add(
            String.format(
                "%s ≈ %,d",
                t,
                single(c, "select reltuples::bigint from pg_class where relname = '" + t + "'")));
      }
      out.add(
          String.format(
              "provinces with loans: %d, districts with loans: %d",
              single(
                  c,
                  "select count(distinct province_code) from loan_project where contract_no like 'BN-%'"),
              single(
                  c,
                  "select count(distinct district_code) from loan_project where contract_no like 'BN-%'")));
    }
    return out;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  static long single(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
