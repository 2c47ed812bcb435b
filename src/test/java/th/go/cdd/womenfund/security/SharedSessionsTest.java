package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.WomenFundApplication;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * Shared sessions (Spring Session JDBC, issue 14) without a cluster: this test's context is node A,
 * a second app context started next to it on the same database is node B. Sign in on A, Tasklist
 * and a completed task on B, sign out on B: A's session is gone. The two-JVM version on PostgreSQL
 * is in {@code ClusterReliabilityTest}.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SharedSessionsTest {

  static final String PASSWORD = "shared-session-password";
  static ConfigurableApplicationContext nodeB;
  static ProcessEngine nodeAEngine;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  @BeforeAll
  static void startNodeB() {
    // command-line arguments: they outrank application.yaml (default properties would not); node B
    // stands behind
    // a proxy (docker-compose.yml) and trusts its X-Forwarded-* headers
    nodeB =
        new SpringApplicationBuilder(WomenFundApplication.class)
            .profiles("test")
            .run("--server.port=0", "--server.forward-headers-strategy=native");
  }

  /**
   * Node B stays up until the JVM ends: closing an app context unregisters the engine name
   * "default" from the JVM-wide registry, and the Camunda webapps keep JVM-wide state of their own,
   * so later tests' webapps would fail. Node A's engine (the cached test context later tests use)
   * is registered again instead.
   */
  @AfterAll
  static void giveTheRegistryBackToNodeA() {
    if (nodeAEngine != null) {
      ProcessEngines.registerProcessEngine(nodeAEngine);
    }
  }

  @BeforeEach
  void rememberNodeA() {
    nodeAEngine = engine;
  }

  @AfterEach
  void liftThrottle() {
    throttle.liftAll();
  }

  /** A district officer of 2306 (เกาะกูด) with a password of her own. */
  String officer() {
    roles.ensureDistrict(areas.district("2306").orElseThrow());
    String userId = "sessionofficer2306";
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      User u = engine.getIdentityService().newUser(userId);
      u.setPassword(PASSWORD);
      u.setFirstName("ทดสอบ");
      u.setLastName("สองเครื่อง");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership(userId, Roles.districtOfficers("2306"));
    }
    return userId;
  }

  @Test
  void aLoginOnNodeAWorksOnNodeBAndALogoutOnBEndsItOnA() throws Exception {
    String userId = officer();
    Task task = engine.getTaskService().newTask("shared-session-" + System.nanoTime());
    task.setName("งานทดสอบสองเครื่อง");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), Roles.districtOfficers("2306"));

    int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    assertThat(portB).isNotEqualTo(port);
    new SharedSessionJourney(port, portB).run(userId, PASSWORD, task.getId());

    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(task.getId())
                .singleResult()
                .getEndTime())
        .as("completed through node B")
        .isNotNull();
  }

  @Test
  void theWebappsOwnLoginOnNodeAWorksOnNodeBAndTheirLogoutOnBEndsItOnA() throws Exception {
    String userId = officer();
    new SharedSessionJourney(port, ((WebServerApplicationContext) nodeB).getWebServer().getPort())
        .runThroughTheWebappsLogin(userId, PASSWORD);
  }

  @Test
  void behindTheProxyRedirectsGoToTheProxysAddress() throws Exception {
    int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    HttpResponse<String> home =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/home"))
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "womenfund.cdd.example")
                    .header("X-Forwarded-Port", "443")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValue("https://womenfund.cdd.example/login");
  }
}
