package th.go.cdd.womenfund.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * Readiness is DOWN until the start-up work is done: a start-up loader that is still running (the
 * last {@code ApplicationRunner}, like the demo data) looks at the node from outside, over HTTP,
 * while Tomcat already listens; the node must say OUT_OF_SERVICE (503) on the readiness probe, stay
 * alive, and answer the app's pages and APIs with 503 and the Thai message ({@link
 * SlowStartupLoader}). Once started, it is ready; shutting down (REFUSING_TRAFFIC) refuses again.
 * Shares its context with {@code ActuatorSecurityTest} (same annotations).
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(SlowStartupLoader.class)
class StartupReadinessTest {

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;

  @Test
  void notReadyWhileTheStartUpWorkRunsReadyAfterwards() {
    Map<String, String> seen = SlowStartupLoader.SEEN_DURING_START;
    assertThat(seen.get("state")).isEqualTo(ReadinessState.REFUSING_TRAFFIC.name());
    assertThat(seen.get("/actuator/health/readiness"))
        .startsWith("503 ")
        .contains("OUT_OF_SERVICE");
    assertThat(seen.get("/actuator/health/liveness")).startsWith("200 ").contains("UP");
    assertThat(seen.get("/login"))
        .startsWith("503 10 ")
        .contains(StartupReadiness.MESSAGE)
        .contains("<html lang=\"th\">");
    assertThat(seen.get("/engine-rest/task"))
        .startsWith("503 10 {")
        .contains(StartupReadiness.MESSAGE);
    assertThat(seen.get("/api/loans/1")).startsWith("503 10 {").contains(StartupReadiness.MESSAGE);

    assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void refusesAgainWhenTheNodeStopsTakingTraffic() {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      ResponseEntity<String> readiness =
          rest.getForEntity("/actuator/health/readiness", String.class);
      assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      ResponseEntity<String> page = rest.getForEntity("/login", String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(page.getBody()).contains(StartupReadiness.MESSAGE);
      assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
