package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.security.AppSession.enc;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * One login for the app and the Camunda webapps: the Thai login page (with its CSRF token) signs a
 * person in to Tasklist too; the webapps' own login form signs her in to the app; the webapps'
 * logout ends both; the REST API stays on stateless HTTP Basic; security headers are sent.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SingleSignOnTest {

  static final String PASSWORD = "sso-test-password";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  CookieManager cookies;
  HttpClient http;

  /**
   * The wrong password counted against the client address (login_throttle): later tests sign in
   * from there too.
   */
  @AfterEach
  void liftThrottle() {
    throttle.liftAll();
  }

  @BeforeEach
  void setUp() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    user("ssoofficer2305", Roles.districtOfficers("2305"));
    user("ssosupervisor23", Roles.provinceSupervisors("23"));
    // wrong passwords lock an account for a few seconds (the engine's login throttling): a user of
    // its own
    user("ssolocked", Roles.provinceSupervisors("23"));
    cookies = new CookieManager();
    http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).name("ทดสอบ", "ระบบ").member(group);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> loginAtTheAppsPage(String userId, String password) throws Exception {
    HttpResponse<String> page = get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("เข้าสู่ระบบ")
        .contains("name=\"username\"")
        .contains("name=\"password\"");
    String token = AppSession.csrfToken(page.body());
    return postForm(
        "/login",
        "username=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(token));
  }

  @Test
  void theAppsLoginPageSignsInToTasklistTooWithoutASecondLogin() throws Exception {
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);

    HttpResponse<String> login = loginAtTheAppsPage("ssoofficer2305", PASSWORD);
    assertThat(login.statusCode()).isEqualTo(302);
    // back to where the person was going
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .contains("/camunda/app/tasklist/default/");

    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> who = get("/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"ssoofficer2305\"").contains("tasklist");
    HttpResponse<String> tasks = get("/camunda/api/engine/engine/default/task?maxResults=5");
    assertThat(tasks.statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginWithoutTheCsrfTokenOrWithAWrongPasswordIsRefused() throws Exception {
    assertThat(postForm("/login", "username=ssoofficer2305&password=" + enc(PASSWORD)).statusCode())
        .isEqualTo(403);
    HttpResponse<String> wrong = loginAtTheAppsPage("ssolocked", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(get("/home").statusCode()).isEqualTo(302);
  }

  @Test
  void theWebappsOwnLoginFormSignsInToTheAppAndTheirLogoutEndsBoth() throws Exception {
    // as the webapps do when they start: who is signed in? (nobody: 404, with the webapps' CSRF
    // cookie)
    assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse("");
    HttpResponse<String> login =
        postForm(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=ssosupervisor23&password=" + enc(PASSWORD),
            "X-XSRF-TOKEN",
            xsrf);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> home = get("/home");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("ssosupervisor23");

    // the webapps' next request brings the CSRF cookie of the new session
    assertThat(get("/camunda/api/admin/auth/user/default").body()).contains("ssosupervisor23");
    String xsrfNow =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse(xsrf);
    HttpResponse<String> logout =
        postForm("/camunda/api/admin/auth/user/default/logout", "", "X-XSRF-TOKEN", xsrfNow);
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(get("/home").statusCode()).isEqualTo(302);
    assertThat(get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
  }

  @Test
  void theRestApiStaysOnStatelessBasicAndPagesSendSecurityHeaders() throws Exception {
    String basic = AppSession.basic("ssoofficer2305", PASSWORD);
    HttpResponse<String> rest =
        http.send(
            HttpRequest.newBuilder(uri("/engine-rest/task"))
                .header("Authorization", basic)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(get("/engine-rest/task").statusCode()).isEqualTo(401);

    HttpResponse<String> page = get("/login");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
  }
}
