package th.go.cdd.womenfund.security;

/**
 * Camunda group ids, built from official area codes: one group per role and district or province.
 * Candidate groups in the BPMN use the same shapes ({@code district-${districtCode}-officers}).
 */
public final class Roles {

  public static final String ADMIN = "camunda-admin";
  /** กรมการพัฒนาชุมชน: the Department reads every province's dashboard and briefing. */
  public static final String DEPARTMENT = "department";
  /** Reads the metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}), nothing else: a scraper's group. */
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
}
