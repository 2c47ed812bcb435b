package th.go.cdd.womenfund.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Department's directory is and how its entries are read (profile {@code ldap}, see
 * {@link LdapDirectory} and docs/guide/operations.md). Every value has an environment variable in
 * {@code application-ldap.yaml}; the server, the manager's DN and its password have no default:
 * without them the application does not start.
 *
 * <p>The fund's groups are the directory's groups whose {@code groupIdAttribute} (by default {@code
 * cn}) is a fund group id ({@code district-2305-officers}, {@code province-23-committee}, {@code
 * department}, {@code camunda-admin}, see {@link Roles}); a directory whose group names differ can
 * hold the fund's id in another attribute of the same entry and name it here.
 */
@ConfigurationProperties("womenfund.ldap")
public record LdapSettings(
    String serverUrl,
    String managerDn,
    String managerPassword,
    String baseDn,
    String userSearchBase,
    String userSearchFilter,
    String userIdAttribute,
    String userFirstnameAttribute,
    String userLastnameAttribute,
    String userEmailAttribute,
    String groupSearchBase,
    String groupSearchFilter,
    String groupIdAttribute,
    String groupNameAttribute,
    String groupMemberAttribute,
    boolean acceptUntrustedCertificates,
    Integer pageSize) {

  static final String MISSING =
      "ยังไม่ได้ตั้งค่าการเชื่อมต่อทะเบียนผู้ใช้ (LDAP): กำหนด %s ก่อนเริ่มระบบ"
          + " (profile ldap needs %s)";

  public LdapSettings {
    userSearchFilter = orDefault(userSearchFilter, "(objectClass=inetOrgPerson)");
    userIdAttribute = orDefault(userIdAttribute, "uid");
    userFirstnameAttribute = orDefault(userFirstnameAttribute, "givenName");
    userLastnameAttribute = orDefault(userLastnameAttribute, "sn");
    userEmailAttribute = orDefault(userEmailAttribute, "mail");
    groupSearchFilter = orDefault(groupSearchFilter, "(objectClass=groupOfNames)");
    groupIdAttribute = orDefault(groupIdAttribute, "cn");
    groupNameAttribute = orDefault(groupNameAttribute, "description");
    groupMemberAttribute = orDefault(groupMemberAttribute, "member");
    userSearchBase = userSearchBase == null ? "" : userSearchBase;
    groupSearchBase = groupSearchBase == null ? "" : groupSearchBase;
  }

  /** Refuses to start without the server and the manager's credentials (no built-in password). */
  void requireConnection() {
    require(serverUrl, "WOMENFUND_LDAP_URL");
    require(baseDn, "WOMENFUND_LDAP_BASE_DN");
    require(managerDn, "WOMENFUND_LDAP_MANAGER_DN");
    require(managerPassword, "WOMENFUND_LDAP_MANAGER_PASSWORD");
  }

  private static void require(String value, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(String.format(MISSING, variable, variable));
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
