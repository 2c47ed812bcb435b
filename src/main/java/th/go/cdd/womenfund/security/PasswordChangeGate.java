package th.go.cdd.womenfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person whose password is one-time ({@link OneTimePasswords}) may do nothing but choose her own:
 * signed in by any surface (the login page and its session, the webapps' own login form, HTTP Basic
 * on {@code /api} and {@code /engine-rest}), her pages are sent to {@value
 * PasswordChangeController#PATH} and her API calls are refused 403 with a Thai message — except the
 * change page and its POST, logout, the login page, the error page and static files. Runs after
 * authentication on every chain of {@link WebSecurity} and after the engine's REST filter ({@link
 * PasswordChangeGateRegistration}). Who she is comes from the authentication, whether she must
 * change from the fund's table: nothing the client sends decides it.
 *
 * <p>The engine REST filter signs the caller in on the engine it <em>looks up by name</em> ({@code
 * EngineUtil}), and the engine's identity service keeps that person in a thread-local of its own
 * instance. Where several engines named {@code default} are registered (several cached test
 * contexts in one JVM) that is not necessarily this application's engine, so the gate asks that
 * engine too, and holds the request back if any of the people it finds must change her password.
 */
public class PasswordChangeGate extends OncePerRequestFilter {

  static final String MESSAGE =
      "ท่านยังใช้รหัสผ่านชั่วคราวที่ได้รับ: กรุณาตั้งรหัสผ่านใหม่ของท่านเองที่หน้า "
          + PasswordChangeController.PATH
          + " ก่อนใช้งานระบบ";

  /** Files of the app and of the webapps: scripts, styles, fonts, images, translations. */
  private static final Pattern STATIC =
      Pattern.compile(
          "/(webjars|css|js)/.*|/favicon\\.ico|/camunda/(app|lib|assets)/.*\\.(js|css|map|json|png|svg|gif|jpg|ico|woff2?|ttf|eot)"
              + "|/camunda/api/[^/]+/plugin/[^/]+/static/.*");

  /** The webapps' "who is signed in" and their logout. */
  private static final Pattern WEBAPP_SESSION =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+(/logout)?/?");

  /** The engine an {@code /engine-rest} path names; without one the REST API uses the default. */
  private static final Pattern NAMED_ENGINE = Pattern.compile("/engine-rest/engine/([^/]+)(/.*)?");

  private final OneTimePasswords oneTime;
  private final IdentityService identity;

  public PasswordChangeGate(OneTimePasswords oneTime, IdentityService identity) {
    this.oneTime = oneTime;
    this.identity = identity;
  }

  /** Paths as the servlets behind see them (decoded, normalised). */
  static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  static boolean alwaysAllowed(String path) {
    return path.equals(PasswordChangeController.PATH)
        || path.equals("/logout")
        || path.equals("/login")
        || path.equals("/error")
        || path.startsWith("/actuator/health")
        || STATIC.matcher(path).matches()
        || WEBAPP_SESSION.matcher(path).matches();
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/")
        || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/api/")
        || path.startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    if (!oneTime.applies()
        || alwaysAllowed(path)
        || signedIn(path).stream().noneMatch(oneTime::mustChange)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (isApi(path)) {
      byte[] body =
          ("{\"type\":\"PasswordChangeRequired\",\"message\":\""
                  + MESSAGE
                  + "\",\"changePasswordUrl\":\""
                  + request.getContextPath()
                  + PasswordChangeController.PATH
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    response.sendRedirect(request.getContextPath() + PasswordChangeController.PATH);
  }

  /**
   * Everyone this request runs as: Spring Security's person, this application's engine's, and the
   * engine the REST API addresses for this path (where its HTTP Basic filter signed the caller in).
   */
  private Set<String> signedIn(String path) {
    Set<String> people = new LinkedHashSet<>();
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof SignedInUser user) {
      people.add(user.userId());
    }
    add(people, identity);
    if (path.startsWith("/engine-rest/")) {
      ProcessEngine addressed = addressed(path);
      if (addressed != null && addressed.getIdentityService() != identity) {
        add(people, addressed.getIdentityService());
      }
    }
    return people;
  }

  private static void add(Set<String> people, IdentityService service) {
    Authentication auth = service.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      people.add(auth.getUserId());
    }
  }

  /** As the REST API's filters find it: by the name in the path, else the default engine. */
  static ProcessEngine addressed(String path) {
    Matcher named = NAMED_ENGINE.matcher(path);
    try {
      return EngineUtil.lookupProcessEngine(named.matches() ? named.group(1) : null);
    } catch (RuntimeException notFound) {
      return null;
    }
  }
}
