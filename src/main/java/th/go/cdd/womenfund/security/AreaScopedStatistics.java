package th.go.cdd.womenfund.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The process-definition statistics count every instance of a definition, whoever may read them:
 * the engine checks READ on the definition only (issue 11: an officer of one district saw every
 * district's counts, a supervisor of another province Trat's). Cockpit's dashboard needs these
 * lists, so instead of closing them this filter keeps their shape and recounts, as the signed-in
 * person, only what she may read: instances, failed jobs and incidents (the same queries that
 * Cockpit's instance lists make, which the engine does scope per instance). Admins and the
 * Department read everything and get the engine's answer unchanged.
 *
 * <p>Covers {@code /engine-rest/process-definition/statistics}, the webapps' copy of it ({@code
 * /camunda/api/engine/engine/{name}/process-definition/statistics}) and Cockpit's own list ({@code
 * /camunda/api/cockpit/plugin/base/{name}/process-definition/statistics}, counted per key). The
 * statistics of one definition's activities ({@code /process-definition/{id}/statistics}) are
 * scoped by the engine already.
 */
public class AreaScopedStatistics extends OncePerRequestFilter {

  static final Pattern ENGINE =
      Pattern.compile(
          "^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/process-definition/statistics/?$");
  static final Pattern COCKPIT =
      Pattern.compile("^/camunda/api/cockpit/plugin/base/([^/]+)/process-definition/statistics/?$");

  /**
   * Looked up per request: a filter is made when the web server starts, before Flyway and the
   * engine.
   */
  private final ObjectProvider<ProcessEngine> engines;

  private final ObjectMapper json = new ObjectMapper();

  public AreaScopedStatistics(ObjectProvider<ProcessEngine> engines) {
    this.engines = engines;
  }

  /**
   * The engine of this request, looked up as the REST API and the webapps look it up (by name, else
   * the default).
   */
  private static final ThreadLocal<ProcessEngine> current = new ThreadLocal<>();

  private ProcessEngine engine() {
    ProcessEngine e = current.get();
    return e != null ? e : engines.getObject();
  }

  /**
   * As the REST API's filters and resources find it ({@code EngineUtil}, by name, else the
   * default): the person the REST API's HTTP Basic filter signed in is set on that engine.
   */
  private ProcessEngine lookup(String name) {
    try {
      ProcessEngine e = EngineUtil.lookupProcessEngine(name);
      return e != null ? e : engines.getObject();
    } catch (RuntimeException notFound) {
      return engines.getObject();
    }
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<AreaScopedStatistics> areaScopedStatistics(
        ObjectProvider<ProcessEngine> engines) {
      FilterRegistrationBean<AreaScopedStatistics> r =
          new FilterRegistrationBean<>(new AreaScopedStatistics(engines));
      r.setName("womenfund-area-scoped-statistics");
      r.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      // after Spring Security (-100) and the REST API's HTTP Basic filter (101): the person is
      // known
      r.setOrder(102);
      return r;
    }
  }

  private record Who(String userId, List<String> groups) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    java.util.regex.Matcher engineMatch = ENGINE.matcher(path);
    java.util.regex.Matcher cockpitMatch = COCKPIT.matcher(path);
    boolean engineList = engineMatch.matches();
    boolean cockpitList = cockpitMatch.matches();
    if (!engineList && !cockpitList) {
      chain.doFilter(request, response);
      return;
    }
    current.set(lookup(engineList ? engineMatch.group(1) : cockpitMatch.group(1)));
    try {
      scoped(request, response, chain, path, engineList);
    } finally {
      current.remove();
    }
  }

  private void scoped(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String path,
      boolean engineList)
      throws ServletException, IOException {
    Who who = who(path.startsWith("/engine-rest/"));
    if (who == null) {
      // signed in (the filters before let only that through) but not found: closed rather than
      // every area's counts
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response
          .getOutputStream()
          .write(
              ("{\"type\":\"AuthorizationException\",\"message\":\"ไม่สามารถระบุผู้ใช้งานได้"
                      + " จึงแสดงสถิติของกระบวนการไม่ได้ กรุณาเข้าสู่ระบบใหม่\"}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    if (!"GET".equals(request.getMethod())
        || who.groups().contains(Roles.ADMIN)
        || who.groups().contains(Roles.DEPARTMENT)) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    JsonNode root =
        cached.getStatus() == 200 && cached.getContentSize() > 0
            ? json.readTree(cached.getContentAsByteArray())
            : null;
    if (!(root instanceof ArrayNode list)) {
      cached.copyBodyToResponse();
      return;
    }
    IdentityService identity = engine().getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(who.userId(), who.groups());
    try {
      for (JsonNode item : list) {
        if (item instanceof ObjectNode n && n.hasNonNull("id")) {
          if (engineList) {
            recountEngine(n, request);
          } else {
            recountCockpit(n);
          }
        }
      }
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      } else {
        identity.clearAuthentication();
      }
    }
    byte[] body = json.writeValueAsBytes(list);
    response.setContentType(cached.getContentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void recountEngine(ObjectNode n, HttpServletRequest request) {
    String id = n.get("id").asText();
    n.put(
        "instances",
        engine().getRuntimeService().createProcessInstanceQuery().processDefinitionId(id).count());
    if ("true".equals(request.getParameter("failedJobs"))) {
      n.put(
          "failedJobs",
          engine()
              .getManagementService()
              .createJobQuery()
              .processDefinitionId(id)
              .noRetriesLeft()
              .count());
    }
    if (n.has("incidents") && n.get("incidents").isArray()) {
      boolean roots = "true".equals(request.getParameter("rootIncidents"));
      String onlyType = request.getParameter("incidentsForType");
      Map<String, Integer> byType = new TreeMap<>();
      for (Incident i :
          engine().getRuntimeService().createIncidentQuery().processDefinitionId(id).list()) {
        if ((!roots || i.getId().equals(i.getRootCauseIncidentId()))
            && (onlyType == null || onlyType.equals(i.getIncidentType()))) {
          byType.merge(i.getIncidentType(), 1, Integer::sum);
        }
      }
      boolean asked = roots || onlyType != null || "true".equals(request.getParameter("incidents"));
      ArrayNode incidents = n.putArray("incidents");
      if (asked) {
        byType.forEach(
            (type, count) ->
                incidents.addObject().put("incidentType", type).put("incidentCount", count));
      }
    }
  }

  private void recountCockpit(ObjectNode n) {
    String key = n.hasNonNull("key") ? n.get("key").asText() : null;
    if (key == null) {
      return;
    }
    n.put(
        "instances",
        engine()
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(key)
            .count());
    if (n.has("incidents")) {
      n.put(
          "incidents",
          engine().getRuntimeService().createIncidentQuery().processDefinitionKeyIn(key).count());
    }
  }

  /**
   * The person of this request: on {@code /engine-rest} the HTTP Basic login the engine's filter
   * has just checked (a session cookie plays no part there); on the webapps, the session's.
   */
  private Who who(boolean engineRest) {
    if (engineRest) {
      Authentication login = engine().getIdentityService().getCurrentAuthentication();
      return login == null || login.getUserId() == null
          ? null
          : new Who(
              login.getUserId(), login.getGroupIds() == null ? List.of() : login.getGroupIds());
    }
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    return spring != null && spring.getPrincipal() instanceof SignedInUser user
        ? new Who(user.userId(), user.groups())
        : null;
  }
}
