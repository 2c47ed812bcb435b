package th.go.cdd.womenfund.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The women's groups that borrowed, as other capabilities may ask for them (loan is the one writer
 * of {@code women_group}): occupation promotion lists a district's groups and checks where one
 * belongs. A group's district and province are those of its loan project; groups whose application
 * was refused are left out.
 */
@Repository
public class WomenGroups {

  /** A group, the district and province of its loan, and its loan's occupation. */
  public record Group(
      long id,
      String name,
      String districtCode,
      String provinceCode,
      OccupationCategory occupation) {}

  private static final String SELECT =
      "select g.id, g.name, l.district_code, l.province_code, l.occupation_category"
          + " from women_group g join loan_project l on l.group_id = g.id"
          + " where l.status not in ('REJECTED_BY_DISTRICT', 'REJECTED_BY_PROVINCE')";

  private final JdbcClient jdbc;

  public WomenGroups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Group> find(long groupId) {
    return jdbc.sql(SELECT + " and g.id = ?").param(groupId).query(WomenGroups::group).stream()
        .findFirst();
  }

  /** The district's groups, by name. */
  public List<Group> ofDistrict(String districtCode) {
    return jdbc.sql(SELECT + " and l.district_code = ? order by g.name, g.id")
        .param(districtCode)
        .query(WomenGroups::group)
        .list();
  }

  private static Group group(ResultSet rs, int n) throws SQLException {
    return new Group(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        OccupationCategory.valueOf(rs.getString(5)));
  }
}
