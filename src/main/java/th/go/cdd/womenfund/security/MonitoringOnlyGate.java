package th.go.cdd.womenfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics scraper's account (a person whose only group is {@link Roles#MONITORING}, created by
 * {@link MonitoringAccount} or kept in the Department's directory) reads {@code /actuator} and
 * nothing else: the engine's REST API, {@code /api}, the app's pages and the webapps answer 403
 * (JSON with a Thai message for the APIs, the error page for pages), though her rights in the
 * engine would show her only empty lists. A person in {@code monitoring} and another group keeps
 * the rights of the other group. Who she is and her groups come from the authentication (Spring
 * Security's, or the engine's where its REST filter signed her in, as in {@link
 * PasswordChangeGate}); one servlet filter after both.
 */
public class MonitoringOnlyGate extends OncePerRequestFilter {

  static final String MESSAGE =
      "บัญชีนี้ใช้อ่านข้อมูลเฝ้าดูการทำงานของระบบ (/actuator) เท่านั้น ไม่สามารถใช้งานส่วนอื่นของระบบได้";

  private final IdentityService identity;

  public MonitoringOnlyGate(IdentityService identity) {
    this.identity = identity;
  }

  /** Only {@code monitoring}: the scraper's account. */
  static boolean monitoringOnly(Collection<String> groups) {
    return !groups.isEmpty() && groups.stream().allMatch(Roles.MONITORING::equals);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = PasswordChangeGate.path(request);
    if (path.startsWith("/actuator/")
        || PasswordChangeGate.alwaysAllowed(path)
        || signedInGroups(path).stream().noneMatch(MonitoringOnlyGate::monitoringOnly)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (!PasswordChangeGate.isApi(path)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, MESSAGE);
      return;
    }
    byte[] body =
        ("{\"type\":\"MonitoringOnly\",\"message\":\"" + MESSAGE + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The groups of everyone this request runs as: Spring Security's person, this application's
   * engine's, and that of the engine the REST API addresses for this path.
   */
  private List<Collection<String>> signedInGroups(String path) {
    List<Collection<String>> people = new ArrayList<>();
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof SignedInUser user) {
      people.add(user.groups());
    }
    add(people, identity);
    if (path.startsWith("/engine-rest/")) {
      ProcessEngine addressed = PasswordChangeGate.addressed(path);
      if (addressed != null && addressed.getIdentityService() != identity) {
        add(people, addressed.getIdentityService());
      }
    }
    return people;
  }

  private static void add(List<Collection<String>> people, IdentityService service) {
    Authentication auth = service.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      people.add(auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }
  }
}
