package th.go.cdd.womenfund.system;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The one switch of the browser tests (JUnit tag {@code browser}), obeyed the same way by all of
 * them: with {@code WOMENFUND_BROWSER_TESTS=required} (.ci/run) a missing Chromium or ChromeDriver
 * fails the test; unset (or anything else), the test skips itself where they are not installed.
 */
public final class BrowserSwitch {

  public static final String VARIABLE = "WOMENFUND_BROWSER_TESTS";
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private BrowserSwitch() {}

  public static boolean required() {
    return "required".equals(System.getenv(VARIABLE));
  }

  /** Call from {@code @BeforeAll}: returns when both are installed, fails or skips otherwise. */
  public static void chromiumOrSkip() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && required()) {
      throw new AssertionError(
          VARIABLE
              + "=required but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing"
              + " (apt-get install chromium chromium-driver fonts-thai-tlwg)");
    }
    Assumptions.assumeTrue(
        installed,
        "Chromium is not installed (apt-get install chromium chromium-driver"
            + " fonts-thai-tlwg; "
            + VARIABLE
            + "=required makes this a failure): browser test skipped");
  }
}
