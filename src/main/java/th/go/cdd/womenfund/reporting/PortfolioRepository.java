package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.reporting.AreaQuality.BucketFigure;

/** Set-based portfolio figures per district on any day, and the stored daily snapshots. */
@Repository
public class PortfolioRepository {

  /**
   * Per loan on day :d: outstanding principal (scheduled less what payments dated on or before :d paid
   * of it, with the corrections of reversals: a reversed payment paid nothing, later ones as re-allocated), the part of it due before :d, and the oldest such unpaid due date; then per district, with
   * the loans bucketed by that date (bounds passed as dates, so no date arithmetic differs between H2
   * and PostgreSQL). Loans disbursed after :d or with nothing outstanding do not count.
   */
  private static final String BY_DISTRICT = """
      select x.district_code, d.name_th, count(*),
        sum(x.outstanding), sum(case when x.overdue > 0 then 1 else 0 end), sum(x.overdue),
        sum(case when x.oldest >= :d30 then 1 else 0 end), sum(case when x.oldest >= :d30 then x.overdue else 0 end),
        sum(case when x.oldest < :d30 and x.oldest >= :d60 then 1 else 0 end),
        sum(case when x.oldest < :d30 and x.oldest >= :d60 then x.overdue else 0 end),
        sum(case when x.oldest < :d60 and x.oldest >= :d90 then 1 else 0 end),
        sum(case when x.oldest < :d60 and x.oldest >= :d90 then x.overdue else 0 end),
        sum(case when x.oldest < :d90 then 1 else 0 end), sum(case when x.oldest < :d90 then x.overdue else 0 end)
      from (
        select l.id, l.district_code,
          sum(i.principal - coalesce(p.paid, 0)) as outstanding,
          sum(case when i.due_date < :d then i.principal - coalesce(p.paid, 0) else 0 end) as overdue,
          min(case when i.due_date < :d and i.principal - coalesce(p.paid, 0) > 0 then i.due_date end) as oldest
        from loan_project l
        join repayment_installment i on i.loan_id = l.id
        left join (
          select a.loan_id, a.seq, sum(a.principal) as paid
          from (
            select payment_id, loan_id, seq, principal from payment_allocation
            union all
            select payment_id, loan_id, seq, principal from allocation_correction
          ) a join repayment_payment r on r.id = a.payment_id
          where r.paid_on <= :d
          group by a.loan_id, a.seq
        ) p on p.loan_id = i.loan_id and p.seq = i.seq
        where l.transfer_date <= :d %s
        group by l.id, l.district_code
        having sum(i.principal - coalesce(p.paid, 0)) > 0
      ) x join district d on d.code = x.district_code
      group by x.district_code, d.name_th
      order by x.district_code
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public PortfolioRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Every district with loans outstanding on {@code day}; {@code provinceCode} null for the whole country. */
  public List<AreaQuality> districtsOn(LocalDate day, String provinceCode) {
    String sql = BY_DISTRICT.formatted(provinceCode == null ? "" : "and l.province_code = :province");
    var spec = jdbc.sql(sql).params(Map.of("d", day, "d30", day.minusDays(30), "d60", day.minusDays(60),
        "d90", day.minusDays(90)));
    if (provinceCode != null) {
      spec = spec.param("province", provinceCode);
    }
    return spec.query((rs, n) -> new AreaQuality(AreaQuality.DISTRICT, rs.getString(1), rs.getString(2), rs.getInt(3),
        money(rs, 4), rs.getInt(5), money(rs, 6), List.of(
            new BucketFigure(Bucket.DAYS_1_30, Bucket.DAYS_1_30.labelTh(), rs.getInt(7), money(rs, 8)),
            new BucketFigure(Bucket.DAYS_31_60, Bucket.DAYS_31_60.labelTh(), rs.getInt(9), money(rs, 10)),
            new BucketFigure(Bucket.DAYS_61_90, Bucket.DAYS_61_90.labelTh(), rs.getInt(11), money(rs, 12)),
            new BucketFigure(Bucket.OVER_90, Bucket.OVER_90.labelTh(), rs.getInt(13), money(rs, 14))))).list();
  }

  /** Replaces the day's snapshot with the given rows. */
  public void replaceSnapshot(LocalDate day, List<AreaQuality> rows) {
    jdbc.sql("delete from portfolio_snapshot where snapshot_date = ?").param(day).update();
    Timestamp now = Timestamp.from(Instant.now());
    template.batchUpdate("insert into portfolio_snapshot (snapshot_date, area_level, area_code, loans, outstanding,"
            + " overdue_loans, overdue_amount, loans_1_30, overdue_1_30, loans_31_60, overdue_31_60, loans_61_90,"
            + " overdue_61_90, loans_over_90, overdue_over_90, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500,
        (ps, q) -> {
          ps.setObject(1, day);
          ps.setString(2, q.level());
          ps.setString(3, q.code());
          ps.setInt(4, q.loans());
          ps.setBigDecimal(5, q.outstanding());
          ps.setInt(6, q.overdueLoans());
          ps.setBigDecimal(7, q.overdueAmount());
          int col = 8;
          for (BucketFigure b : q.buckets()) {
            ps.setInt(col++, b.loans());
            ps.setBigDecimal(col++, b.overdueAmount());
          }
          ps.setTimestamp(16, now);
        });
  }

  public boolean hasSnapshot(LocalDate day) {
    return jdbc.sql("select count(*) from portfolio_snapshot where snapshot_date = ?").param(day)
        .query(Integer.class).single() > 0;
  }

  /** A day's snapshot rows (names left to the caller). */
  public List<AreaQuality> snapshot(LocalDate day) {
    return jdbc.sql("select area_level, area_code, loans, outstanding, overdue_loans, overdue_amount, loans_1_30,"
            + " overdue_1_30, loans_31_60, overdue_31_60, loans_61_90, overdue_61_90, loans_over_90, overdue_over_90"
            + " from portfolio_snapshot where snapshot_date = ? order by area_level, area_code")
        .param(day).query(PortfolioRepository::snapshotRow).list();
  }

  public record TrendPoint(LocalDate date, int loans, BigDecimal outstanding, BigDecimal overdueAmount) {}

  public List<TrendPoint> trend(String level, String code, LocalDate from, LocalDate to) {
    return jdbc.sql("select snapshot_date, loans, outstanding, overdue_amount from portfolio_snapshot"
            + " where area_level = ? and area_code = ? and snapshot_date between ? and ? order by snapshot_date")
        .params(level, code, from, to)
        .query((rs, n) -> new TrendPoint(rs.getDate(1).toLocalDate(), rs.getInt(2), money(rs, 3), money(rs, 4))).list();
  }

  private static AreaQuality snapshotRow(ResultSet rs, int n) throws SQLException {
    List<BucketFigure> buckets = new ArrayList<>();
    int col = 7;
    for (Bucket b : Bucket.values()) {
      buckets.add(new BucketFigure(b, b.labelTh(), rs.getInt(col), money(rs, col + 1)));
      col += 2;
    }
    return new AreaQuality(rs.getString(1), rs.getString(2), null, rs.getInt(3), money(rs, 4), rs.getInt(5),
        money(rs, 6), List.copyOf(buckets));
  }

  private static BigDecimal money(ResultSet rs, int col) throws SQLException {
    BigDecimal v = rs.getBigDecimal(col);
    return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  /** Official names of all districts and provinces, by code. */
  public Map<String, String> areaNames() {
    Map<String, String> names = new java.util.HashMap<>();
    jdbc.sql("select code, name_th from district").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    jdbc.sql("select code, name_th from province").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    return names;
  }
}
