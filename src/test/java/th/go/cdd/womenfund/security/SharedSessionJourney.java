package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser, two nodes behind a load balancer (issue 14): it signs in on node A, opens Tasklist
 * and completes a task through node B with the same session cookie, signs out on B, and finds its
 * session gone on A. Cookies are per host, not per port, so one cookie jar on {@code localhost}
 * plays the browser for both nodes. Shared by the fast two-context test on one database ({@code
 * SharedSessionsTest}) and the two-JVM cluster test on PostgreSQL.
 */
public final class SharedSessionJourney {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final int portA;
  private final int portB;

  public SharedSessionJourney(int portA, int portB) {
    this.portA = portA;
    this.portB = portB;
  }

  /**
   * An account an administrator created has a one-time password: she signs in on node A and chooses
   * her own at the change page, as she must before anything else ({@link PasswordChangeGate}).
   */
  public void chooseOwnPassword(String userId, String oneTime, String own) throws Exception {
    Matcher token = CSRF.matcher(get(portA, "/login").body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> login =
        send(
            portA,
            "POST",
            "/login",
            "username="
                + enc(userId)
                + "&password="
                + enc(oneTime)
                + "&_csrf="
                + enc(token.group(1)),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(get(portA, "/home").headers().firstValue("Location").orElseThrow())
        .as("a one-time password leads to the change page first")
        .endsWith(PasswordChangeController.PATH);
    Matcher form = CSRF.matcher(get(portA, PasswordChangeController.PATH).body());
    assertThat(form.find()).isTrue();
    HttpResponse<String> changed =
        send(
            portA,
            "POST",
            PasswordChangeController.PATH,
            "current="
                + enc(oneTime)
                + "&password="
                + enc(own)
                + "&confirm="
                + enc(own)
                + "&_csrf="
                + enc(form.group(1)),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
    assertThat(get(portA, "/home").statusCode()).isEqualTo(200);
  }

  /**
   * The whole journey; {@code taskId} is a task the user may work on (a candidate of one of her
   * groups).
   */
  public void run(String userId, String password, String taskId) throws Exception {
    // sign in on A through the Thai login page (CSRF token of A's form)
    Matcher token = CSRF.matcher(get(portA, "/login").body());
    assertThat(token.find()).as("login form of node A carries a CSRF token").isTrue();
    HttpResponse<String> login =
        send(
            portA,
            "POST",
            "/login",
            "username="
                + enc(userId)
                + "&password="
                + enc(password)
                + "&_csrf="
                + enc(token.group(1)),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    // the next request lands on B: still signed in, Tasklist opens without a second login
    HttpResponse<String> home = get(portB, "/home");
    assertThat(home.statusCode()).as("node B knows node A's session").isEqualTo(200);
    assertThat(home.body()).contains(userId);
    assertThat(get(portB, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> who = get(portB, "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"" + userId + "\"");

    // the webapps' CSRF token handed out by A is valid on B (it lives in the shared session)
    get(portA, "/camunda/api/engine/engine/default/task/count");
    String xsrf = cookie("XSRF-TOKEN");
    assertThat(get(portA, "/camunda/api/engine/engine/default/task/" + taskId).statusCode())
        .isEqualTo(200);
    // (a change without the token is refused too, and the webapps then end the session: Camunda's
    // own CSRF filter)
    HttpResponse<String> complete =
        send(
            portB,
            "POST",
            "/camunda/api/engine/engine/default/task/" + taskId + "/complete",
            "{\"variables\":{}}",
            "Content-Type",
            "application/json",
            "X-XSRF-TOKEN",
            xsrf);
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

    // sign out on B (with the CSRF token of one of B's pages); A no longer knows the session
    Matcher logoutToken = CSRF.matcher(get(portB, "/home").body());
    assertThat(logoutToken.find())
        .as("the page of node B carries the logout form's CSRF token")
        .isTrue();
    HttpResponse<String> logout =
        send(
            portB,
            "POST",
            "/logout",
            "_csrf=" + enc(logoutToken.group(1)),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    HttpResponse<String> after = get(portA, "/home");
    assertThat(after.statusCode()).as("node A after the logout on B").isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(get(portA, "/camunda/api/engine/engine/default/task/count").statusCode())
        .isEqualTo(401);
  }

  /**
   * The Camunda webapps' own sign-in (their login form, checked by Camunda, with their CSRF token)
   * on node A; the webapps and the app's pages on node B know her; the webapps' logout on B ends
   * the session on A too.
   */
  public void runThroughTheWebappsLogin(String userId, String password) throws Exception {
    assertThat(get(portA, "/camunda/api/admin/auth/user/default").statusCode())
        .as("nobody yet")
        .isEqualTo(404);
    HttpResponse<String> login =
        send(
            portA,
            "POST",
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=" + enc(userId) + "&password=" + enc(password),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-XSRF-TOKEN",
            cookie("XSRF-TOKEN"));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> who = get(portB, "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).as("node B knows the webapps' login of node A").isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"" + userId + "\"");
    assertThat(get(portB, "/home").statusCode()).isEqualTo(200);

    HttpResponse<String> logout =
        send(
            portB,
            "POST",
            "/camunda/api/admin/auth/user/default/logout",
            "",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-XSRF-TOKEN",
            cookie("XSRF-TOKEN"));
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(get(portA, "/camunda/api/admin/auth/user/default").statusCode())
        .as("node A after the logout on B")
        .isEqualTo(404);
    assertThat(get(portA, "/home").statusCode()).isEqualTo(302);
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(port, path))
            .header("Accept", "text/html,application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(
      int port, String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(port, path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
