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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.notification.MailOutbox;
import th.go.cdd.womenfund.notification.MailTransport;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * Issue 11, the attacks of a stranger and of a signed-in officer on accounts: ten spaced wrong
 * passwords used to lock an account for good; an officer could change her own e-mail address (to
 * {@code @}: then /app/mail showed her every mail of every district) or delete her own account.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountAttacksTest {

  static final String PASSWORD = "accounts-test-password";
  static final String ADMIN_PASSWORD = "test-only-admin-password";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired MailOutbox outbox;
  @Autowired LoginThrottle throttle;
  @Autowired OwnerRightsRepair repair;

  String officer;

  @BeforeEach
  void users() {
    throttle.liftAll();
    // another test class may have left the admin account waiting after its wrong password
    engine.getIdentityService().unlockUser("admin");
    roles.ensureDistrict(areas.district("2303").orElseThrow());
    String id = TestPeople.unique("acct");
    officer =
        TestPeople.of(engine)
            .user(id)
            .password(PASSWORD)
            .name("สมศรี", "ทดสอบ")
            .email(id + "@womenfund.example")
            .member(Roles.districtOfficers("2303"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    throttle.liftAll();
    // the officer is a member of district 2303's officers, with an address: left behind, every
    // later reminder to
    // that group (TaskRemindersProcessTest) would mail one more person
    if (officer != null) {
      engine.getIdentityService().deleteUser(officer);
    }
  }

  ResponseEntity<String> tasks(String user, String password) {
    return rest.withBasicAuth(user, password)
        .getForEntity("/engine-rest/task?maxResults=1", String.class);
  }

  @Test
  void tenSpacedWrongPasswordsDoNotLockAnAccountForGood() {
    Date now = ClockUtil.getCurrentTime();
    for (int i = 0; i < 12; i++) {
      assertThat(tasks(officer, "guess-" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      // each try after the previous wait ran out (at most 60 s); the client-address throttle is not
      // tested here
      now = new Date(now.getTime() + 61_000);
      ClockUtil.setCurrentTime(now);
      throttle.liftAll();
    }
    assertThat(tasks(officer, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    // the right password within the wait after a wrong one is refused: the account is slowed down
    assertThat(tasks(officer, "guess").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(officer, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ClockUtil.setCurrentTime(new Date(now.getTime() + 4_000));
    assertThat(tasks(officer, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  String profile(String email) {
    return "{\"id\":\""
        + officer
        + "\",\"firstName\":\"สมศรี\",\"lastName\":\"ทดสอบ\",\"email\":\""
        + email
        + "\"}";
  }

  @Test
  void anOfficerCannotChangeHerEmailOrDeleteHerselfOverRestButMayChangeHerPassword() {
    ResponseEntity<String> change =
        rest.withBasicAuth(officer, PASSWORD)
            .exchange(
                "/engine-rest/user/" + officer + "/profile",
                HttpMethod.PUT,
                json(profile("@")),
                String.class);
    assertThat(change.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(change.getBody()).contains("ไม่สามารถแก้ไขชื่อหรืออีเมล");
    // the multi-engine address of the same resource
    assertThat(
            rest.withBasicAuth(officer, PASSWORD)
                .exchange(
                    "/engine-rest/engine/default/user/" + officer + "/profile",
                    HttpMethod.PUT,
                    json(profile("@")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> delete =
        rest.withBasicAuth(officer, PASSWORD)
            .exchange("/engine-rest/user/" + officer, HttpMethod.DELETE, null, String.class);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(delete.getBody()).contains("ไม่สามารถลบบัญชีผู้ใช้ของตนเองได้");
    User stored = engine.getIdentityService().createUserQuery().userId(officer).singleResult();
    assertThat(stored.getEmail()).isEqualTo(officer + "@womenfund.example");

    // her password she may change (Tasklist's profile page sends this)
    ResponseEntity<String> password =
        rest.withBasicAuth(officer, PASSWORD)
            .exchange(
                "/engine-rest/user/" + officer + "/credentials",
                HttpMethod.PUT,
                json(
                    "{\"password\":\"a-new-password-2569\",\"authenticatedUserPassword\":\""
                        + PASSWORD
                        + "\"}"),
                String.class);
    assertThat(password.getStatusCode()).as(password.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks(officer, "a-new-password-2569").getStatusCode()).isEqualTo(HttpStatus.OK);

    // an administrator may change her address and delete her account
    assertThat(
            rest.withBasicAuth("admin", ADMIN_PASSWORD)
                .exchange(
                    "/engine-rest/user/" + officer + "/profile",
                    HttpMethod.PUT,
                    json(profile("somsri@womenfund.example")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            engine.getIdentityService().createUserQuery().userId(officer).singleResult().getEmail())
        .isEqualTo("somsri@womenfund.example");
    assertThat(
            rest.withBasicAuth("admin", ADMIN_PASSWORD)
                .exchange("/engine-rest/user/" + officer, HttpMethod.DELETE, null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getIdentityService().createUserQuery().userId(officer).count()).isZero();
  }

  @Test
  void anOfficerCannotChangeHerEmailOrDeleteHerselfInTheAdminWebapp() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
    signIn(http, officer, PASSWORD);
    // as the browser does: open Tasklist (its profile page uses the same engine API as Admin), then
    // the API
    assertThat(send(http, "GET", "/camunda/app/tasklist/default/", null, null).statusCode())
        .isEqualTo(200);
    assertThat(send(http, "GET", "/camunda/api/admin/auth/user/default", null, null).statusCode())
        .isEqualTo(200);
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> change =
        send(
            http,
            "PUT",
            "/camunda/api/engine/engine/default/user/" + officer + "/profile",
            profile("@"),
            xsrf);
    assertThat(change.statusCode()).as(change.body()).isEqualTo(403);
    assertThat(change.body()).contains("ไม่สามารถแก้ไขชื่อหรืออีเมล");
    HttpResponse<String> delete =
        send(http, "DELETE", "/camunda/api/engine/engine/default/user/" + officer, null, xsrf);
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(
            engine.getIdentityService().createUserQuery().userId(officer).singleResult().getEmail())
        .isEqualTo(officer + "@womenfund.example");
    // Tasklist's profile page: her own password she may change
    HttpResponse<String> password =
        send(
            http,
            "PUT",
            "/camunda/api/engine/engine/default/user/" + officer + "/credentials",
            "{\"password\":\"a-newer-password-2569\",\"authenticatedUserPassword\":\""
                + PASSWORD
                + "\"}",
            xsrf);
    assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPassword(officer, "a-newer-password-2569"))
        .isTrue();
  }

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  HttpResponse<String> signIn(HttpClient http, String user, String password) throws Exception {
    Matcher m = CSRF.matcher(send(http, "GET", "/login", null, null).body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + AppSession.enc(user)
                            + "&password="
                            + AppSession.enc(password)
                            + "&_csrf="
                            + AppSession.enc(m.group(1))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return r;
  }

  HttpResponse<String> send(HttpClient http, String method, String path, String json, String xsrf)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (xsrf != null) {
      b.header("X-XSRF-TOKEN", xsrf);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void existingAccountsLoseTheRightToDeleteThemselvesAtStart() {
    var auth =
        engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .userIdIn(officer)
            .resourceType(Resources.USER)
            .resourceId(officer)
            .singleResult();
    assertThat(auth.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(auth.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(auth.isPermissionGranted(Permissions.DELETE)).isFalse();
    // as the engine granted it before: ALL
    auth.addPermission(Permissions.ALL);
    engine.getAuthorizationService().saveAuthorization(auth);
    assertThat(repair.repair()).isEqualTo(1);
    assertThat(repair.repair()).isZero();
    auth =
        engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .userIdIn(officer)
            .resourceType(Resources.USER)
            .resourceId(officer)
            .singleResult();
    assertThat(auth.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(auth.isPermissionGranted(Permissions.UPDATE)).isTrue();
  }

  @Test
  void theMailPageShowsOnlyMailsAddressedExactlyToHer() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    outbox.insert(
        "acct:" + tag + ":1",
        new ThaiMail(List.of("other2301@womenfund.example"), "ลับอำเภออื่น " + tag, "x", Map.of()),
        "<p>x</p>",
        MailTransport.RECORD);
    outbox.insert(
        "acct:" + tag + ":2",
        new ThaiMail(
            List.of(
                "district-officers@womenfund.example",
                officer.toUpperCase(Locale.ROOT) + "@WOMENFUND.EXAMPLE"),
            "ถึงท่านด้วย " + tag,
            "x",
            Map.of()),
        "<p>x</p>",
        MailTransport.RECORD);
    outbox.insert(
        "acct:" + tag + ":3",
        new ThaiMail(
            List.of("x" + officer + "@womenfund.example"), "คล้ายชื่อท่าน " + tag, "x", Map.of()),
        "<p>x</p>",
        MailTransport.RECORD);

    AppSession own = AppSession.login(port, officer, PASSWORD);
    String page = own.get("/app/mail").body();
    assertThat(page)
        .contains("ถึงท่านด้วย " + tag)
        .doesNotContain("ลับอำเภออื่น " + tag)
        .doesNotContain("คล้ายชื่อท่าน " + tag);

    // an address set (by someone who may) to "@" or to a part of an address shows nothing of
    // others'
    for (String email : List.of("@", "womenfund.example", "%", "_", officer)) {
      User u = engine.getIdentityService().createUserQuery().userId(officer).singleResult();
      u.setEmail(email);
      engine.getIdentityService().saveUser(u);
      String seen = AppSession.login(port, officer, PASSWORD).get("/app/mail").body();
      assertThat(seen).as(email).doesNotContain(tag);
    }
    String all = AppSession.login(port, "admin", ADMIN_PASSWORD).get("/app/mail").body();
    assertThat(all)
        .contains("ลับอำเภออื่น " + tag)
        .contains("ถึงท่านด้วย " + tag)
        .contains("คล้ายชื่อท่าน " + tag);
  }
}
