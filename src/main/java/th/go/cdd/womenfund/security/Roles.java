package th.go.cdd.womenfund.security;

import java.util.Optional;

/**
 * Camunda group ids, built from official area codes: one group per role and district or province.
 * Candidate groups in the BPMN use the same shapes ({@code district-${districtCode}-officers}).
 */
public final class Roles {

  public static final String ADMIN = "camunda-admin";

  /** กรมการพัฒนาชุมชน: the Department reads every province's dashboard and briefing. */
  public static final String DEPARTMENT = "department";

  /**
   * Reads the metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}), nothing else: a
   * scraper's group.
   */
  public static final String MONITORING = "monitoring";

  private Roles() {}

  /** เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอ. */
  public static String districtOfficers(String districtCode) {
    return "district-" + districtCode + "-officers";
  }

  /** คณะอนุกรรมการกลั่นกรองและติดตามการดำเนินงานกองทุนฯ อำเภอ. */
  public static String districtCommittee(String districtCode) {
    return "district-" + districtCode + "-committee";
  }

  /** เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด. */
  public static String provinceOfficers(String provinceCode) {
    return "province-" + provinceCode + "-officers";
  }

  /** คณะอนุกรรมการกองทุนฯ จังหวัด. */
  public static String provinceCommittee(String provinceCode) {
    return "province-" + provinceCode + "-committee";
  }

  /** ผู้บังคับบัญชาระดับจังหวัด: read-only oversight in Cockpit. */
  public static String provinceSupervisors(String provinceCode) {
    return "province-" + provinceCode + "-supervisors";
  }

  /**
   * The district whose officers a group is ("district-2305-officers" gives 2305), if it is such a
   * group.
   */
  public static Optional<String> districtOfOfficers(String groupId) {
    return codeBetween(groupId, "district-", "-officers");
  }

  /**
   * The province whose officers a group is ("province-23-officers" gives 23), if it is such a
   * group.
   */
  public static Optional<String> provinceOfOfficers(String groupId) {
    return codeBetween(groupId, "province-", "-officers");
  }

  private static Optional<String> codeBetween(String groupId, String prefix, String suffix) {
    if (groupId == null
        || !groupId.startsWith(prefix)
        || !groupId.endsWith(suffix)
        || groupId.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    return Optional.of(groupId.substring(prefix.length(), groupId.length() - suffix.length()));
  }

  /** Whether a group is some province's supervisors. */
  public static boolean isProvinceSupervisors(String groupId) {
    return groupId != null && groupId.startsWith("province-") && groupId.endsWith("-supervisors");
  }
}
