package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Every role of two districts (2305 แหลมงอบ, 2301 เมืองตราด), of their province (23) and of another
 * province (20 ชลบุรี) against every engine surface, on a loan application of 2305 waiting for the
 * district screening committee. The engine's API is what Tasklist, Cockpit and the REST API call,
 * with the same authorization checks. The matrix is written to target/security-matrix.md and kept
 * in docs/SECURITY.md.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AuthorizationMatrixTest {

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  static final List<String> SURFACES =
      List.of(
          "เห็นงานใน Tasklist",
          "รับงาน (claim)",
          "ทำงานให้เสร็จ (complete)",
          "เห็นกระบวนการ",
          "อ่านตัวแปร",
          "อ่านประวัติ",
          "เริ่มคำขอกู้ (อำเภอตนเอง)");

  /** role -> expected cells, in SURFACES order. */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("district-2305-officers", "- - - ✓ ✓ ✓ ✓");
    EXPECTED.put("district-2305-committee", "✓ ✓ ✓ ✓ ✓ ✓ -");
    EXPECTED.put("district-2301-officers", "- - - - - - ✓");
    EXPECTED.put("district-2301-committee", "- - - - - - -");
    EXPECTED.put("province-23-officers", "- - - ✓ ✓ ✓ -");
    EXPECTED.put("province-23-committee", "- - - ✓ ✓ ✓ -");
    EXPECTED.put("province-23-supervisors", "✓ - - ✓ ✓ ✓ -");
    EXPECTED.put("district-2001-officers", "- - - - - - ✓");
    EXPECTED.put("province-20-supervisors", "- - - - - - -");
  }

  @Test
  void eachRoleSeesAndDoesExactlyWhatItShould() throws Exception {
    for (String d : List.of("2305", "2301", "2001")) {
      roles.ensureDistrict(areas.district(d).orElseThrow());
    }
    roles.ensureProvince(areas.province("23").orElseThrow());
    roles.ensureProvince(areas.province("20").orElseThrow());
    for (String group : EXPECTED.keySet()) {
      ensureUser("mx-" + group, group);
    }
    String pid = start("2305", "230507");
    Task endorsement =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    engine
        .getTaskService()
        .complete(
            endorsement.getId(),
            Map.of(
                "endorsementDate",
                ThaiDates.formatNumeric(EngineClock.today()),
                "endorsementReference",
                "1/2569",
                "endorsementOpinion",
                ""));

    List<String> failures = new ArrayList<>();
    StringBuilder matrix =
        new StringBuilder(
            "| บทบาท (กลุ่ม) | "
                + String.join(" | ", SURFACES)
                + " |\n|---|"
                + "---|".repeat(SURFACES.size())
                + "\n");
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      String group = e.getKey();
      String user = "mx-" + group;
      List<String> cells = new ArrayList<>();
      String taskId =
          engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
      cells.add(
          as(
              user,
              group,
              () -> engine.getTaskService().createTaskQuery().processInstanceId(pid).count() == 1));
      cells.add(
          as(
              user,
              group,
              () -> {
                engine.getTaskService().claim(taskId, user);
                return true;
              }));
      if (cells.get(1).equals("✓")) {
        engine.getTaskService().setAssignee(taskId, null);
      }
      cells.add(
          as(
              user,
              group,
              () -> {
                // completing with a missing decision is refused by the process (rolled back) only
                // after the
                // authorization check passed: a Thai refusal therefore means "allowed"
                try {
                  engine.getTaskService().complete(taskId, Map.of());
                } catch (AuthorizationException denied) {
                  throw denied;
                } catch (RuntimeException refusedByTheProcess) {
                  return true;
                }
                return true;
              }));
      cells.add(
          as(
              user,
              group,
              () ->
                  engine
                          .getRuntimeService()
                          .createProcessInstanceQuery()
                          .processInstanceId(pid)
                          .count()
                      == 1));
      cells.add(
          as(
              user,
              group,
              () ->
                  engine
                          .getRuntimeService()
                          .getVariable(pid, LoanApplicationProcess.Var.APPLICATION_NO)
                      != null));
      cells.add(
          as(
              user,
              group,
              () ->
                  engine
                          .getHistoryService()
                          .createHistoricProcessInstanceQuery()
                          .processInstanceId(pid)
                          .count()
                      == 1));
      String ownDistrict = group.startsWith("district-") ? group.substring(9, 13) : "2305";
      String ownSubDistrict =
          ownDistrict.equals("2305") ? "230507" : ownDistrict.equals("2301") ? "230101" : "200101";
      cells.add(
          as(
              user,
              group,
              () -> {
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        LoanApplicationProcess.KEY,
                        DemoApplications.application(
                            9, "กลุ่มทดสอบสิทธิ์", ownSubDistrict, EngineClock.today()));
                return true;
              }));
      String actual = String.join(" ", cells);
      matrix
          .append("| ")
          .append(group)
          .append(" | ")
          .append(String.join(" | ", cells))
          .append(" |\n");
      if (!actual.equals(e.getValue())) {
        failures.add(group + ": expected [" + e.getValue() + "] but was [" + actual + "]");
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/security-matrix.md"), matrix.toString());
    assertThat(failures)
        .as("authorization matrix (%d cells)", EXPECTED.size() * SURFACES.size())
        .isEmpty();
  }

  /**
   * The person of one role: here created in the database; {@link LdapAuthorizationMatrixTest}: the
   * directory's.
   */
  protected void ensureUser(String user, String group) {
    if (engine.getIdentityService().createUserQuery().userId(user).count() == 0) {
      User u = engine.getIdentityService().newUser(user);
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership(user, group);
    }
  }

  /** The groups the person acts with: her memberships as the identity service reads them. */
  protected List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  private String start(String district, String subDistrict) {
    String officer = "mx-district-" + district + "-officers";
    engine.getIdentityService().setAuthentication(officer, groupsOf(officer));
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              LoanApplicationProcess.KEY,
              DemoApplications.application(8, "กลุ่มตารางสิทธิ์", subDistrict, EngineClock.today()))
          .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** ✓ when the call is allowed and yields what it should, - when refused or empty. */
  private String as(String user, String group, Supplier<Boolean> call) {
    List<String> groups = groupsOf(user);
    assertThat(groups).as("groups of %s", user).containsExactly(group);
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return call.get() ? "✓" : "-";
    } catch (AuthorizationException | org.camunda.bpm.engine.exception.NullValueException denied) {
      return "-";
    } catch (th.go.cdd.womenfund.system.RefusedInputException refused) {
      return "-";
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
