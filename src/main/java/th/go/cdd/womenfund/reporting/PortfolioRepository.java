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
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.repayment.PortfolioArrears;
import th.go.cdd.womenfund.reporting.AreaQuality.BucketFigure;

/**
 * Portfolio figures per district on any day (from repayment's {@link PortfolioArrears}), and the
 * stored daily snapshots (reporting's own table).
 */
@Repository
public class PortfolioRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final PortfolioArrears arrears;
  private final AreaRepository areas;

  public PortfolioRepository(
      JdbcClient jdbc, JdbcTemplate template, PortfolioArrears arrears, AreaRepository areas) {
    this.jdbc = jdbc;
    this.template = template;
    this.arrears = arrears;
    this.areas = areas;
  }

  /**
   * Every district with loans outstanding on {@code day}; {@code provinceCode} null for the whole
   * country. The figures come from the repayment ledger ({@link PortfolioArrears}), the names from
   * area.
   */
  public List<AreaQuality> districtsOn(LocalDate day, String provinceCode) {
    List<PortfolioArrears.DistrictArrears> rows = arrears.byDistrictOn(day, provinceCode);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = areaNames();
    Bucket[] buckets = Bucket.values();
    return rows.stream()
        .map(
            r -> {
              List<BucketFigure> figures = new ArrayList<>();
              for (int b = 0; b < buckets.length; b++) {
                figures.add(
                    new BucketFigure(
                        buckets[b],
                        buckets[b].labelTh(),
                        r.bands().get(b).loans(),
                        r.bands().get(b).overdue()));
              }
              return new AreaQuality(
                  AreaQuality.DISTRICT,
                  r.districtCode(),
                  names.get(r.districtCode()),
                  r.loans(),
                  r.outstanding(),
                  r.overdueLoans(),
                  r.overdue(),
                  List.copyOf(figures));
            })
        .toList();
  }

  /** Replaces the day's snapshot with the given rows. */
  public void replaceSnapshot(LocalDate day, List<AreaQuality> rows) {
    jdbc.sql("delete from portfolio_snapshot where snapshot_date = ?").param(day).update();
    Timestamp now = Timestamp.from(Instant.now());
    template.batchUpdate(
        "insert into portfolio_snapshot (snapshot_date, area_level, area_code, loans, outstanding,"
            + " overdue_loans, overdue_amount, loans_1_30, overdue_1_30, loans_31_60, overdue_31_60, loans_61_90,"
            + " overdue_61_90, loans_over_90, overdue_over_90, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        500,
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
    return jdbc.sql("select count(*) from portfolio_snapshot where snapshot_date = ?")
            .param(day)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A day's snapshot rows (names left to the caller). */
  public List<AreaQuality> snapshot(LocalDate day) {
    return jdbc.sql(
            "select area_level, area_code, loans, outstanding, overdue_loans, overdue_amount, loans_1_30,"
                + " overdue_1_30, loans_31_60, overdue_31_60, loans_61_90, overdue_61_90, loans_over_90, overdue_over_90"
                + " from portfolio_snapshot where snapshot_date = ? order by area_level, area_code")
        .param(day)
        .query(PortfolioRepository::snapshotRow)
        .list();
  }

  public record TrendPoint(
      LocalDate date, int loans, BigDecimal outstanding, BigDecimal overdueAmount) {}

  public List<TrendPoint> trend(String level, String code, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select snapshot_date, loans, outstanding, overdue_amount from portfolio_snapshot"
                + " where area_level = ? and area_code = ? and snapshot_date between ? and ? order by snapshot_date")
        .params(level, code, from, to)
        .query(
            (rs, n) ->
                new TrendPoint(
                    rs.getDate(1).toLocalDate(), rs.getInt(2), money(rs, 3), money(rs, 4)))
        .list();
  }

  private static AreaQuality snapshotRow(ResultSet rs, int n) throws SQLException {
    List<BucketFigure> buckets = new ArrayList<>();
    int col = 7;
    for (Bucket b : Bucket.values()) {
      buckets.add(new BucketFigure(b, b.labelTh(), rs.getInt(col), money(rs, col + 1)));
      col += 2;
    }
    return new AreaQuality(
        rs.getString(1),
        rs.getString(2),
        null,
        rs.getInt(3),
        money(rs, 4),
        rs.getInt(5),
        money(rs, 6),
        List.copyOf(buckets));
  }

  private static BigDecimal money(ResultSet rs, int col) throws SQLException {
    BigDecimal v = rs.getBigDecimal(col);
    return v == null
        ? BigDecimal.ZERO.setScale(2)
        : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  /** Official names of all districts and provinces, by code (area's reference data). */
  public Map<String, String> areaNames() {
    return areas.names();
  }
}
