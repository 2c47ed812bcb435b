package th.go.cdd.womenfund.system.health;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node takes work only when it is ready. Tomcat listens as soon as the context is refreshed
 * (Flyway has migrated and the engine has deployed the processes by then), but the start-up work
 * runs after that: the admin account, the owner-rights repair, the Tasklist filters and their
 * authorizations, and in the demo profile the demo data (tens of seconds). They are Spring {@code
 * ApplicationRunner}s; Spring Boot publishes {@link ReadinessState#ACCEPTING_TRAFFIC} only after
 * the last of them has returned, and {@link ReadinessState#REFUSING_TRAFFIC} again when the node
 * shuts down.
 *
 * <p>This class states the refusal explicitly when the application has started (before the
 * runners), keeps the current state, and answers every request but {@code /actuator/**} with 503,
 * {@code Retry-After} and a Thai message while the node is not ready, so nobody sees an empty
 * Tasklist or half the demo data, whether or not a load balancer watches {@code
 * /actuator/health/readiness}.
 */
@Configuration
public class StartupReadiness {

  static final String MESSAGE =
      "ระบบกำลังเริ่มทำงานหรือกำลังปิดปรับปรุง กรุณารอสักครู่แล้วลองใหม่อีกครั้ง";
  static final int RETRY_AFTER_SECONDS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(StartupReadiness.class);

  private volatile ReadinessState state = ReadinessState.REFUSING_TRAFFIC;

  /** Runs before any {@code ApplicationRunner}: the start-up work is still to come. */
  @EventListener
  void started(ApplicationStartedEvent event) {
    AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
  }

  @EventListener
  void changed(AvailabilityChangeEvent<ReadinessState> event) {
    ReadinessState previous = state;
    state = event.getState();
    if (previous != state) {
      LOG.info("readiness: {}", state);
    }
  }

  public boolean ready() {
    return state == ReadinessState.ACCEPTING_TRAFFIC;
  }

  @Bean
  FilterRegistrationBean<NotReadyFilter> notReadyFilter() {
    FilterRegistrationBean<NotReadyFilter> registration =
        new FilterRegistrationBean<>(new NotReadyFilter(this));
    registration.setName("womenfund-not-ready");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * 503 with a Thai message (JSON for the APIs, a short page otherwise) until the node is ready.
   */
  static final class NotReadyFilter extends OncePerRequestFilter {

    private final StartupReadiness readiness;

    NotReadyFilter(StartupReadiness readiness) {
      this.readiness = readiness;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return readiness.ready() || path(request).startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      response.setHeader("Cache-Control", "no-store");
      String body;
      if (wantsJson(request)) {
        response.setContentType("application/json;charset=UTF-8");
        body =
            "{\"type\":\"NotReady\",\"message\":\""
                + MESSAGE
                + "\",\"problems\":[\""
                + MESSAGE
                + "\"]}";
      } else {
        response.setContentType("text/html;charset=UTF-8");
        body =
            "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\""
                + RETRY_AFTER_SECONDS
                + "\">"
                + "<title>กองทุนพัฒนาบทบาทสตรี</title></head><body><h1>กองทุนพัฒนาบทบาทสตรี</h1><p>"
                + MESSAGE
                + "</p></body></html>";
      }
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String path(HttpServletRequest request) {
      return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean wantsJson(HttpServletRequest request) {
      String path = path(request);
      String accept = request.getHeader("Accept");
      return path.startsWith("/api/")
          || path.startsWith("/engine-rest/")
          || path.startsWith("/camunda/api/")
          || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }
  }
}
