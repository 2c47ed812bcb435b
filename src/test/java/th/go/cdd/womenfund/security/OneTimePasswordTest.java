package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * One-time passwords: a person invited by a provisioning file, or whose password an administrator
 * reset, signs in and can do nothing but choose her own password — pages are sent to {@code
 * /password/change}, the app's API, the engine's REST API and the webapps' API answer 403 in Thai —
 * until she has; a weak, repeated or mistyped new password, or a wrong current one, is refused in
 * Thai and changes nothing. Accounts the system created (the demo's, this test's own) are not held
 * back. Phitsanulok (65) and its district 6501: no other test uses them.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OneTimePasswordTest {

  static final String ADMIN_PASSWORD = "test-only-admin-password";
  static final Pattern MAILED =
      Pattern.compile("รหัสผ่านครั้งแรก: <strong>([A-Za-z0-9]+)</strong>");
  static final String GOOD = "Phitsanulok2570";

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired LoginThrottle throttle;
  @Autowired OneTimePasswords oneTime;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  String run;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    engine.getIdentityService().unlockUser("admin");
    roles.ensureDistrict(areas.district("6501").orElseThrow());
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void tearDown() {
    throttle.liftAll();
  }

  @Test
  void anInvitedPersonMustChooseHerOwnPasswordBeforeAnythingElse() throws Exception {
    String user = "otp" + run;
    String csv =
        "เลขประจำตัว,ชื่อ,นามสกุล,อีเมล,บทบาท,รหัสพื้นที่\n"
            + user
            + ",สมศรี,ใจดี,"
            + user
            + "@example.go.th,เจ้าหน้าที่อำเภอ,6501\n";
    HttpResponse<String> provisioned =
        send(
            "/api/admin/accounts/import",
            b ->
                b.header("Authorization", AppSession.basic("admin", ADMIN_PASSWORD))
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)));
    assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(200);
    String mailed = mailedPassword();
    assertThat(oneTime.mustChange(user)).isTrue();

    // she signs in at the login page: every page sends her to the change page
    AppSession s = AppSession.login(port, user, mailed);
    for (String page :
        new String[] {"/home", "/membership", "/camunda/app/tasklist/default/", "/late-work"}) {
      HttpResponse<String> r = s.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElseThrow())
          .as(page)
          .endsWith(PasswordChangeController.PATH);
    }
    HttpResponse<String> changePage = s.get(PasswordChangeController.PATH);
    assertThat(changePage.statusCode()).isEqualTo(200);
    assertThat(changePage.body()).contains("รหัสผ่านชั่วคราว").contains("ตั้งรหัสผ่านใหม่");
    // static files load; the webapps may ask who is signed in
    assertThat(s.bytes("/css/womenfund.css").statusCode()).isEqualTo(200);
    // (404: the webapps have not met her yet, their app pages sent her away)
    assertThat(s.send("/camunda/api/admin/auth/user/default", b -> b.GET()).statusCode())
        .isNotEqualTo(403);

    // every API, with her session or her password, says why in Thai
    assertRefused(s.send("/camunda/api/engine/engine/default/task", b -> b.GET()));
    assertRefused(s.send("/api/loans/1/balance", b -> b.GET()));
    assertRefused(basic("/engine-rest/task", user, mailed));
    assertRefused(basic("/engine-rest/process-definition", user, mailed));
    assertRefused(basic("/api/loans/1/balance", user, mailed));
    // nor may she change it around the fund's rule: the engine's own credentials call is refused
    assertRefused(
        send(
            "/engine-rest/user/" + user + "/credentials",
            b ->
                b.header("Authorization", AppSession.basic(user, mailed))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"password\":\"abc\",\"authenticatedUserPassword\":\""
                                + mailed
                                + "\"}"))));

    // a weak, repeated or mistyped new password: refused in Thai, nothing changed
    assertChangeRefused(s, mailed, "short1", "short1", "อย่างน้อย 10 ตัวอักษร");
    assertChangeRefused(s, mailed, "onlyletterslong", "onlyletterslong", "ตัวเลขอย่างน้อยหนึ่งตัว");
    assertChangeRefused(s, mailed, "12345678901", "12345678901", "ตัวอักษรภาษาอังกฤษ");
    assertChangeRefused(s, mailed, user + "2570", user + "2570", "ชื่อผู้ใช้");
    assertChangeRefused(s, mailed, mailed, mailed, "ต้องไม่ซ้ำกับรหัสผ่านเดิม");
    assertChangeRefused(s, mailed, GOOD, GOOD + "x", "ไม่ตรงกัน");
    assertChangeRefused(s, "not-the-password-1", GOOD, GOOD, "รหัสผ่านปัจจุบันไม่ถูกต้อง");
    // the wrong current password made the account wait, as a failed login does
    engine.getIdentityService().unlockUser(user);
    assertRefused(basic("/engine-rest/task", user, mailed));

    // a good one: stored, the mark cleared, she goes on
    HttpResponse<String> changed = change(s, mailed, GOOD, GOOD);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/home");
    assertThat(oneTime.mustChange(user)).isFalse();
    HttpResponse<String> home = s.get("/home");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains(PasswordChangeController.CHANGED);
    assertThat(s.send("/camunda/api/engine/engine/default/task", b -> b.GET()).statusCode())
        .isEqualTo(200);
    assertThat(basic("/engine-rest/task", user, GOOD).statusCode()).isEqualTo(200);
    assertThat(basic("/engine-rest/task", user, mailed).statusCode()).isEqualTo(401);
    engine.getIdentityService().unlockUser(user);
    assertThat(AppSession.login(port, user, GOOD).get("/home").statusCode()).isEqualTo(200);
  }

  @Test
  void theWebappsOwnLoginFormLeadsToTheSameGate() throws Exception {
    String user = "otpw" + run;
    String password = "first-" + run + "-Password1";
    TestPeople.of(engine).user(user).password(password).member(Roles.districtOfficers("6501"));
    oneTime.require(user, OneTimePasswords.Reason.RESET);
    CookieManager cookies = new CookieManager();
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = "http://localhost:" + port;
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse("");
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + enc(password)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> tasks =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertRefused(tasks);
    HttpResponse<String> home =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/home")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow())
        .endsWith(PasswordChangeController.PATH);
  }

  @Test
  void anAdministratorsResetIsOneTimeAndAPasswordTheSystemSetIsNot() throws Exception {
    String user = "otpr" + run;
    String own = "own-" + run + "-Password1";
    TestPeople.of(engine).user(user).password(own).member(Roles.districtOfficers("6501"));
    // created by the system (as the demo's people are): not held back
    assertThat(oneTime.mustChange(user)).isFalse();
    AppSession s = AppSession.login(port, user, own);
    assertThat(s.get("/home").statusCode()).isEqualTo(200);
    assertThat(basic("/engine-rest/task", user, own).statusCode()).isEqualTo(200);

    // the administrator resets it (as Camunda Admin does): her open session is held back at once
    String reset = "reset-" + run + "-Pw1";
    HttpResponse<String> r =
        send(
            "/engine-rest/user/" + user + "/credentials",
            b ->
                b.header("Authorization", AppSession.basic("admin", ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"password\":\""
                                + reset
                                + "\",\"authenticatedUserPassword\":\""
                                + ADMIN_PASSWORD
                                + "\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(oneTime.mustChange(user)).isTrue();
    assertThat(s.get("/home").statusCode()).isEqualTo(302);
    assertRefused(basic("/engine-rest/task", user, reset));
    // the administrator herself is not held back
    assertThat(basic("/engine-rest/task", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);

    AppSession again = AppSession.login(port, user, reset);
    assertChangeRefused(again, reset, reset, reset, "ต้องไม่ซ้ำกับรหัสผ่านเดิม");
    assertThat(change(again, reset, own + "2", own + "2").statusCode()).isEqualTo(302);
    assertThat(oneTime.mustChange(user)).isFalse();
    assertThat(basic("/engine-rest/task", user, own + "2").statusCode()).isEqualTo(200);
  }

  @Test
  void theMarkIsTheFundsRecordAndGoesWithTheAccount() {
    String user = "otpd" + run;
    TestPeople.of(engine).user(user).password("x-" + run + "-Password1").member();
    oneTime.require(user, OneTimePasswords.Reason.RESET);
    oneTime.require(user, OneTimePasswords.Reason.INVITATION);
    assertThat(oneTime.mustChange(user)).isTrue();
    IdentityService identity = engine.getIdentityService();
    identity.deleteUser(user);
    assertThat(oneTime.mustChange(user)).isFalse();
  }

  // ---------------------------------------------------------------------------------------------

  static void assertRefused(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains(PasswordChangeGate.MESSAGE);
  }

  void assertChangeRefused(
      AppSession s, String current, String password, String confirm, String reason)
      throws Exception {
    HttpResponse<String> r = change(s, current, password, confirm);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains(reason);
    String user = s.get(PasswordChangeController.PATH).body();
    assertThat(user).contains("รหัสผ่านชั่วคราว");
  }

  static HttpResponse<String> change(AppSession s, String current, String password, String confirm)
      throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("current", current);
    fields.put("password", password);
    fields.put("confirm", confirm);
    return s.post(PasswordChangeController.PATH, PasswordChangeController.PATH, fields);
  }

  HttpResponse<String> basic(String path, String user, String password) throws Exception {
    return send(path, b -> b.header("Authorization", AppSession.basic(user, password)).GET());
  }

  HttpResponse<String> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> b)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            b.apply(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String mailedPassword() throws Exception {
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    String body =
        new String(
            MimeUtility.decode(mails[0].getInputStream(), "binary").readAllBytes(),
            StandardCharsets.UTF_8);
    Matcher m = MAILED.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    assertThat(body).contains("ใช้ได้ครั้งเดียว");
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
