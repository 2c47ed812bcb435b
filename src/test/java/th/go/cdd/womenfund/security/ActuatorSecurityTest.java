package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.health.SlowStartupLoader;

/**
 * {@code /actuator}: the probes are open and say only UP/DOWN; the Prometheus metrics, with the
 * fund's own {@code womenfund_} metrics, only for administrators and the monitoring group; a
 * stranger gets 401, an officer 403. Spring Boot's tests export no metrics unless asked
 * ({@code @AutoConfigureObservability}); the context is shared with {@code StartupReadinessTest}.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(SlowStartupLoader.class)
class ActuatorSecurityTest {

  static final String PASSWORD = "actuator-test-password";
  static final String ADMIN_PASSWORD = "test-only-admin-password";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  @BeforeEach
  void users() {
    throttle.liftAll();
    roles.ensureDistrict(areas.district("2306").orElseThrow());
    user("actuator2306", Roles.districtOfficers("2306"));
    user("scraper-test", Roles.MONITORING);
  }

  @AfterEach
  void lift() {
    throttle.liftAll();
  }

  void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(PASSWORD);
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
  }

  @Test
  void probesAreOpenAndSayOnlyUpOrDown() {
    ResponseEntity<String> liveness = rest.getForEntity("/actuator/health/liveness", String.class);
    ResponseEntity<String> readiness =
        rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(liveness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readiness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    // the whole health (database, mail, job executor): a stranger reads the status alone, no
    // component, no detail
    String anonymous = rest.getForEntity("/actuator/health", String.class).getBody();
    assertThat(anonymous)
        .matches("\\{\"status\":\"(UP|DOWN)\"(,\"groups\":\\[\"liveness\",\"readiness\"])?}");
    assertThat(rest.getForEntity("/actuator/health/db", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void administratorsSeeTheComponentsAndTheirDetails() {
    String admin =
        rest.withBasicAuth("admin", ADMIN_PASSWORD)
            .getForEntity("/actuator/health", String.class)
            .getBody();
    assertThat(admin)
        .contains(
            "\"db\"",
            "\"mail\"",
            "\"jobExecutor\"",
            "\"dueJobs\"",
            "\"incidents\"",
            "\"readinessState\"");
    // an officer is no administrator: the open status only, as for a stranger
    String officer =
        rest.withBasicAuth("actuator2306", PASSWORD)
            .getForEntity("/actuator/health", String.class)
            .getBody();
    assertThat(officer).doesNotContain("components").doesNotContain("jobExecutor");
  }

  @Test
  void prometheusRefusesStrangersAndOfficers() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("nobody-actuator", "wrong")
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    throttle.liftAll();
    assertThat(
            rest.withBasicAuth("actuator2306", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("actuator2306", PASSWORD)
                .getForEntity("/actuator/metrics", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/actuator/metrics/jvm.memory.used", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aSignedInOfficersSessionIsRefusedAnAdministratorsSessionReads() throws Exception {
    AppSession officer = AppSession.login(port, "actuator2306", PASSWORD);
    assertThat(officer.get("/actuator/prometheus", "*/*").statusCode()).isEqualTo(403);
    assertThat(officer.get("/actuator/health", "*/*").body())
        .startsWith("{")
        .doesNotContain("components");
    AppSession admin = AppSession.login(port, "admin", ADMIN_PASSWORD);
    assertThat(admin.get("/actuator/prometheus", "*/*").body()).contains("womenfund_tasks_open");
    assertThat(admin.get("/actuator/health", "*/*").body()).contains("\"jobExecutor\"");
  }

  @Test
  void prometheusCarriesTheFundsMetricsForAdministratorsAndTheMonitoringGroup() {
    ResponseEntity<String> scrape =
        rest.withBasicAuth("scraper-test", PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    // no session for a scraper
    assertThat(scrape.getHeaders().get("Set-Cookie")).isNull();
    String body = scrape.getBody();
    assertThat(body)
        .contains(
            "womenfund_tasks_open{application=\"womenfund\",process=\"loan-application\"}",
            "womenfund_tasks_late{application=\"womenfund\",process=\"loan-application\"}",
            "womenfund_incidents{application=\"womenfund\",process=\"task-reminders\"}",
            "womenfund_engine_events_total{application=\"womenfund\",event=\"job-successful\"}",
            "womenfund_engine_events_total{application=\"womenfund\",event=\"activity-instance-start\"}",
            "womenfund_mail_sent_total{application=\"womenfund\",transport=\"SMTP\"}",
            "womenfund_mail_failed_total",
            "womenfund_mail_pending",
            "womenfund_jobs_due",
            "womenfund_overdue_scan_seconds_count",
            "womenfund_ledger_disagreements",
            "womenfund_statement_rows_imported_total",
            "jvm_memory_used_bytes",
            "hikaricp_connections_active",
            "http_server_requests_seconds_count");
    assertThat(
            rest.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // the monitoring group reads metrics, not the health details
    assertThat(
            rest.withBasicAuth("scraper-test", PASSWORD)
                .getForEntity("/actuator/health", String.class)
                .getBody())
        .doesNotContain("components");
  }

  @Test
  void theScrapersAccountOpensNothingButTheActuator() {
    for (String path : List.of("/engine-rest/task", "/api/portfolio/quality")) {
      ResponseEntity<String> get =
          rest.withBasicAuth("scraper-test", PASSWORD).getForEntity(path, String.class);
      assertThat(get.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get.getBody()).as(path).contains(MonitoringOnlyGate.MESSAGE);
    }
    // an officer whom an administrator also put in the monitoring group keeps her own work
    user("actuator2306m", Roles.districtOfficers("2306"));
    if (identity.createGroupQuery().groupMember("actuator2306m").count() == 1) {
      identity.createMembership("actuator2306m", Roles.MONITORING);
    }
    assertThat(
            rest.withBasicAuth("actuator2306m", PASSWORD)
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            rest.withBasicAuth("actuator2306m", PASSWORD)
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
