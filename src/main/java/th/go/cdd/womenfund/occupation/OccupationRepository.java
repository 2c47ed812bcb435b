package th.go.cdd.womenfund.occupation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.system.EngineClock;

/** The table {@code occupation_sale}: one record per group, product, channel and month. */
@Repository
public class OccupationRepository {

  /** One stored record. */
  public record Sale(
      long id,
      long groupId,
      String districtCode,
      String product,
      MarketChannel channel,
      LocalDate periodMonth,
      BigDecimal income,
      String recordedBy) {}

  /** A district's totals in a period: groups promoted, channels used, income. */
  public record DistrictTotal(
      String districtCode, int groups, List<MarketChannel> channels, BigDecimal income) {}

  private final JdbcClient jdbc;

  public OccupationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(
      long groupId,
      String districtCode,
      String provinceCode,
      String product,
      MarketChannel channel,
      LocalDate periodMonth,
      BigDecimal income,
      String recordedBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into occupation_sale (group_id, district_code, province_code, product, channel, period_month,"
                + " income, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            groupId,
            districtCode,
            provinceCode,
            product,
            channel.name(),
            periodMonth,
            income,
            recordedBy,
            Timestamp.valueOf(EngineClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The district's latest records, newest first. */
  public List<Sale> latest(String districtCode, int limit) {
    return jdbc.sql(
            "select id, group_id, district_code, product, channel, period_month, income, recorded_by"
                + " from occupation_sale where district_code = ? order by period_month desc, id desc"
                + " fetch first "
                + limit
                + " rows only")
        .param(districtCode)
        .query(
            (rs, n) ->
                new Sale(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    MarketChannel.valueOf(rs.getString(5)),
                    rs.getDate(6).toLocalDate(),
                    rs.getBigDecimal(7),
                    rs.getString(8)))
        .list();
  }

  /** Per district of the province, records whose month lies in [from, to]. */
  public List<DistrictTotal> totals(String provinceCode, LocalDate from, LocalDate to) {
    record Line(String district, long group, String channel, BigDecimal income) {}
    List<Line> lines =
        jdbc.sql(
                "select district_code, group_id, channel, sum(income) from occupation_sale"
                    + " where province_code = ? and period_month between ? and ?"
                    + " group by district_code, group_id, channel order by district_code")
            .params(provinceCode, from, to)
            .query(
                (rs, n) ->
                    new Line(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4)))
            .list();
    return lines.stream()
        .map(Line::district)
        .distinct()
        .map(
            d -> {
              List<Line> of = lines.stream().filter(l -> l.district().equals(d)).toList();
              return new DistrictTotal(
                  d,
                  (int) of.stream().map(Line::group).distinct().count(),
                  of.stream()
                      .map(l -> MarketChannel.valueOf(l.channel()))
                      .distinct()
                      .sorted()
                      .toList(),
                  of.stream().map(Line::income).reduce(BigDecimal.ZERO, BigDecimal::add));
            })
        .toList();
  }
}
