package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
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
import org.springframework.jdbc.core.JdbcTemplate;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;

/**
 * The metrics scraper's account with the directory (profile {@code ldap}): the Department keeps it
 * in the directory ({@code uid=metrics}, alone in the group {@code cn=monitoring}, womenfund.ldif),
 * mapped like every other group (its {@code cn} is the fund's group id {@link Roles#MONITORING}).
 * She reads {@code /actuator/prometheus} and the health status and nothing else: not the engine's
 * REST API, not {@code /api}, not the app's pages or the webapps. An ordinary officer of the
 * directory does not read the metrics; a wrong password is a plain 401; and {@link
 * MonitoringAccount} creates nothing in the engine's own identity tables for her, even with {@code
 * womenfund.monitoring.password} set.
 */
@LdapContext
class LdapMonitoringAccountTest {

  static final String PASSWORD = LdapTestServer.PASSWORD;
  static final String SCRAPER = "metrics";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate jdbc;
  @Autowired MonitoringAccount monitoringAccount;
  @Autowired MonitoringSettings monitoringSettings;

  @BeforeEach
  @AfterEach
  void liftThrottle() {
    throttle.liftAll();
  }

  @Test
  void theDirectorysScraperIsInTheMonitoringGroupAndNoOther() {
    assertThat(engine.getIdentityService().isReadOnly()).isTrue();
    assertThat(
            engine.getIdentityService().createGroupQuery().groupMember(SCRAPER).list().stream()
                .map(Group::getId)
                .toList())
        .containsExactly(Roles.MONITORING);
    assertThat(engine.getIdentityService().checkPassword(SCRAPER, PASSWORD)).isTrue();
  }

  @Test
  void theScraperReadsPrometheusAndTheHealthStatus() {
    ResponseEntity<String> scrape =
        rest.withBasicAuth(SCRAPER, PASSWORD).getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getBody()).contains("womenfund_tasks_open", "jvm_memory_used_bytes");
    // no session for a scraper
    assertThat(scrape.getHeaders().get("Set-Cookie")).isNull();
    ResponseEntity<String> health =
        rest.withBasicAuth(SCRAPER, PASSWORD).getForEntity("/actuator/health", String.class);
    // the status alone (this test has no mail server, so the whole may be DOWN: 503), like a probe
    assertThat(health.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(health.getBody())
        .matches("\\{\"status\":\"(UP|DOWN)\"(,\"groups\":\\[\"liveness\",\"readiness\"])?}");
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      assertThat(
              rest.withBasicAuth(SCRAPER, PASSWORD)
                  .getForEntity(probe, String.class)
                  .getStatusCode())
          .as(probe)
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void theScraperCannotUseTheEngineRestApi() {
    for (String path :
        List.of(
            LdapContext.REST + "/task",
            LdapContext.REST + "/process-definition",
            LdapContext.REST + "/process-instance",
            LdapContext.REST + "/history/process-instance",
            LdapContext.REST + "/user",
            LdapContext.REST + "/group")) {
      ResponseEntity<String> get =
          rest.withBasicAuth(SCRAPER, PASSWORD).getForEntity(path, String.class);
      assertThat(get.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get.getBody()).as(path).contains(MonitoringOnlyGate.MESSAGE);
    }
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    ResponseEntity<String> start =
        rest.withBasicAuth(SCRAPER, PASSWORD)
            .postForEntity(
                LdapContext.REST
                    + "/process-definition/key/"
                    + LoanApplicationProcess.KEY
                    + "/start",
                json("{\"variables\": {}}"),
                String.class);
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(instances);
    // and by the engine's own rights, whatever the surface: she may start nothing, sees no task
    engine.getIdentityService().setAuthentication(SCRAPER, List.of(Roles.MONITORING));
    try {
      assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theScraperCannotUseTheAppsApiNorItsPages() throws Exception {
    for (String path : List.of("/api/portfolio/quality?province=23", "/api/loans/L-NONE/balance")) {
      ResponseEntity<String> get =
          rest.withBasicAuth(SCRAPER, PASSWORD).getForEntity(path, String.class);
      assertThat(get.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get.getBody()).as(path).contains(MonitoringOnlyGate.MESSAGE);
    }
    // the login page: she signs in (the password is right) but no page of the app opens for her
    AppSession session = AppSession.login(port, SCRAPER, PASSWORD);
    for (String path :
        List.of(
            "/home",
            "/dashboard?province=23",
            "/membership",
            "/late-work?province=23",
            "/camunda/app/tasklist/" + LdapContext.ENGINE + "/",
            "/camunda/app/cockpit/" + LdapContext.ENGINE + "/",
            "/camunda/api/engine/engine/",
            "/camunda/api/engine/engine/" + LdapContext.ENGINE + "/task",
            "/camunda/api/cockpit/plugin/base/" + LdapContext.ENGINE + "/process-definition")) {
      HttpResponse<String> page = session.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(403);
      assertThat(page.body()).as(path).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void anOrdinaryOfficerOfTheDirectoryDoesNotReadTheMetrics() throws Exception {
    assertThat(
            rest.withBasicAuth("officer2305", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("dept01", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            AppSession.login(port, "officer2305", PASSWORD)
                .get("/actuator/prometheus", "*/*")
                .statusCode())
        .isEqualTo(403);
    // the directory's administrator does
    assertThat(
            rest.withBasicAuth("ldapadmin", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aWrongPasswordIsAPlain401() {
    for (String path :
        List.of("/actuator/prometheus", LdapContext.REST + "/task", "/api/portfolio/quality")) {
      ResponseEntity<String> wrong =
          rest.withBasicAuth(SCRAPER, "wrong-password").getForEntity(path, String.class);
      assertThat(wrong.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(String.valueOf(wrong.getBody()))
          .as(path)
          .doesNotContain("Exception", "\tat ", "trace", "ldap://", "dc=cdd");
    }
    // the configured password of the database's scraper account is no password with the directory
    ResponseEntity<String> configured =
        rest.withBasicAuth(SCRAPER, LdapContext.MONITORING_CONFIG_PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(configured.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void nothingIsCreatedInTheEnginesOwnIdentityTables() {
    assertThat(monitoringSettings.hasPassword()).as("set as in production").isTrue();
    // at start, and again now
    monitoringAccount.run(null);
    assertThat(count("select count(*) from ACT_ID_USER where ID_ = ?", SCRAPER)).isZero();
    assertThat(count("select count(*) from ACT_ID_GROUP where ID_ = ?", Roles.MONITORING)).isZero();
    assertThat(
            count(
                "select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = ? or GROUP_ID_ = ?",
                SCRAPER,
                Roles.MONITORING))
        .isZero();
    // nobody at all: the directory holds every account
    assertThat(count("select count(*) from ACT_ID_USER")).isZero();
    // the monitoring group has no right in the engine: it only opens /actuator
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .groupIdIn(Roles.MONITORING)
                .count())
        .isZero();
    assertThat(
            engine.getAuthorizationService().createAuthorizationQuery().userIdIn(SCRAPER).count())
        .isZero();
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
