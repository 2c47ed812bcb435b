package th.go.cdd.womenfund.security;

import java.security.SecureRandom;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The administrator account. Its password comes from {@code WOMENFUND_ADMIN_PASSWORD}; outside the
 * demo profile the application refuses to start without it (checked when this bean is built, before
 * the engine serves anyone). In the demo profile an unset password is generated and printed once,
 * when the account is created. An existing account is left as it is. With the directory (profile
 * {@code ldap}) the administrators are the members of the directory's group {@code camunda-admin}:
 * only its rights are granted here, and no password is needed.
 */
@Component
public class AdminAccount {

  private final AccountSettings settings;
  private final boolean demo;

  public AdminAccount(AccountSettings settings, Environment environment) {
    this.settings = settings;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    boolean directory = environment.acceptsProfiles(Profiles.of(LdapDirectory.PROFILE));
    if (!demo && !directory && !settings.admin().hasPassword()) {
      throw new IllegalStateException(
          "ไม่ได้กำหนดรหัสผ่านผู้ดูแลระบบ: ตั้งค่าตัวแปรสภาพแวดล้อม WOMENFUND_ADMIN_PASSWORD"
              + " ก่อนเริ่มระบบ (The admin password must be set in WOMENFUND_ADMIN_PASSWORD outside the demo profile.)");
    }
  }

  /**
   * Creates the admin user, its group and its rights when missing. Returns the user id. With a
   * read-only identity (the directory) only the group's rights.
   */
  public String ensure(IdentityService identity, AuthorizationService authorizations) {
    String userId = settings.admin().user();
    boolean readOnly = identity.isReadOnly();
    if (!readOnly && identity.createGroupQuery().groupId(Roles.ADMIN).count() == 0) {
      Group group = identity.newGroup(Roles.ADMIN);
      group.setName("ผู้ดูแลระบบ");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    for (Resource resource : Resources.values()) {
      if (authorizations
              .createAuthorizationQuery()
              .groupIdIn(Roles.ADMIN)
              .resourceType(resource)
              .resourceId(Authorization.ANY)
              .count()
          == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Roles.ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    if (!readOnly && identity.createUserQuery().userId(userId).count() == 0) {
      String password =
          settings.admin().hasPassword() ? settings.admin().password() : generatePassword();
      User user = identity.newUser(userId);
      user.setFirstName("ผู้ดูแล");
      user.setLastName("ระบบ");
      user.setEmail(userId + "@womenfund.example");
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(userId, Roles.ADMIN);
      if (!settings.admin().hasPassword()) {
        printOnce("ผู้ดูแลระบบ (admin)", userId, password);
      }
    }
    return userId;
  }

  public boolean isDemo() {
    return demo;
  }

  public static String generatePassword() {
    final String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    char[] chars = new char[16];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(chars);
  }

  static void printOnce(String who, String userId, String password) {
    // printed to the console on purpose, once, when the account is created; never logged again
    System.out.println(
        "\n==== womenfund: รหัสผ่านที่สร้างให้ "
            + who
            + " (แสดงครั้งเดียว) ====\n"
            + "  ผู้ใช้: "
            + userId
            + "\n  รหัสผ่าน: "
            + password
            + "\n"
            + "  ตั้งค่าเองได้ด้วย WOMENFUND_ADMIN_PASSWORD / WOMENFUND_DEMO_PASSWORD\n"
            + "==========================================================\n");
  }
}
