package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The heading of the Thai error page ({@code templates/error.html}) by status: a refusal of the
 * request (4xx) says what was not accepted, and only a failure of the system (5xx, or no status)
 * says "ระบบขัดข้อง"; the reason is shown below it as it was written.
 */
class ErrorPageTest {

  private static final SpringTemplateEngine ENGINE = new SpringTemplateEngine();

  static {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    ENGINE.setTemplateResolver(resolver);
  }

  static String render(Integer status, String message) {
    MockServletContext servletContext = new MockServletContext();
    var exchange =
        JakartaServletWebApplication.buildApplication(servletContext)
            .buildExchange(
                new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
    WebContext context = new WebContext(exchange, Locale.ROOT);
    context.setVariables(
        status == null
            ? Map.of("thaiMessage", message)
            : Map.of("status", status, "thaiMessage", message));
    return ENGINE.process("error", context);
  }

  static String heading(String html) {
    int start = html.indexOf("<h1 id=\"error-title\">");
    return html.substring(start, html.indexOf("</h1>", start)).replaceAll("<[^>]+>", "").strip();
  }

  @ParameterizedTest
  @CsvSource({
    "400, ข้อมูลไม่ถูกต้อง",
    "401, กรุณาเข้าสู่ระบบ",
    "403, ไม่มีสิทธิ์เข้าถึง",
    "404, ไม่พบหน้าที่ต้องการ",
    "405, ระบบไม่รับคำขอนี้",
    "409, ระบบไม่รับคำขอนี้",
    "413, ไฟล์หรือข้อมูลมีขนาดใหญ่เกินกำหนด",
    "422, ข้อมูลไม่ถูกต้อง",
    "429, ระบบไม่รับคำขอนี้",
    "500, ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง",
    "503, ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง"
  })
  void theHeadingFollowsTheStatusAndTheReasonStaysBelow(int status, String expected) {
    String html = render(status, "เหตุผลที่ระบุไว้");
    assertThat(heading(html)).isEqualTo(expected);
    assertThat(html).contains("<p id=\"error-message\">เหตุผลที่ระบุไว้</p>");
    if (status < 500) {
      assertThat(html).doesNotContain("ระบบขัดข้อง");
    }
  }

  @Test
  void withoutAStatusItIsAFailureOfTheSystem() {
    assertThat(heading(render(null, "-"))).isEqualTo("ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง");
  }
}
