package th.go.cdd.womenfund.provisioning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import th.go.cdd.womenfund.security.Roles;

/**
 * The roles a provisioning file may give (column บทบาท), with the area each needs (column
 * รหัสพื้นที่).
 */
public enum AccountRole {
  DISTRICT_OFFICERS("เจ้าหน้าที่อำเภอ", "district-officers", Level.DISTRICT),
  DISTRICT_COMMITTEE("อนุกรรมการอำเภอ", "district-committee", Level.DISTRICT),
  PROVINCE_OFFICERS("เจ้าหน้าที่จังหวัด", "province-officers", Level.PROVINCE),
  PROVINCE_COMMITTEE("อนุกรรมการจังหวัด", "province-committee", Level.PROVINCE),
  PROVINCE_SUPERVISORS("ผู้บังคับบัญชาจังหวัด", "province-supervisors", Level.PROVINCE),
  DEPARTMENT("กรมการพัฒนาชุมชน", "department", Level.COUNTRY);

  /**
   * Where a role works: a district (4-digit code), a province (2 digits), or the whole country (no
   * code).
   */
  public enum Level {
    DISTRICT,
    PROVINCE,
    COUNTRY
  }

  private final String thai;
  private final String key;
  private final Level level;

  AccountRole(String thai, String key, Level level) {
    this.thai = thai;
    this.key = key;
    this.level = level;
  }

  public String thai() {
    return thai;
  }

  public String key() {
    return key;
  }

  public Level level() {
    return level;
  }

  /** The Camunda group of this role in the area ({@link Roles}). */
  public String groupId(String areaCode) {
    return switch (this) {
      case DISTRICT_OFFICERS -> Roles.districtOfficers(areaCode);
      case DISTRICT_COMMITTEE -> Roles.districtCommittee(areaCode);
      case PROVINCE_OFFICERS -> Roles.provinceOfficers(areaCode);
      case PROVINCE_COMMITTEE -> Roles.provinceCommittee(areaCode);
      case PROVINCE_SUPERVISORS -> Roles.provinceSupervisors(areaCode);
      case DEPARTMENT -> Roles.DEPARTMENT;
    };
  }

  /** The role a cell names: its Thai name or its key (either case, spaces around ignored). */
  public static Optional<AccountRole> of(String cell) {
    String text = cell == null ? "" : cell.strip();
    return Arrays.stream(values())
        .filter(r -> r.thai.equals(text) || r.key.equals(text.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** The Thai names, for messages and the page. */
  public static List<String> thaiNames() {
    return Arrays.stream(values()).map(AccountRole::thai).toList();
  }
}
