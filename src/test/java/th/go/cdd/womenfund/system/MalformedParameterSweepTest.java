package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;

/**
 * Every GET page and API of the app (read from Spring's handler mapping, so a new one is swept
 * too), with each parameter and path variable mistyped in the ways people and scripts mistype them:
 * never a 5xx. The demo's people of every level ask, so the checks past the refusals are reached as
 * well.
 */
@DemoContext
class MalformedParameterSweepTest {

  static final List<String> BAD =
      List.of(
          "xx",
          "2",
          "",
          "-1",
          "99999999999999999999",
          "ก",
          "2026-13-45",
          "31/02/2569",
          "%'<b>",
          "RS-99-9");
  static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired LoginThrottle throttle;

  record Endpoint(String pattern, List<String> params) {}

  List<Endpoint> getEndpoints() {
    List<Endpoint> found = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      List<String> params = new ArrayList<>();
      for (MethodParameter p : e.getValue().getMethodParameters()) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null) {
          String name =
              !rp.name().isEmpty()
                  ? rp.name()
                  : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
          params.add(name);
        }
      }
      for (String pattern : e.getKey().getPatternValues()) {
        if (!pattern.startsWith("/error")) {
          found.add(new Endpoint(pattern, params));
        }
      }
    }
    return found;
  }

  /**
   * The addresses to try for one endpoint: each path variable and each parameter mistyped alone,
   * then all.
   */
  static Set<String> addresses(Endpoint e) {
    Set<String> out = new LinkedHashSet<>();
    for (String bad : BAD) {
      String path = fill(e.pattern(), bad);
      out.add(path);
      for (String p : e.params()) {
        out.add(fill(e.pattern(), "1") + "?" + p + "=" + enc(bad));
        out.add(path + "?" + p + "=" + enc(bad));
      }
      StringBuilder all = new StringBuilder(path);
      char sep = '?';
      for (String p : e.params()) {
        all.append(sep).append(p).append('=').append(enc(bad));
        sep = '&';
      }
      out.add(all.toString());
    }
    return out;
  }

  static String fill(String pattern, String value) {
    Matcher m = PATH_VARIABLE.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = value.isBlank() ? "x" : enc(value).replace("+", "%20");
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void noGetEndpointAnswers5xxToAMistypedParameter() throws Exception {
    throttle.liftAll();
    List<Endpoint> endpoints = getEndpoints();
    assertThat(endpoints)
        .extracting(Endpoint::pattern)
        .contains("/briefing", "/api/portfolio/trend", "/dashboard", "/api/loans/{loanId}/balance");
    List<String> failures = new ArrayList<>();
    int tried = 0;
    for (String user : List.of("department", "supervisor23", "officer2301")) {
      AppSession s = AppSession.login(port, user, DemoContext.PASSWORD);
      for (Endpoint e : endpoints) {
        for (String address : addresses(e)) {
          HttpResponse<String> r = s.get(address);
          tried++;
          if (r.statusCode() >= 500) {
            failures.add(user + " GET " + address + " -> " + r.statusCode());
          }
        }
      }
      assertThat(s.get("/home").statusCode())
          .as("still signed in after the sweep: " + user)
          .isEqualTo(200);
    }
    assertThat(tried).isGreaterThan(500);
    assertThat(failures).isEmpty();
  }

  @Test
  void aMistypedParameterShowsThePageAgainWithAThaiMessageTheApiAnswers400() throws Exception {
    throttle.liftAll();
    AppSession s = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    HttpResponse<String> r = s.get("/briefing?province=23&date=xx");
    assertThat(r.statusCode()).isEqualTo(302);
    String again = r.headers().firstValue("Location").orElseThrow();
    assertThat(again).endsWith("/briefing?province=23");
    HttpResponse<String> page = s.get(again.substring(again.indexOf("/briefing")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"page-message\"")
        .contains("วันที่ประชุม &quot;xx&quot; ไม่ถูกรูปแบบ")
        .contains("เอกสารประกอบการประชุม")
        .doesNotContain("ระบบขัดข้อง");

    HttpResponse<String> year = s.get("/dashboard?province=23&year=xx");
    assertThat(year.statusCode()).isEqualTo(302);
    assertThat(s.get("/dashboard?province=23").body())
        .contains("ค่า &quot;xx&quot; ของ year ไม่ถูกต้อง: ต้องเป็นตัวเลขจำนวนเต็ม");

    HttpResponse<String> trend = s.send("/api/portfolio/trend?level=DISTRICT&code=2", b -> b.GET());
    assertThat(trend.statusCode()).isEqualTo(400);
    assertThat(trend.body()).contains("รหัสอำเภอเป็นตัวเลข 4 หลัก");
    // a browser asking the API for HTML gets the refusal as JSON, not a 500
    HttpResponse<String> html = s.get("/api/loans/abc/balance");
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html.body()).contains("ของ loanId ไม่ถูกต้อง: ต้องเป็นตัวเลขจำนวนเต็ม");
  }
}
