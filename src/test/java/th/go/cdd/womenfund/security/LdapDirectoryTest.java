package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Profile {@code ldap} against a real LDAP server ({@link LdapTestServer}, womenfund.ldif):
 * Camunda's LDAP plugin 7.23.0 on the 7.24 engine reads people and groups from the directory; they
 * sign in through the login page and the REST API; the fund's groups found there get their rights
 * at start; wrong passwords count for the client address; nothing can be created in the directory
 * through the app.
 */
@LdapContext
class LdapDirectoryTest {

  static final String PASSWORD = LdapTestServer.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired LoginThrottle throttle;
  @Autowired DirectoryGroupRights directoryRights;

  @BeforeEach
  @AfterEach
  void liftThrottle() {
    throttle.liftAll();
  }

  @Test
  void peopleAndTheirGroupsComeFromTheDirectory() {
    assertThat(engine.getIdentityService().isReadOnly()).isTrue();
    User officer =
        engine.getIdentityService().createUserQuery().userId("officer2305").singleResult();
    assertThat(officer.getFirstName()).isEqualTo("สมศรี");
    assertThat(officer.getLastName()).isEqualTo("เจ้าหน้าที่อำเภอแหลมงอบ");
    assertThat(officer.getEmail()).isEqualTo("officer2305@cdd.example");
    assertThat(groupIds("officer2305")).containsExactly(Roles.districtOfficers("2305"));
    assertThat(groupIds("supervisor23")).containsExactly(Roles.provinceSupervisors("23"));
    assertThat(groupIds("dept01")).containsExactly(Roles.DEPARTMENT);
    assertThat(groupIds("ldapadmin")).containsExactly(Roles.ADMIN);
    assertThat(
            engine
                .getIdentityService()
                .createUserQuery()
                .memberOfGroup(Roles.districtOfficers("2305"))
                .count())
        .isEqualTo(3);
    assertThat(engine.getIdentityService().checkPassword("committee2305", PASSWORD)).isTrue();
    assertThat(engine.getIdentityService().checkPassword("committee2305", "wrong")).isFalse();
    assertThat(engine.getIdentityService().checkPassword("committee2305", "")).isFalse();
    assertThat(engine.getIdentityService().checkPassword("nobody", PASSWORD)).isFalse();
  }

  @Test
  void theFundsGroupsInTheDirectoryGetTheirRightsAndOthersNone() {
    DirectoryGroupRights.Outcome outcome = directoryRights.grant();
    // 2305, 2301, 2001; 23, 20; the Department; cdd-staff and cdd-laemngop-… (by cn) are not fund
    // groups
    assertThat(outcome).isEqualTo(new DirectoryGroupRights.Outcome(3, 2, true, 2));
    for (String group :
        List.of(
            Roles.districtOfficers("2305"),
            Roles.districtCommittee("2301"),
            Roles.provinceCommittee("23"),
            Roles.provinceSupervisors("20"),
            Roles.DEPARTMENT)) {
      assertThat(tasklistGrants(group)).as("Tasklist for %s", group).isEqualTo(1);
    }
    assertThat(tasklistGrants("cdd-staff")).isZero();
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .groupIdIn(Roles.ADMIN)
                .resourceType(Resources.USER)
                .resourceId(Authorization.ANY)
                .count())
        .isEqualTo(1);
  }

  @Test
  void nothingIsCreatedInTheDirectoryThroughTheApp() {
    assertThatThrownBy(() -> engine.getIdentityService().newUser("intruder"))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> engine.getIdentityService().newGroup("district-2305-officers2"))
        .isInstanceOf(RuntimeException.class);
    ResponseEntity<String> create =
        rest.withBasicAuth("ldapadmin", PASSWORD)
            .postForEntity(
                LdapContext.REST + "/user/create",
                json(
                    "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x-Long-Password-1\"}}"),
                String.class);
    assertThat(create.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    // provisioning files are for offices without a directory
    HttpHeaders csv = new HttpHeaders();
    csv.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<String> file =
        rest.withBasicAuth("ldapadmin", PASSWORD)
            .postForEntity(
                "/api/admin/accounts/import",
                new HttpEntity<>(
                    """
            เลขประจำตัว,ชื่อ,นามสกุล,อีเมล,บทบาท,รหัสพื้นที่
            intruder,ก,ข,intruder@cdd.example,เจ้าหน้าที่อำเภอ,2305
            """,
                    csv),
                String.class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(file.getBody()).contains("ทะเบียนผู้ใช้ของกรม");
  }

  @Test
  void theDirectorysPeopleSignInAtTheLoginPageAndTheRestApi() throws Exception {
    for (String user :
        List.of(
            "officer2305",
            "committee2305",
            "provofficer23",
            "provcommittee23",
            "supervisor23",
            "dept01",
            "ldapadmin")) {
      AppSession session = AppSession.login(port, user, PASSWORD);
      assertThat(session.get("/home").statusCode()).as("home of %s", user).isEqualTo(200);
      assertThat(
              rest.withBasicAuth(user, PASSWORD)
                  .getForEntity(LdapContext.REST + "/task", String.class)
                  .getStatusCode())
          .as("REST of %s", user)
          .isEqualTo(HttpStatus.OK);
    }
    assertThatThrownBy(() -> AppSession.login(port, "officer2305", "wrong"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            rest.withBasicAuth("officer2305", "wrong")
                .getForEntity(LdapContext.REST + "/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // administrators only: the locks page
    assertThat(AppSession.login(port, "ldapadmin", PASSWORD).get("/admin/locks").statusCode())
        .isEqualTo(200);
    assertThat(AppSession.login(port, "officer2305", PASSWORD).get("/admin/locks").statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongDirectoryPasswordsCountForTheClientAddress() {
    for (int i = 0; i < throttle.freeFailures(); i++) {
      assertThat(
              rest.withBasicAuth("officer2301", "wrong-" + i)
                  .getForEntity(LdapContext.REST + "/task", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(throttle.throttled())
        .anySatisfy(t -> assertThat(t.failures()).isEqualTo(throttle.freeFailures()));
    ResponseEntity<String> waiting =
        rest.withBasicAuth("officer2301", PASSWORD)
            .getForEntity(LdapContext.REST + "/task", String.class);
    assertThat(waiting.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  @Test
  void anOfficerSeesHerDistrictsTasksAndNotAnotherDistricts() {
    engine.getIdentityService().setAuthentication("officer2305", groupIds("officer2305"));
    String pid;
    try {
      pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  LoanApplicationProcess.KEY,
                  DemoApplications.application(
                      7, "กลุ่มทดสอบทะเบียนผู้ใช้", "230507", EngineClock.today()))
              .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String path = LdapContext.REST + "/task?processInstanceId=" + pid;
    assertThat(
            rest.withBasicAuth("officer2305", PASSWORD).getForEntity(path, String.class).getBody())
        .contains("user_task_subdistrict_endorsement");
    assertThat(
            rest.withBasicAuth("officer2301", PASSWORD).getForEntity(path, String.class).getBody())
        .isEqualTo("[]");
    assertThat(
            rest.withBasicAuth("officer2301", PASSWORD)
                .getForEntity(
                    LdapContext.REST + "/process-instance/" + pid + "/variables", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("provofficer23", PASSWORD)
                .getForEntity(
                    LdapContext.REST + "/process-instance/" + pid + "/variables", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private List<String> groupIds(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  private long tasklistGrants(String group) {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .groupIdIn(group)
        .resourceType(Resources.APPLICATION)
        .resourceId("tasklist")
        .count();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
