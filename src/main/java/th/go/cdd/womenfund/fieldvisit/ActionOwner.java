package th.go.cdd.womenfund.fieldvisit;

import java.util.Arrays;
import java.util.Optional;
import th.go.cdd.womenfund.security.Roles;

/**
 * Who carries out a follow-up action agreed on a field visit: a role of the visited district, or
 * the province's officers (the secretariat). The action's task goes to that role's group of the
 * visit's own area, as recorded for its instance.
 */
public enum ActionOwner {
  DISTRICT_OFFICERS("เจ้าหน้าที่พัฒนาชุมชนอำเภอ"),
  DISTRICT_COMMITTEE("คณะอนุกรรมการกลั่นกรองและติดตามฯ อำเภอ"),
  PROVINCE_OFFICERS("สำนักงานเลขานุการฯ (พัฒนาชุมชนจังหวัด)");

  private final String labelTh;

  ActionOwner(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }

  /** The Camunda group that works on the action in this district (and its province). */
  public String group(String districtCode, String provinceCode) {
    return switch (this) {
      case DISTRICT_OFFICERS -> Roles.districtOfficers(districtCode);
      case DISTRICT_COMMITTEE -> Roles.districtCommittee(districtCode);
      case PROVINCE_OFFICERS -> Roles.provinceOfficers(provinceCode);
    };
  }

  /** The owner a form sent by its name, if it is one. */
  public static Optional<ActionOwner> named(String name) {
    return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
  }
}
