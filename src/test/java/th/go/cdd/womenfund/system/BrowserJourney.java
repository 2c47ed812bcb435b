package th.go.cdd.womenfund.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey does with headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): start it in a language, log in at the app's page, find, click and type with
 * patience (Tasklist re-renders itself), fill Camunda Forms fields by key, and leave screenshots in
 * {@code target/screenshots/} (the user guide's pictures in {@code docs/guide/images/} come from
 * there). A journey calls {@link #startChromium} from its own {@code @BeforeAll}; Chromium stops
 * after the class. Skips where Chromium is not installed, unless {@code
 * WOMENFUND_BROWSER_TESTS=required} ({@code .ci/run}).
 */
public abstract class BrowserJourney {

  public static final Path SHOTS = Path.of("target", "screenshots");
  public static final Duration WAIT = Duration.ofSeconds(30);

  /** The browser's language: what an office PC is set up with. */
  public enum Language {
    THAI("th-TH", "th-TH,th", "th_TH"),
    ENGLISH("en-US", "en-US,en", "en_US");

    final String lang;
    final String accept;
    final String locale;

    Language(String lang, String accept, String locale) {
      this.lang = lang;
      this.accept = accept;
      this.locale = locale;
    }
  }

  protected static WebDriver browser;
  private static Path profileDir;

  /** Where the browser saves a download, without asking; a fresh folder for each class. */
  protected static Path downloads;

  @LocalServerPort protected int port;

  /** The password every person of the journey logs in with. */
  protected abstract String password();

  protected static void startChromium(Language language) throws IOException {
    startChromium(language, "Asia/Bangkok");
  }

  /** As {@link #startChromium(Language)}, on a computer whose clock is set to {@code timeZone}. */
  protected static void startChromium(Language language, String timeZone) throws IOException {
    BrowserSwitch.chromiumOrSkip();
    Files.createDirectories(SHOTS);
    profileDir = Files.createTempDirectory("womenfund-chromium-");
    downloads = Files.createTempDirectory("womenfund-downloads-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BrowserSwitch.CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=" + language.lang,
        "--user-data-dir=" + profileDir);
    // the webapps follow the browser's languages
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            language.accept,
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(BrowserSwitch.CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", timeZone, "LANGUAGE", language.locale))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    delete(profileDir);
    profileDir = null;
    delete(downloads);
    downloads = null;
  }

  private static void delete(Path dir) throws IOException {
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** Runs the journey; when it breaks, what the browser showed is kept as {@code failureShot}. */
  protected void walk(String failureShot, Runnable journey) {
    try {
      journey.run();
    } catch (RuntimeException | AssertionError e) {
      shot(failureShot);
      throw e;
    }
  }

  // --- pages and logins ---

  protected String base() {
    return "http://localhost:" + port;
  }

  /** A Camunda webapp: tasklist, cockpit, admin, welcome. */
  protected void open(String app) {
    browser.get(base() + "/camunda/app/" + app + "/default/");
  }

  /** One of the app's own pages, e.g. {@code /occupation}. */
  protected void page(String path) {
    browser.get(base() + path);
  }

  /**
   * The app's login page (Spring Security against the Camunda identity service) signs in to the
   * webapps too.
   */
  protected void logIn(String user) {
    waitFor(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password());
    click(By.id("login-button"));
    PatientWait.until(browser, WAIT, d -> !d.getCurrentUrl().contains("/login"));
    if (browser.getCurrentUrl().contains("/tasklist/")) {
      // the webapp starts on the new session; on a slow machine its first load can stall once:
      // reload then
      try {
        PatientWait.until(
            browser,
            Duration.ofSeconds(20),
            ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
      } catch (org.openqa.selenium.TimeoutException stalled) {
        browser.navigate().refresh();
        waitFor(By.cssSelector(".task-filter"));
      }
    }
  }

  /** Forgets the session and opens Tasklist (which asks for a login). */
  protected void logOut() {
    browser.manage().deleteAllCookies();
    open("tasklist");
  }

  /** Opens {@code path} of the app as {@code user}, from a fresh session. */
  protected void pageAs(String user, String path) {
    browser.manage().deleteAllCookies();
    page(path);
    logIn(user);
    if (!browser.getCurrentUrl().contains(path.replaceAll("\\?.*", ""))) {
      page(path);
    }
  }

  // --- Tasklist ---

  protected String activeFilter() {
    List<String> active = texts(By.cssSelector(".task-filter.active h4"));
    return active.isEmpty() ? "" : active.get(0).trim();
  }

  /** Chooses the filter, then the task whose list entry shows {@code text}. */
  protected void openTask(String filter, String text) {
    click(
        By.xpath(
            "//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
                + "//h4/a[starts-with(normalize-space(), '"
                + filter
                + "')]"));
    By item =
        By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(),'" + text + "')]]");
    // the filter refreshes itself every 10 seconds (its "refresh" property)
    click(item);
    waitFor(By.cssSelector(".task-card h2.task"));
  }

  protected void claim() {
    click(By.cssSelector(".task-card button.claim"));
    PatientWait.until(
        browser,
        WAIT,
        ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-card button.claim"), 0));
  }

  /** Starts a process from Tasklist's เริ่มกระบวนการ list, by its Thai name. */
  protected void startProcess(String name) {
    click(By.xpath("//a[normalize-space()='เริ่มกระบวนการ']"));
    click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + name + "']"));
  }

  // --- Camunda Forms fields, by key ---

  protected By field(String key) {
    return By.cssSelector("[id$='-field_" + key + "']");
  }

  protected void type(String key, String value) {
    WebElement e = waitFor(field(key));
    e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    e.sendKeys(value);
    // the form takes typed text after a short debounce: let it settle before the next field
    pause(600);
  }

  /** Opens a select's choices: its own input is hidden; its visible part is next to it. */
  protected void openChoices(String key) {
    WebElement f =
        PatientWait.until(browser, WAIT, ExpectedConditions.presenceOfElementLocated(field(key)))
            .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    f.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")).click();
  }

  protected void choose(String key, String label) {
    openChoices(key);
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"));
  }

  // --- a dynamic list's rows (the loan application's borrowers), by the row field's key ---

  /** The row fields of {@code key}, one per row, in order. */
  protected List<WebElement> rowFields(String key) {
    // the field itself, not its description, error message or a select's shown choice (their ids
    // extend the field's); a select's own input holds the label of its choice
    return browser.findElements(
        By.cssSelector(
            "[id*='-field_row_"
                + key
                + "']:not([id*='descr']):not([id*='error']):not([id*='label'])"
                + ":not([id$='-display'])"));
  }

  /** Types into row {@code row} (from 1) of the field {@code key}, after what it holds. */
  protected void rowType(String key, int row, String text) {
    WebElement f = rowFields(key).get(row - 1);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", f);
    f.sendKeys(text);
  }

  /**
   * Chooses {@code label} in row {@code row} (from 1) of the select {@code key} as an officer does:
   * clicks the row's select, then the choice in that row's own list, and waits until the row holds
   * it.
   */
  protected void rowChoose(String key, int row, String label) {
    WebElement input = rowFields(key).get(row - 1);
    WebElement f =
        input.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", f);
    f.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")).click();
    PatientWait.until(
            browser,
            WAIT,
            d ->
                f
                    .findElements(
                        By.xpath(
                            ".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                                + label
                                + "']"))
                    .stream()
                    .findFirst()
                    .orElse(null))
        .click();
    PatientWait.until(
        browser, WAIT, d -> label.equals(rowFields(key).get(row - 1).getAttribute("value")));
  }

  /** Replaces what row {@code row} (from 1) of the field {@code key} holds. */
  protected void rowRetype(String key, int row, String text) {
    WebElement f = rowFields(key).get(row - 1);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", f);
    f.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    f.sendKeys(text);
    pause(600);
  }

  /** Adds a row to the form's dynamic list and waits until it has {@code rows} rows. */
  protected void addRow(String key, int rows) {
    if (rowFields(key).size() < rows) {
      click(By.cssSelector(".fjs-repeat-render-add"));
    }
    PatientWait.until(browser, WAIT, d -> rowFields(key).size() >= rows);
  }

  /** What the row fields of {@code key} hold, row by row. */
  protected List<String> rowValues(String key) {
    return rowFields(key).stream().map(e -> String.valueOf(e.getAttribute("value"))).toList();
  }

  // --- finding, clicking, reading ---

  protected void click(By by) {
    // found and clicked in one step, so a list that re-renders itself (Tasklist refreshes its
    // filters) between the two is tried again rather than failing on a stale element
    PatientWait.until(
        browser,
        WAIT,
        d -> {
          WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
          if (e == null) {
            return null;
          }
          ((JavascriptExecutor) browser)
              .executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
          try {
            e.click();
          } catch (org.openqa.selenium.WebDriverException clickedAway) {
            if (!PatientWait.navigating(clickedAway)) {
              throw clickedAway;
            }
            // the click itself navigated: it happened
          }
          return true;
        });
  }

  protected WebElement waitFor(By by) {
    return PatientWait.until(browser, WAIT, ExpectedConditions.visibilityOfElementLocated(by));
  }

  protected void waitText(String text) {
    PatientWait.until(browser, WAIT, d -> pageText().contains(text));
  }

  protected String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  protected List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }

  protected static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- windows and pictures ---

  protected void scrollTop(String css) {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector(arguments[0]).scrollTop = 0;", css);
  }

  protected void tallWindow() {
    browser.manage().window().setSize(new Dimension(1400, 2400));
  }

  protected void normalWindow() {
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }

  protected void shot(String name) {
    try {
      new Actions(browser).moveToLocation(700, 5).perform(); // no tooltip over the picture
      Thread.sleep(400); // let animations settle
      File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("screenshot " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
