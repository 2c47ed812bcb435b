package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The field follow-up visits recorded at the field-visit rung of {@code overdue-follow-up} (table
 * {@code field_visit}, overdue's own table), of one province and period, for the dashboard and the
 * meeting briefing (seed item 4.4).
 */
@Component
public class RecordedFieldVisits implements FieldVisits {

  private final JdbcClient jdbc;

  public RecordedFieldVisits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Visit> between(String provinceCode, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select l.district_code, v.visit_date, v.district_committee, v.subdistrict_group,"
                + " v.province_secretariat, v.findings"
                + " from field_visit v join loan_view l on l.id = v.loan_id"
                + " where l.province_code = ? and v.visit_date between ? and ?"
                + " order by v.visit_date, v.id")
        .params(provinceCode, from, to)
        .query(
            (rs, n) ->
                new Visit(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    team(rs.getString(3), rs.getString(4), rs.getString(5)),
                    rs.getString(6)))
        .list();
  }

  static String team(
      String districtCommittee, String subdistrictGroup, String provinceSecretariat) {
    return "คณะอนุกรรมการฯ อำเภอ: "
        + districtCommittee
        + "; คณะทำงานฯ ตำบล: "
        + subdistrictGroup
        + "; ฝ่ายเลขานุการฯ จังหวัด: "
        + provinceSecretariat;
  }
}
