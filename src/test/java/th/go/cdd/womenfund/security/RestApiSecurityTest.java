package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The REST API needs a login, refuses bad input in Thai, and shows an officer only her own
 * district's work.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestApiSecurityTest {

  static final String PASSWORD = "officer-test-password";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  /**
   * The wrong password counted against the client address (login_throttle); engine authentication
   * is per thread.
   */
  @AfterEach
  void tearDown() {
    throttle.liftAll();
    engine.getIdentityService().clearAuthentication();
  }

  @BeforeEach
  void users() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    user("rest2305", Roles.districtOfficers("2305"));
    user("rest2301", Roles.districtOfficers("2301"));
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).member(group);
  }

  @Test
  void badInputIsRefusedWithTheThaiMessageAndNoStackTrace() {
    String body =
        "{\"variables\": {\"groupName\": {\"value\": \"กลุ่มทดสอบ\", \"type\": \"String\"},"
            + " \"requestedAmount\": {\"value\": \"-5\", \"type\": \"String\"}}}";
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.withBasicAuth("rest2305", PASSWORD)
            .postForEntity(
                "/engine-rest/process-definition/key/"
                    + LoanApplicationProcess.KEY
                    + "/submit-form",
                new org.springframework.http.HttpEntity<>(body, headers),
                String.class);
    // the engine's REST resource answers 500 "Cannot instantiate process definition …: <message>"
    // for any
    // refusal of a start; Tasklist shows the message part
    assertThat(response.getStatusCode().isError()).isTrue();
    assertThat(response.getBody())
        .contains("วงเงินขอกู้ ต้องไม่ติดลบ")
        .contains("กรุณากรอกรหัสตำบล 6 หลัก")
        .doesNotContain("Exception:")
        .doesNotContain("\tat ");
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordTheApiAnswers401() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("admin", "test-only-admin-password")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // last: a failed login locks the account for a few seconds (the engine's login throttling)
    assertThat(
            rest.withBasicAuth("admin", "wrong")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anOfficerSeesHerDistrictsTaskAndNotAnotherDistricts() {
    engine
        .getIdentityService()
        .setAuthentication("rest2305", List.of(Roles.districtOfficers("2305")));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(7, "กลุ่มทดสอบสิทธิ์", "230507", EngineClock.today()))
            .getId();
    engine.getIdentityService().clearAuthentication();

    ResponseEntity<String> own =
        rest.withBasicAuth("rest2305", PASSWORD)
            .getForEntity("/engine-rest/task?processInstanceId=" + pid, String.class);
    ResponseEntity<String> other =
        rest.withBasicAuth("rest2301", PASSWORD)
            .getForEntity("/engine-rest/task?processInstanceId=" + pid, String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).contains("user_task_subdistrict_endorsement");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(other.getBody()).isEqualTo("[]");
    assertThat(
            rest.withBasicAuth("rest2301", PASSWORD)
                .getForEntity("/engine-rest/process-instance/" + pid + "/variables", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> ownVariables =
        rest.withBasicAuth("rest2305", PASSWORD)
            .getForEntity("/engine-rest/process-instance/" + pid + "/variables", String.class);
    assertThat(ownVariables.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ownVariables.getBody()).contains("applicationNo");
    assertThat(
            rest.withBasicAuth("rest2305", PASSWORD)
                .getForEntity("/engine-rest/history/process-instance/" + pid, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            rest.withBasicAuth("rest2301", PASSWORD)
                .getForEntity(
                    "/engine-rest/history/process-instance?processInstanceId=" + pid, String.class)
                .getBody())
        .isEqualTo("[]");
  }
}
