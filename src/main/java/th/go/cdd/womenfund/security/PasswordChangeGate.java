package th.go.cdd.womenfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
    if (!oneTime.applies() || alwaysAllowed(path) || !oneTime.mustChange(signedIn())) {
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

  /** The person this request runs as: Spring Security's, or the engine REST filter's. */
  private String signedIn() {
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof SignedInUser user) {
      return user.userId();
    }
    Authentication engine = identity.getCurrentAuthentication();
    return engine == null ? null : engine.getUserId();
  }
}
