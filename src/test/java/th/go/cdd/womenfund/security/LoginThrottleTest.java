package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Issue 11: failed logins from one client address, on any login surface, make that address wait
 * (429, in Thai), longer each time up to a ceiling; a correct password after the wait works; an
 * administrator sees the slowed accounts and the waiting addresses at /admin/locks and lifts them.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottleTest {

  static final String PASSWORD = "throttle-test-password";
  static final String ADMIN_PASSWORD = "test-only-admin-password";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  String officer;
  Date now;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    // another test class may have left the admin account waiting after its wrong password
    engine.getIdentityService().unlockUser("admin");
    roles.ensureDistrict(areas.district("2304").orElseThrow());
    officer =
        TestPeople.of(engine)
            .user(TestPeople.unique("thr"))
            .password(PASSWORD)
            .name("สมใจ", "ทดสอบ")
            .member(Roles.districtOfficers("2304"));
    now = new Date();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    throttle.liftAll();
  }

  void later(long seconds) {
    now = new Date(now.getTime() + seconds * 1000);
    ClockUtil.setCurrentTime(now);
  }

  HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  HttpResponse<String> basic(String path, String user, String password) throws Exception {
    return client()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AppSession.basic(user, password))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The app's login page, as a browser: its CSRF token first. */
  HttpResponse<String> loginPage(String user, String password) throws Exception {
    return loginPage(user, password, "/login");
  }

  HttpResponse<String> loginPage(String user, String password, String action) throws Exception {
    HttpClient http = client();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    String token = AppSession.csrfToken(page.body());
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username="
                        + AppSession.enc(user)
                        + "&password="
                        + AppSession.enc(password)
                        + "&_csrf="
                        + AppSession.enc(token)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The webapps' own login form, with their CSRF cookie and header. */
  HttpResponse<String> webappLogin(String user, String password) throws Exception {
    HttpClient http = client();
    http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf =
        ((CookieManager) http.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", xsrf)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username=" + AppSession.enc(user) + "&password=" + AppSession.enc(password)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The engine API's password check, asked by someone who may read every user (an officer may ask
   * only about herself: the engine wants READ on the user); a refused password counts for the
   * address like a failed login.
   */
  HttpResponse<String> verify(String user, String password) throws Exception {
    String basic = AppSession.basic("admin", ADMIN_PASSWORD);
    return client()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/engine-rest/identity/verify"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Ten failures from this address, spread over the five login surfaces, each as a stranger's
   * guess.
   */
  void tenFailures() throws Exception {
    for (int i = 0; i < 10; i++) {
      String stranger = "officer23" + (10 + i);
      switch (i % 5) {
        case 0 ->
            assertThat(basic("/engine-rest/task", stranger, "guess").statusCode()).isEqualTo(401);
        case 1 ->
            assertThat(basic("/api/loans/1/balance", stranger, "guess").statusCode())
                .isEqualTo(401);
        case 2 ->
            assertThat(loginPage(stranger, "guess").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        case 3 -> assertThat(webappLogin(stranger, "guess").statusCode()).isEqualTo(401);
        default -> assertThat(verify(stranger, "guess").body()).contains("\"authenticated\":false");
      }
    }
  }

  @Test
  void failuresFromOneAddressMakeItWaitInThaiLongerEachTimeUpToACeilingThenItMayTryAgain()
      throws Exception {
    tenFailures();
    // every surface now answers 429, even to a correct password, without checking it
    HttpResponse<String> rest = basic("/engine-rest/task", officer, PASSWORD);
    assertThat(rest.statusCode()).isEqualTo(429);
    assertThat(rest.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(rest.body())
        .contains("มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องนี้หลายครั้ง")
        .contains("กรุณารออีก 30 วินาที");
    HttpResponse<String> page = loginPage(officer, PASSWORD);
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("กรุณารอสักครู่").contains("ติดต่อผู้ดูแลระบบ");
    assertThat(webappLogin(officer, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(basic("/api/loans/1/balance", officer, PASSWORD).statusCode()).isEqualTo(429);
    // an encoded path is the same path
    assertThat(basic("/engine-rest/%74ask", officer, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(loginPage(officer, PASSWORD, "/%6Cogin").statusCode()).isEqualTo(429);
    assertThat(verify(officer, PASSWORD).statusCode()).isEqualTo(429);
    // pages of a signed-in session and requests without credentials are no login attempts
    assertThat(
            client()
                .send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);

    // after the wait a correct password works
    later(31);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(200);
    // the next failure doubles the wait: 60 s, then 120, 240, at most 300
    assertThat(basic("/engine-rest/task", "officer2399", "guess").statusCode()).isEqualTo(401);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).headers().firstValue("Retry-After"))
        .hasValue("60");
    long[] waits = {60, 120, 240, 300, 300};
    for (int i = 1; i < waits.length; i++) {
      later(waits[i - 1] + 1);
      assertThat(basic("/engine-rest/task", "officer2399", "guess").statusCode()).isEqualTo(401);
      HttpResponse<String> refused = basic("/engine-rest/task", officer, PASSWORD);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue(String.valueOf(waits[i]));
    }
    later(301);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn = loginPage(officer, PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    // a quiet quarter of an hour and the address starts again from zero
    later(16 * 60);
    assertThat(basic("/engine-rest/task", "officer2399", "guess").statusCode()).isEqualTo(401);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(200);
  }

  /**
   * Behind no proxy (server.forward-headers-strategy none, the default) a client cannot claim
   * another address with a header and so win fresh guesses; only a node behind the proxy trusts
   * X-Forwarded-For (docs/OPERATIONS.md).
   */
  @Test
  void aForgedForwardedForHeaderDoesNotGiveAWaitingAddressFreshGuesses() throws Exception {
    tenFailures();
    String basic = AppSession.basic(officer, PASSWORD);
    for (String header : List.of("X-Forwarded-For", "X-Real-IP", "Forwarded")) {
      String value = header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9";
      HttpResponse<String> forged =
          client()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/engine-rest/task"))
                      .header("Authorization", basic)
                      .header(header, value)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).as(header).isEqualTo(429);
    }
  }

  @Test
  void failuresArrivingAtOnceAllCount() throws Exception {
    String address = "198.51.100.7"; // TEST-NET-2: no real client
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<java.time.Duration>> all =
          new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        all.add(pool.submit(() -> throttle.failed(address)));
      }
      for (var f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    LoginThrottle.Throttled row =
        throttle.throttled().stream()
            .filter(t -> t.address().equals(address))
            .findFirst()
            .orElseThrow();
    assertThat(row.failures()).isEqualTo(40);
    // the ceiling: never more than five minutes
    assertThat(throttle.waitFor(address)).hasValue(java.time.Duration.ofMinutes(5));
  }

  @Autowired LoginThrottleFilter filter;

  @Test
  void anAddressThatFailedLatelyMayNotSendMoreGuessesAtOnceThanItHasLeft() throws Exception {
    String address = "198.51.100.8"; // TEST-NET-2: no real client
    for (int i = 0; i < 9; i++) {
      throttle.failed(address);
    }
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    jakarta.servlet.FilterChain slowLogin =
        (req, res) -> {
          entered.countDown();
          try {
            finish.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Thread first =
        new Thread(
            () -> {
              try {
                filter.doFilter(
                    loginPost(address),
                    new org.springframework.mock.web.MockHttpServletResponse(),
                    slowLogin);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    first.start();
    assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // one failure left, one attempt in flight: a second at the same time is refused
    var second = new org.springframework.mock.web.MockHttpServletResponse();
    filter.doFilter(
        loginPost(address),
        second,
        (req, res) -> {
          throw new AssertionError("passed the throttle");
        });
    assertThat(second.getStatus()).isEqualTo(429);
    assertThat(second.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("กรุณารออีก 1 วินาที");
    finish.countDown();
    first.join(10_000);
    // once it is done the next may try
    var third = new org.springframework.mock.web.MockHttpServletResponse();
    filter.doFilter(
        loginPost(address),
        third,
        (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(302));
    assertThat(third.getStatus()).isEqualTo(302);
  }

  static org.springframework.mock.web.MockHttpServletRequest loginPost(String address) {
    var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/login");
    request.setServletPath("/login");
    request.setRemoteAddr(address);
    return request;
  }

  @Test
  void anAdministratorSeesAndLiftsSlowedAccountsAndWaitingAddresses() throws Exception {
    AppSession admin = AppSession.login(port, "admin", ADMIN_PASSWORD);
    AppSession other = AppSession.login(port, officer, PASSWORD);
    HttpResponse<String> refused = other.get("/admin/locks");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("หน้านี้สำหรับผู้ดูแลระบบเท่านั้น");
    assertThat(admin.get("/admin/locks").statusCode()).isEqualTo(200);

    // the officer's account is slowed by a wrong password, this address waits after ten failures
    assertThat(basic("/engine-rest/task", officer, "guess").statusCode()).isEqualTo(401);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(401);
    throttle
        .liftAll(); // those two counted for this address too: start its count from the ten below
    tenFailures();
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(429);

    String page = admin.get("/admin/locks").body();
    assertThat(page)
        .contains("บัญชีและเครื่องที่ถูกระงับการเข้าสู่ระบบ")
        .contains("account-" + officer)
        .contains("ปลดการระงับบัญชี " + officer);
    LoginThrottle.Throttled address = throttle.throttled().get(0);
    assertThat(address.failures()).isEqualTo(10);
    assertThat(page).contains("ปลดการระงับเครื่อง " + address.address());

    // an officer cannot lift anything (CSRF token of her own page, but no right)
    assertThat(
            other
                .post("/home", "/admin/locks/address", Map.of("address", address.address()))
                .statusCode())
        .isEqualTo(403);
    assertThat(throttle.waitFor(address.address())).isPresent();

    HttpResponse<String> lifted =
        admin.post("/admin/locks", "/admin/locks/address", Map.of("address", address.address()));
    assertThat(lifted.statusCode()).isEqualTo(302);
    assertThat(throttle.waitFor(address.address())).isEmpty();
    // the address may try again, but the account still waits its 3 s
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(401);
    assertThat(
            admin
                .post("/admin/locks", "/admin/locks/account", Map.of("userId", officer))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/admin/locks").body())
        .contains("ปลดการระงับบัญชี " + officer + " แล้ว")
        .doesNotContain("account-" + officer);
    assertThat(basic("/engine-rest/task", officer, PASSWORD).statusCode()).isEqualTo(200);
  }
}
