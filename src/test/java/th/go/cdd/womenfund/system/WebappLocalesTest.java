package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Thai translation of Camunda's webapps is complete and keeps what the webapp needs: every key
 * of the English file shipped in the webjar on the classpath has a Thai entry, with the same
 * {{placeholders}} and the same HTML tags; the labels are Thai; dates use Buddhist-era years; Thai
 * is the fallback language, and the migration banner is hidden. A Camunda upgrade that adds labels
 * fails here until they are translated. Plain unit test: reads the classpath, no Spring.
 */
class WebappLocalesTest {

  static final String WEBAPP = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  static final Pattern TAG =
      Pattern.compile(
          "</?(a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAThaiEntryWithTheSamePlaceholdersAndTags(String app) throws IOException {
    JsonNode en = read(app, "en.json");
    JsonNode th = read(app, "th.json");
    List<String> problems = new ArrayList<>();
    compare("", en, th, problems);
    assertThat(problems)
        .as("%s: th.json against the shipped en.json (%d problems)", app, problems.size())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void labelsAreThai(String app) throws IOException {
    JsonNode en = read(app, "en.json").get("labels");
    JsonNode th = read(app, "th.json").get("labels");
    int labels = 0;
    List<String> notThai = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asText().chars().anyMatch(Character::isLetter)) {
        labels++;
        JsonNode t = th.get(e.getKey());
        if (t == null || !THAI.matcher(t.asText()).find()) {
          notThai.add(e.getKey());
        }
      }
    }
    // a few labels are names or symbols that stay as they are (Optimize, Camunda, tasklist)
    assertThat(notThai.size())
        .as("%s: labels without Thai text: %s", app, notThai)
        .isLessThanOrEqualTo(labels / 20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void thaiDatesUseBuddhistEraYears(String app) throws IOException {
    JsonNode dates = read(app, "th.json").get("dateLocales");
    assertThat(dates).as("%s: th.json has dateLocales", app).isNotNull();
    // moment.js era: year 2021 (since 0001, offset 544) shows as 2564; format token "y" is the era
    // year
    JsonNode era = dates.path("eras").path(0);
    String hint =
        app
            + ": dateLocales needs the Buddhist era (\"eras\": [{\"since\": \"0001-01-01\", \"offset\": 544, …}])"
            + " and years as \"y\" in longDateFormat, as in tasklist/locales/th.json";
    assertThat(era.path("since").asText()).as(hint).isEqualTo("0001-01-01");
    assertThat(era.path("offset").asInt()).as(hint).isEqualTo(544);
    assertThat(2021 - 1 + era.path("offset").asInt()).isEqualTo(2564);
    for (String format : List.of("L", "LL", "LLL", "LLLL")) {
      String f = dates.path("longDateFormat").path(format).asText();
      assertThat(f).as("%s: longDateFormat %s", app, format).contains("y").doesNotContain("Y");
    }
    assertThat(dates.path("months").path(7).asText()).isEqualTo("สิงหาคม");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void thaiIsTheFallbackWithEnglishOfferedAndTheMigrationBannerIsHidden(String app)
      throws IOException {
    String config = text(WEBAPP + app + "/scripts/config.js");
    assertThat(config)
        .contains("OFFERED_LOCALES = ['th', 'en']")
        .contains("fallbackLocale: 'th'")
        .contains("locales: womenfundLocales()");
    // Thai whatever the browser's language (issue 17): until English is chosen, only Thai is
    // offered, and every
    // app carries the switch that chooses
    assertThat(config)
        .contains(": {availableLocales: ['th'], fallbackLocale: 'th'};")
        .doesNotContain("availableLocales: OFFERED_LOCALES")
        .containsPattern("customScripts: \\[[^\\]]*language-switch");
    String styles = text(WEBAPP + app + "/styles/user-styles.css");
    assertThat(styles).containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display:\\s*none");
  }

  /**
   * Every key of {@code en} is in {@code th}; text values keep placeholders and tags; arrays keep
   * their size.
   */
  static void compare(String path, JsonNode en, JsonNode th, List<String> problems) {
    if (th == null || th.isNull() || th.isMissingNode()) {
      problems.add(path + ": missing");
      return;
    }
    if (en.isObject()) {
      if (!th.isObject()) {
        problems.add(path + ": not an object");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "/" + e.getKey(), e.getValue(), th.get(e.getKey()), problems);
      }
    } else if (en.isArray()) {
      if (!th.isArray() || th.size() != en.size()) {
        problems.add(path + ": needs an array of " + en.size());
      }
    } else if (en.isTextual()) {
      if (!th.isTextual()) {
        problems.add(path + ": not text");
        return;
      }
      String e = en.asText();
      String t = th.asText();
      // Thai has no plural ending: the English "s" suffix labels may stay empty, nothing else
      if (!e.isBlank() && t.isBlank() && !e.strip().equals("s")) {
        problems.add(path + ": empty");
      }
      if (!all(PLACEHOLDER, e).equals(all(PLACEHOLDER, t))) {
        problems.add(
            path + ": placeholders " + all(PLACEHOLDER, e) + " became " + all(PLACEHOLDER, t));
      }
      if (!tags(e).equals(tags(t))) {
        problems.add(path + ": HTML tags " + tags(e) + " became " + tags(t));
      }
    } else if (!th.getNodeType().equals(en.getNodeType())) {
      problems.add(path + ": should be " + en.getNodeType());
    }
  }

  static List<String> all(Pattern p, String s) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      found.add(m.group(1));
    }
    found.sort(null);
    return found;
  }

  /**
   * Tag names with their opening/closing slash, sorted: {@code <a href=...>x</a>} gives [/a, a].
   */
  static List<String> tags(String s) {
    List<String> found = new ArrayList<>();
    Matcher m = TAG.matcher(s);
    while (m.find()) {
      found.add((m.group().startsWith("</") ? "/" : "") + m.group(1).toLowerCase(Locale.ROOT));
    }
    found.sort(null);
    return found;
  }

  static JsonNode read(String app, String file) throws IOException {
    String resource = WEBAPP + app + "/locales/" + file;
    if (file.equals("en.json")) {
      // the English file is the one Camunda ships, never a copy of ours
      assertThat(WebappLocalesTest.class.getClassLoader().getResource(resource))
          .as(resource)
          .isNotNull()
          .satisfies(url -> assertThat(url.toString()).contains("camunda-webapp-webjar"));
    }
    return JSON.readTree(text(resource));
  }

  /**
   * A classpath resource as text, without the BOM Camunda's files start with; fails when it is
   * missing.
   */
  static String text(String resource) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(resource);
    assertThat(url).as("%s on the classpath", resource).isNotNull();
    try (InputStream in = url.openStream()) {
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }
}
