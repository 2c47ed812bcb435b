package th.go.cdd.womenfund.system.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * A start-up loader that is still at work (the last {@code ApplicationRunner}, as the demo data is)
 * and meanwhile looks at its own node from outside, over HTTP: Tomcat already listens. What it saw
 * is kept for the tests.
 */
@TestConfiguration
public class SlowStartupLoader {

  /** Path (or "state") to "status Retry-After body", as seen while the loader ran. */
  public static final Map<String, String> SEEN_DURING_START = new ConcurrentHashMap<>();

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ApplicationRunner slowLoaderLookingFromOutside(
      Environment env, ApplicationAvailability availability) {
    return args -> {
      SEEN_DURING_START.put("state", availability.getReadinessState().name());
      HttpClient http = HttpClient.newHttpClient();
      for (String path :
          new String[] {
            "/actuator/health/readiness",
            "/actuator/health/liveness",
            "/login",
            "/engine-rest/task",
            "/api/loans/1"
          }) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + env.getProperty("local.server.port") + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        SEEN_DURING_START.put(
            path,
            r.statusCode()
                + " "
                + r.headers().firstValue("Retry-After").orElse("-")
                + " "
                + r.body());
      }
    };
  }
}
