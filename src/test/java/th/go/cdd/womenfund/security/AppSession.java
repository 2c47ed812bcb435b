package th.go.cdd.womenfund.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the app through its login page (with the form's CSRF token), as a browser
 * would be.
 */
public final class AppSession {

  /** The CSRF token field of the app's forms (the login page's too). */
  public static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;

  private AppSession(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  /**
   * Signs in; throws when the login page does not send the person on (wrong password, locked
   * account).
   */
  public static AppSession login(int port, String userId, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    AppSession s = new AppSession(http, "http://localhost:" + port);
    String token = csrfToken(s.get("/login").body());
    String form = "username=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(token);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(s.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("login of " + userId + " failed: " + r.statusCode());
    }
    return s;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return get(path, "text/html");
  }

  public HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts a form the way the page {@code formPage} would: with the CSRF token that page carries.
   */
  public HttpResponse<String> post(
      String formPage, String action, java.util.Map<String, String> fields) throws Exception {
    StringBuilder form = new StringBuilder("_csrf=" + enc(csrfToken(get(formPage).body())));
    fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A request of the webapps' or the app's JSON API with this session's cookie (no CSRF token
   * unless given).
   */
  public HttpResponse<String> send(
      String path, java.util.function.UnaryOperator<HttpRequest.Builder> request) throws Exception {
    return http.send(
        request
            .apply(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The CSRF token of the form on {@code html}; throws when the page carries none. */
  public static String csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("the page carries no CSRF token");
    }
    return m.group(1);
  }

  /** The {@code Authorization} header of HTTP Basic for {@code userId}. */
  public static String basic(String userId, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
