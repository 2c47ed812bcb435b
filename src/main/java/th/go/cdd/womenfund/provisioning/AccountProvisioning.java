package th.go.cdd.womenfund.provisioning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.provisioning.AccountFile.Column;
import th.go.cdd.womenfund.provisioning.AccountFile.Line;
import th.go.cdd.womenfund.security.AdminAccount;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Accounts for offices without a directory, from a file (person, role, area): all or nothing. Every
 * row is checked first; any bad row refuses the whole file with a Thai list naming row and column,
 * and nothing is created. Then, in one transaction, each missing group is created with its role's
 * rights ({@link RoleAuthorizations}), each new person gets an account with an unknown random
 * password and a pending invitation ({@link AccountInvitations} mails her a one-time password after
 * the commit). Safe to run again: a person whose account exists with the same name and e-mail is
 * left alone (a missing membership is added; no second mail); one with other data is a bad row.
 */
@Service
public class AccountProvisioning {

  /**
   * The engine's own rule for ids ({@code general-resource-whitelist-pattern} in application.yaml).
   */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

  static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");
  static final int MAX_ID = 64;
  static final int MAX_NAME = 100;
  static final int MAX_EMAIL = 255;

  private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioning.class);

  private final IdentityService identity;
  private final RoleAuthorizations roles;
  private final AreaRepository areas;
  private final AccountInvitations invitations;

  public AccountProvisioning(
      IdentityService identity,
      RoleAuthorizations roles,
      AreaRepository areas,
      AccountInvitations invitations) {
    this.identity = identity;
    this.roles = roles;
    this.areas = areas;
    this.invitations = invitations;
  }

  /**
   * What one file did: new accounts, accounts left as they were, memberships added to existing
   * accounts.
   */
  public record Outcome(
      int rows, int created, int unchanged, int membershipsAdded, List<String> createdIds) {}

  /** A checked row: the person, her group and whether her account exists already. */
  record Person(
      Line line,
      String userId,
      String firstName,
      String lastName,
      String email,
      AccountRole role,
      String areaCode,
      boolean exists) {
    String group() {
      return role.groupId(areaCode);
    }
  }

  @Transactional
  public Outcome provision(List<Line> lines) {
    if (identity.isReadOnly()) {
      throw new ThaiValidationException(
          "ระบบใช้ทะเบียนผู้ใช้ของกรม (LDAP): เพิ่มผู้ใช้ในทะเบียนของกรมแทนการนำเข้าไฟล์");
    }
    if (lines.isEmpty()) {
      throw new ThaiValidationException(
          "ไฟล์ไม่มีรายชื่อ: ใต้แถวชื่อคอลัมน์ต้องมีอย่างน้อยหนึ่งคน");
    }
    List<Person> people = check(lines);
    int created = 0;
    int unchanged = 0;
    int added = 0;
    List<String> createdIds = new ArrayList<>();
    Set<String> areasDone = new HashSet<>();
    for (Person p : people) {
      if (areasDone.add(p.role().level() + ":" + p.areaCode())) {
        ensureGroups(p);
      }
    }
    for (Person p : people) {
      if (!p.exists()) {
        User u = identity.newUser(p.userId());
        u.setFirstName(p.firstName());
        u.setLastName(p.lastName());
        u.setEmail(p.email());
        // nobody knows this one: the invitation sets and mails the password she signs in with
        u.setPassword(AdminAccount.generatePassword() + AdminAccount.generatePassword());
        identity.saveUser(u);
        identity.createMembership(p.userId(), p.group());
        invitations.add(p.userId(), p.email());
        createdIds.add(p.userId());
        created++;
      } else if (identity.createGroupQuery().groupMember(p.userId()).groupId(p.group()).count()
          == 0) {
        identity.createMembership(p.userId(), p.group());
        added++;
      } else {
        unchanged++;
      }
    }
    LOG.info(
        "provisioning file: {} rows, {} accounts created, {} unchanged, {} memberships added",
        lines.size(),
        created,
        unchanged,
        added);
    return new Outcome(lines.size(), created, unchanged, added, createdIds);
  }

  /** Every row checked before anything is written; all problems at once. */
  List<Person> check(List<Line> lines) {
    List<String> problems = new ArrayList<>();
    List<Person> people = new ArrayList<>();
    Map<String, Integer> seenIds = new HashMap<>();
    for (Line line : lines) {
      int before = problems.size();
      String userId = line.get(Column.USERNAME);
      String first = line.get(Column.FIRST_NAME);
      String last = line.get(Column.LAST_NAME);
      String email = line.get(Column.EMAIL);
      String roleText = line.get(Column.ROLE);
      String area = line.get(Column.AREA);
      if (userId.isEmpty()) {
        problems.add(at(line, Column.USERNAME, "ต้องกรอก"));
      } else if (userId.length() > MAX_ID || !USER_ID.matcher(userId).matches()) {
        problems.add(
            at(
                line,
                Column.USERNAME,
                "\""
                    + userId
                    + "\" ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และขีด (-) คั่นกลาง"
                    + " ไม่เกิน "
                    + MAX_ID
                    + " ตัว"));
      } else {
        Integer earlier = seenIds.putIfAbsent(userId.toLowerCase(Locale.ROOT), line.number());
        if (earlier != null) {
          problems.add(
              at(
                  line,
                  Column.USERNAME,
                  "\"" + userId + "\" ซ้ำกับแถวที่ " + earlier + " (หนึ่งคนหนึ่งแถว)"));
        }
      }
      name(problems, line, Column.FIRST_NAME, first);
      name(problems, line, Column.LAST_NAME, last);
      if (email.isEmpty()) {
        problems.add(at(line, Column.EMAIL, "ต้องกรอก (ระบบส่งรหัสผ่านไปที่อีเมลนี้)"));
      } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
        problems.add(at(line, Column.EMAIL, "\"" + email + "\" ไม่ใช่อีเมลที่ถูกต้อง"));
      }
      AccountRole role = AccountRole.of(roleText).orElse(null);
      if (role == null) {
        problems.add(
            at(
                line,
                Column.ROLE,
                (roleText.isEmpty() ? "ต้องกรอก" : "ไม่รู้จัก \"" + roleText + "\"")
                    + ": ใช้ได้ "
                    + String.join(", ", AccountRole.thaiNames())));
      } else {
        area(problems, line, role, area);
      }
      if (problems.size() > before) {
        continue;
      }
      User existing = identity.createUserQuery().userId(userId).singleResult();
      if (existing != null
          && !(Objects.equals(existing.getFirstName(), first)
              && Objects.equals(existing.getLastName(), last)
              && email.equalsIgnoreCase(nullToEmpty(existing.getEmail())))) {
        problems.add(
            at(
                line,
                Column.USERNAME,
                "มีผู้ใช้ \""
                    + userId
                    + "\" อยู่แล้วแต่ชื่อ นามสกุล หรืออีเมลไม่ตรงกับไฟล์:"
                    + " ตรวจสอบว่าเป็นคนเดียวกันหรือไม่ แล้วแก้ไขในไฟล์หรือใน Camunda Admin"));
        continue;
      }
      people.add(new Person(line, userId, first, last, email, role, area, existing != null));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return people;
  }

  private void area(List<String> problems, Line line, AccountRole role, String area) {
    switch (role.level()) {
      case DISTRICT -> {
        if (!area.matches("\\d{4}") || areas.district(area).isEmpty()) {
          problems.add(
              at(
                  line,
                  Column.AREA,
                  (area.isEmpty() ? "ต้องกรอก" : "ไม่พบอำเภอรหัส \"" + area + "\"")
                      + ": บทบาท "
                      + role.thai()
                      + " ต้องมีรหัสอำเภอ 4 หลัก เช่น 2301"));
        }
      }
      case PROVINCE -> {
        if (!area.matches("\\d{2}") || areas.province(area).isEmpty()) {
          problems.add(
              at(
                  line,
                  Column.AREA,
                  (area.isEmpty() ? "ต้องกรอก" : "ไม่พบจังหวัดรหัส \"" + area + "\"")
                      + ": บทบาท "
                      + role.thai()
                      + " ต้องมีรหัสจังหวัด 2 หลัก เช่น 23"));
        }
      }
      case COUNTRY -> {
        if (!area.isEmpty()) {
          problems.add(
              at(line, Column.AREA, "บทบาท " + role.thai() + " ไม่มีรหัสพื้นที่: เว้นว่างไว้"));
        }
      }
    }
  }

  private static void name(List<String> problems, Line line, Column column, String value) {
    if (value.isEmpty()) {
      problems.add(at(line, column, "ต้องกรอก"));
    } else if (value.length() > MAX_NAME) {
      problems.add(at(line, column, "ยาวเกิน " + MAX_NAME + " ตัวอักษร"));
    }
  }

  /**
   * The groups of the person's area (both of a district, all three of a province), with their
   * rights.
   */
  private void ensureGroups(Person p) {
    switch (p.role().level()) {
      case DISTRICT -> roles.ensureDistrict(areas.district(p.areaCode()).orElseThrow());
      case PROVINCE -> roles.ensureProvince(areas.province(p.areaCode()).orElseThrow());
      case COUNTRY -> roles.ensureDepartment();
    }
  }

  static String at(Line line, Column column, String problem) {
    return "แถวที่ " + line.number() + " คอลัมน์ " + column.thai() + ": " + problem;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
