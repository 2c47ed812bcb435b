package th.go.cdd.womenfund.security;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;

/**
 * The districts a person keys district work for (member registration, occupation promotion): those
 * of her district-officer groups; for an administrator, every district of the demo province (Trat).
 */
@Component
public class OfficerDistricts {

  /** The province an administrator works in on the district pages (the demo's Trat). */
  static final String ADMIN_PROVINCE = "23";

  private final AreaRepository areas;

  public OfficerDistricts(AreaRepository areas) {
    this.areas = areas;
  }

  public List<District> of(Actor a) {
    if (a.isAdmin()) {
      return areas.districtsOf(ADMIN_PROVINCE);
    }
    return a.officerDistricts().stream().map(areas::district).flatMap(Optional::stream).toList();
  }
}
