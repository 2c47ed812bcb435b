package th.go.cdd.womenfund.security;

import java.util.List;
import java.util.Optional;

/** The person on whose behalf a step runs, with her Camunda groups. */
public record Actor(String userId, List<String> groups) {

  public Actor {
    groups = List.copyOf(groups);
  }

  /** The districts whose officers she is ("district-2305-officers" gives 2305). */
  public List<String> officerDistricts() {
    return groups.stream().map(Roles::districtOfOfficers).flatMap(Optional::stream).toList();
  }

  public boolean isAdmin() {
    return groups.contains(Roles.ADMIN);
  }

  /**
   * The Department sets each province's recruitment target; the province's officers key it for it
   * (or an admin).
   */
  public boolean maySetTargetOf(String provinceCode) {
    return isAdmin()
        || groups.contains(Roles.DEPARTMENT)
        || groups.contains(Roles.provinceOfficers(provinceCode));
  }

  /**
   * Only the officers of a district (or an admin) may register or fix that district's applications.
   */
  public boolean mayRegisterFor(String districtCode) {
    return isAdmin() || groups.contains(Roles.districtOfficers(districtCode));
  }
}
