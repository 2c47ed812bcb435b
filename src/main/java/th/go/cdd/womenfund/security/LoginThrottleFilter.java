package th.go.cdd.womenfund.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Counts failed logins per client address on every login surface and answers 429, in Thai, while
 * the address must wait ({@link LoginThrottle}). Runs before Spring Security and the engine's REST
 * filter, so a waiting address costs no password check. A request counts as one failure when the
 * engine refused a password while serving it ({@link GuardedIdentityProvider#checkPassword},
 * whichever surface asked), so none is missed:
 *
 * <ul>
 *   <li>the app's login page, {@code POST /login};
 *   <li>the webapps' own login form, {@code POST
 *       /camunda/api/admin/auth/user/{engine}/login/{app}};
 *   <li>the current password on the app's own password change, {@code POST /password/change};
 *   <li>HTTP Basic on {@code /engine-rest/**} and {@code /api/**};
 *   <li>the engine API's password checks, {@code POST …/identity/verify} (which answers 200 either
 *       way) and the current password of {@code PUT …/user/{id}/credentials}, over REST or the
 *       webapps' session.
 * </ul>
 *
 * While an address waits, every request of these kinds from it is answered 429. The client address
 * is the connection's ({@code getRemoteAddr}): behind a reverse proxy, let the container take it
 * from the proxy's {@code X-Forwarded-For} ({@code server.forward-headers-strategy: native}), or
 * every user shares the proxy's count.
 */
@Component
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  /** The engine API's own password checks, over REST or the webapps (any engine name). */
  private static final Pattern PASSWORD_CHECK =
      Pattern.compile(
          "(/engine-rest|/camunda/api/engine)(/engine/[^/]+)?/(identity/verify|user/[^/]+/credentials)/?");

  enum Surface {
    LOGIN_PAGE,
    WEBAPP_LOGIN,
    PASSWORD_CHANGE,
    HTTP_BASIC,
    PASSWORD_CHECK
  }

  private final LoginThrottle throttle;

  /** Login attempts in progress on this node, per address that failed lately. */
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** Before Spring Security (and so before every login check), for requests only. */
  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleRegistration(
        LoginThrottleFilter filter) {
      FilterRegistrationBean<LoginThrottleFilter> registration =
          new FilterRegistrationBean<>(filter);
      registration.setName("womenfund-login-throttle");
      registration.addUrlPatterns("/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 50);
      return registration;
    }
  }

  static Optional<Surface> surface(HttpServletRequest request) {
    // decoded and normalised by the container, as the servlets behind see it (so "/%6Cogin" is
    // "/login" here too)
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if ("POST".equalsIgnoreCase(request.getMethod())) {
      if (path.equals("/login")) {
        return Optional.of(Surface.LOGIN_PAGE);
      }
      if (WEBAPP_LOGIN.matcher(path).matches()) {
        return Optional.of(Surface.WEBAPP_LOGIN);
      }
      if (path.equals(PasswordChangeController.PATH)) {
        return Optional.of(Surface.PASSWORD_CHANGE);
      }
    }
    if (!"GET".equalsIgnoreCase(request.getMethod()) && PASSWORD_CHECK.matcher(path).matches()) {
      return Optional.of(Surface.PASSWORD_CHECK);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && (path.startsWith("/engine-rest/") || path.startsWith("/api/"))) {
      return Optional.of(Surface.HTTP_BASIC);
    }
    return Optional.empty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Surface> surface = surface(request);
    String address = request.getRemoteAddr();
    boolean held = false;
    if (surface.isPresent()) {
      LoginThrottle.Check check = throttle.check(address);
      if (check.waitLeft().isPresent()) {
        refuse(request, response, check.waitLeft().get());
        return;
      }
      // an address that failed lately may have only its free failures left in flight at once (one,
      // once they are
      // spent): a burst of parallel guesses cannot all pass the check above before the first of
      // them is counted
      // (per node; addresses without failures are not limited)
      int recent = check.recentFailures();
      if (recent > 0) {
        held = true;
        if (inFlight.merge(address, 1, Integer::sum)
            > Math.max(1, throttle.freeFailures() - recent)) {
          release(address);
          refuse(request, response, Duration.ofSeconds(1));
          return;
        }
      }
    }
    int refused;
    LoginThrottle.startCounting();
    try {
      chain.doFilter(request, response);
    } finally {
      refused = LoginThrottle.stopCounting();
      if (held) {
        release(address);
      }
    }
    if (refused > 0) {
      Duration now = throttle.failed(address);
      if (!now.isZero()) {
        LOG.warn(
            "login attempts from one client address wait {} s after repeated failures ({})",
            now.toSeconds(),
            surface.map(Enum::name).orElse(request.getServletPath()));
      }
    }
  }

  private void release(String address) {
    inFlight.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  /** The Thai wait, rounded up to whole seconds: "2 นาที 30 วินาที". */
  static String thaiWait(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = seconds / 60;
    long rest = seconds % 60;
    return minutes == 0
        ? rest + " วินาที"
        : rest == 0 ? minutes + " นาที" : minutes + " นาที " + rest + " วินาที";
  }

  static String message(Duration wait) {
    return "มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องนี้หลายครั้ง กรุณารออีก "
        + thaiWait(wait)
        + " แล้วลองใหม่ หากจำรหัสผ่านไม่ได้หรือต้องการเข้าใช้งานทันที กรุณาติดต่อผู้ดูแลระบบ";
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    String message = message(wait);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    response.setHeader("Cache-Control", "no-store");
    String accept = String.valueOf(request.getHeader("Accept"));
    byte[] body;
    if (accept.contains("text/html")) {
      response.setContentType("text/html;charset=UTF-8");
      body =
          ("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"UTF-8\"><title>กรุณารอสักครู่ — กองทุนพัฒนาบทบาทสตรี"
                  + "</title></head><body><h1>กรุณารอสักครู่</h1><p>"
                  + HtmlUtils.htmlEscape(message)
                  + "</p>"
                  + "<p><a href=\""
                  + request.getContextPath()
                  + "/login\">กลับไปหน้าเข้าสู่ระบบ</a></p></body></html>")
              .getBytes(StandardCharsets.UTF_8);
    } else {
      response.setContentType("application/json;charset=UTF-8");
      body =
          ("{\"type\":\"TooManyFailedLogins\",\"message\":\""
                  + message
                  + "\",\"retryAfterSeconds\":"
                  + Math.max(1, (wait.toMillis() + 999) / 1000)
                  + "}")
              .getBytes(StandardCharsets.UTF_8);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
