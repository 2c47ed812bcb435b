package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.assertj.core.api.AbstractStringAssert;

/** What the app's pages answer an {@link AppSession}, checked the same way by every page test. */
public final class PageAnswers {

  private PageAnswers() {}

  /**
   * The page or post was refused (403) with {@code message} in Thai; returns the body's assertion
   * for what else it must (not) show.
   */
  public static AbstractStringAssert<?> assertForbidden(
      HttpResponse<String> answer, String message) {
    assertThat(answer.statusCode()).isEqualTo(403);
    return assertThat(answer.body()).contains(message);
  }

  /**
   * As {@link #assertForbidden(HttpResponse, String)}, for opening {@code path} as {@code session}.
   */
  public static AbstractStringAssert<?> assertForbidden(
      AppSession session, String path, String message) throws Exception {
    return assertForbidden(session.get(path), message);
  }

  /**
   * The form came back (200) with nothing stored: "ยังไม่ได้บันทึก" and each of {@code reasons} in
   * Thai, no stack trace.
   */
  public static AbstractStringAssert<?> assertNotSaved(
      HttpResponse<String> answer, String... reasons) {
    assertThat(answer.statusCode()).isEqualTo(200);
    return assertThat(answer.body())
        .contains("ยังไม่ได้บันทึก")
        .contains(reasons)
        .doesNotContain("Exception");
  }
}
