package th.go.cdd.womenfund.system;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Selenium wait for the Camunda webapps and the app's pages, which navigate on their own (login
 * redirect, Tasklist's hash routing): a look-up that the browser aborts because the page navigated,
 * or an element that went stale while the page re-rendered, is tried again instead of failing the
 * journey. Anything else fails as before, and the condition still has to hold before the time is
 * up.
 */
public final class PatientWait {

  private PatientWait() {}

  public static <T> T until(WebDriver browser, Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, timeout)
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              try {
                return condition.apply(driver);
              } catch (WebDriverException e) {
                if (navigating(e)) {
                  return null;
                }
                throw e;
              }
            });
  }

  /** Chromedriver's answer when the page navigated under a command ("aborted by navigation"). */
  public static boolean navigating(WebDriverException e) {
    String message = e.getMessage();
    return message != null
        && (message.contains("aborted by navigation")
            || message.contains("Inspected target navigated or closed")
            || message.contains("Execution context was destroyed"));
  }
}
