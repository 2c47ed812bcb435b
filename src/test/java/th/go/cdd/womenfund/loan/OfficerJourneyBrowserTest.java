package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.BrowserSwitch;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The officers' journey through a loan application in a real browser (headless Chromium from
 * Debian's {@code chromium} and {@code chromium-driver}), in Thai: a district officer logs in to
 * Tasklist, keys an application in the start form, is refused in Thai for a wrong national ID,
 * fixes it and submits, and records the sub-district working group's endorsement; the district
 * committee's secretary claims the screening and approves; the provincial committee approves; the
 * province's supervisor finds the application, its open task and that task's due date in Cockpit,
 * and sees a mail that could not be sent as an incident. Each step leaves a screenshot in {@code
 * target/screenshots/} (the user guide's pictures in {@code docs/guide/images/} come from there).
 * Skips itself where Chromium is not installed; {@code .ci/run} installs it and requires the
 * journey to run.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfficerJourneyBrowserTest {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "Journey-test-2569";
  static final String DISTRICT = "2305"; // แหลมงอบ
  static final String PROVINCE = "23";
  static final String SUB_DISTRICT = "230507"; // ต.คลองใหญ่ อ.แหลมงอบ
  static final String GROUP_NAME = "กลุ่มสตรีแปรรูปอาหารทะเลบ้านคลองใหญ่";
  static final Duration WAIT = Duration.ofSeconds(30);

  static WebDriver browser;
  static Path profileDir;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  @BeforeAll
  static void startChromium() throws IOException {
    // CI (.ci/run) sets WOMENFUND_BROWSER_TESTS=required: there a missing Chromium fails instead of
    // skipping
    BrowserSwitch.chromiumOrSkip();
    Files.createDirectories(SHOTS);
    Files.deleteIfExists(SHOTS.resolve("failure.png"));
    profileDir = Files.createTempDirectory("womenfund-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
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
        "--lang=th-TH",
        "--user-data-dir=" + profileDir);
    // an officer's browser set to Thai; the webapps follow it
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "th-TH,th"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", "Asia/Bangkok", "LANGUAGE", "th_TH"))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profileDir != null) {
      try (var files = Files.walk(profileDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** The engine's authentication is per thread, and the next test class runs on this thread. */
  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @BeforeEach
  void people() {
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    user("officer" + DISTRICT, "มาลี", "เจ้าหน้าที่อำเภอแหลมงอบ", Roles.districtOfficers(DISTRICT));
    user(
        "committee" + DISTRICT,
        "สุดา",
        "อนุกรรมการอำเภอแหลมงอบ",
        Roles.districtCommittee(DISTRICT));
    user(
        "provcommittee" + PROVINCE,
        "วิไล",
        "อนุกรรมการจังหวัดตราด",
        Roles.provinceCommittee(PROVINCE));
    user(
        "supervisor" + PROVINCE,
        "ศิริพร",
        "พัฒนาการจังหวัดตราด",
        Roles.provinceSupervisors(PROVINCE));
  }

  void user(String id, String first, String last, String group) {
    TestPeople.of(engine)
        .user(id)
        .password(PASSWORD)
        .name(first, last)
        .email(id + "@womenfund.example")
        .member(group);
  }

  @Test
  void
      anApplicationGoesFromTheDistrictOfficerThroughBothCommitteesAndTheSupervisorSeesItsDeadline() {
    try {
      journey();
    } catch (RuntimeException | AssertionError e) {
      shot("failure"); // what the browser showed when the journey broke
      throw e;
    }
  }

  void journey() {
    Map<String, Object> application =
        DemoApplications.application(50, GROUP_NAME, SUB_DISTRICT, today());
    String borrowers = (String) application.get(Var.BORROWERS);
    String acknowledgements = (String) application.get(Var.FAMILY_ACKNOWLEDGEMENTS);
    String goodId = borrowers.lines().toList().get(2).substring(0, 13);
    String wrongId = goodId.substring(0, 12) + (char) ('0' + (goodId.charAt(12) - '0' + 1) % 10);

    // 1. the district officer logs in to Tasklist: Thai menus, the four filters, no migration
    // banner
    open("tasklist");
    // one login for the app and the Camunda webapps: Tasklist sends her to the app's Thai login
    // page
    waitFor(By.id("username"));
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(pageText()).contains("เข้าสู่ระบบ");
    shot("01-login");
    logIn("officer" + DISTRICT);
    waitFor(By.cssSelector(".task-filter"));
    assertThat(texts(By.cssSelector(".task-filter .name, .task-filter")))
        .anySatisfy(t -> assertThat(t).contains(TasklistFilters.MINE));
    // work first (issue 17): Tasklist opens on the group's tasks, and offers no free-standing task
    assertThat(texts(By.cssSelector(".task-filter.active h4")))
        .singleElement()
        .asString()
        .startsWith(TasklistFilters.GROUP);
    assertThat(browser.findElements(By.cssSelector(".create-task-action")))
        .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
    assertThat(pageText())
        .contains(
            TasklistFilters.GROUP,
            TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE,
            "เริ่มกระบวนการ")
        .doesNotContain("migrate to Camunda 8");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    shot("02-tasklist-filters");

    // 2. starts an application from the Thai start form, with one wrong national ID
    click(By.xpath("//a[normalize-space()='เริ่มกระบวนการ']"));
    click(
        By.xpath(
            "//div[contains(@class,'modal')]//a[normalize-space()='คำขอกู้เงินทุนหมุนเวียนกองทุนพัฒนาบทบาทสตรี']"));
    waitFor(field(Var.GROUP_NAME));
    // the form viewer's own words are Thai: an empty select, and the required-field messages after
    // a submit
    waitText("เลือก");
    click(By.cssSelector(".modal-footer button.btn-primary"));
    waitText("กรุณากรอกข้อมูลในช่องนี้");
    assertThat(pageText()).doesNotContain("Field is required", "Field must");
    assertThat(texts(By.cssSelector(".modal .fjs-select-display")))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t).isEqualTo("เลือก"));
    // Tasklist also says the start failed: close that notice, so the next one read is the server's
    // refusal
    for (WebElement close :
        browser.findElements(By.cssSelector(".modal .notifications .alert .close"))) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", close);
    }
    PatientWait.until(
        browser,
        WAIT,
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector(".modal .notifications .alert-danger"), 0));
    type(Var.GROUP_NAME, GROUP_NAME);
    // the group's place is chosen from the district's sub-districts by name (issue 17), not typed
    // as a code
    choose(Var.SUB_DISTRICT_CODE, areas.subDistrict(SUB_DISTRICT).orElseThrow().nameTh());
    type(Var.CONTACT_NAME, (String) application.get(Var.CONTACT_NAME));
    type(Var.CONTACT_EMAIL, (String) application.get(Var.CONTACT_EMAIL));
    type(Var.CONTACT_PHONE, (String) application.get(Var.CONTACT_PHONE));
    type(Var.PURPOSE, (String) application.get(Var.PURPOSE));
    choose(Var.OCCUPATION, "เกษตรกรรม");
    type(Var.REQUESTED_AMOUNT, (String) application.get(Var.REQUESTED_AMOUNT));
    type(Var.TERM_MONTHS, String.valueOf(application.get(Var.TERM_MONTHS)));
    choose(Var.REPAYMENT_FREQUENCY, "รายเดือน");
    type(Var.BORROWERS, borrowers.replace(goodId, wrongId));
    type(Var.FAMILY_ACKNOWLEDGEMENTS, acknowledgements.replace(goodId, wrongId));
    click(field(Var.ALL_THAI_WOMEN));
    tallWindow();
    shot("03-start-form");
    long before = applications();
    click(By.cssSelector(".modal-footer button.btn-primary"));

    // 3. is refused in Thai, and nothing is created
    By refusal = By.cssSelector(".modal .notifications .alert-danger");
    // the notice is drawn, then filled with the server's message: read it once it has the Thai
    // reason
    String refused =
        PatientWait.until(
            browser,
            WAIT,
            d -> {
              String text = d.findElement(refusal).getText();
              return text.contains("ผู้กู้บรรทัดที่ 3") && !text.contains("Cannot instantiate")
                  ? text
                  : null;
            });
    assertThat(refused)
        .contains(
            "เริ่มกระบวนการไม่สำเร็จ",
            "เลขประจำตัวประชาชน",
            "ไม่ถูกต้อง",
            "หลักตรวจสอบ",
            "ผู้กู้บรรทัดที่ 3");
    assertThat(applications()).isEqualTo(before);
    scrollTop(".modal");
    shot("04-wrong-national-id");

    // 4. fixes the ID and submits
    type(Var.BORROWERS, borrowers);
    type(Var.FAMILY_ACKNOWLEDGEMENTS, acknowledgements);
    click(By.cssSelector(".modal-footer button.btn-primary"));
    PatientWait.until(
        browser, WAIT, ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal"), 0));
    assertThat(waitFor(By.cssSelector(".page-notifications .alert")).getText())
        .contains("เริ่มกระบวนการแล้ว");
    normalWindow();
    shot("05-application-started");
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(LoanApplicationProcess.KEY)
            .variableValueEquals(Var.GROUP_NAME, GROUP_NAME)
            .singleResult();
    assertThat(pi).isNotNull();
    String applicationNo = pi.getBusinessKey();
    assertThat(applicationNo).startsWith("LA-" + DISTRICT + "-");
    assertWaitingAt(pi, Element.SUBDISTRICT_ENDORSEMENT);

    // 5. records the sub-district working group's endorsement: claim from the group's filter, fill,
    // complete
    openTask(TasklistFilters.GROUP, applicationNo);
    assertThat(pageText()).contains("ครบกำหนด", "อีก 14 วัน", applicationNo, "รับงาน");
    shot("06-group-task");
    claim();
    type(Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(today()));
    type(Var.ENDORSEMENT_REFERENCE, "4/2569");
    type(Var.ENDORSEMENT_OPINION, "คณะทำงานฯ ตำบลรับรองโครงการ กลุ่มมีความพร้อม");
    shot("07-endorsement");
    complete(pi, Element.DISTRICT_SCREENING);
    assertWaitingAt(pi, Element.DISTRICT_SCREENING);

    // 6. the district committee's secretary claims the screening and approves
    logOut();
    logIn("committee" + DISTRICT);
    openTask(TasklistFilters.GROUP, applicationNo);
    claim();
    click(By.cssSelector("[id$='-field_" + Var.DISTRICT_DECISION + "-0']"));
    type(Var.DISTRICT_DECISION_REASON, "โครงการเป็นไปได้ กลุ่มมีประสบการณ์ เห็นชอบเสนอจังหวัด");
    assertThat(pageText()).contains("เห็นชอบ เสนอจังหวัด", "ผ่าน: กลุ่มมีผู้กู้อย่างน้อย");
    shot("08-district-screening");
    complete(pi, Element.PROVINCE_DECISION);
    assertWaitingAt(pi, Element.PROVINCE_DECISION);

    // 7. the provincial committee approves
    logOut();
    logIn("provcommittee" + PROVINCE);
    openTask(TasklistFilters.GROUP, applicationNo);
    claim();
    click(By.cssSelector("[id$='-field_" + Var.PROVINCE_DECISION + "-0']"));
    type(Var.PROVINCE_DECISION_REASON, "อนุมัติตามที่อำเภอเสนอ");
    shot("09-province-decision");
    complete(pi, Element.SIGN_CONTRACT);
    assertWaitingAt(pi, Element.SIGN_CONTRACT);
    Task contract =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(contract.getDueDate()).isNotNull();

    // 8. the supervisor finds the application and its deadline in Cockpit
    logOut();
    String failedMail = incidentOnAnotherApplication();
    open("cockpit");
    logIn("supervisor" + PROVINCE);
    waitFor(By.cssSelector(".dashboard, [ng-controller], .ctn-content"));
    waitText("อินสแตนซ์กระบวนการ");
    shot("10-cockpit-dashboard");
    browser.get(base() + "/camunda/app/cockpit/default/#/processes");
    waitText("คำขอกู้เงินทุนหมุนเวียน");
    click(
        By.xpath("//a[contains(normalize-space(),'คำขอกู้เงินทุนหมุนเวียนกองทุนพัฒนาบทบาทสตรี')]"));
    waitText(applicationNo);
    shot("11-cockpit-applications");
    browser.get(
        base()
            + "/camunda/app/cockpit/default/#/process-instance/"
            + pi.getId()
            + "/runtime?tab=user-tasks-tab");
    waitText(contract.getName());
    // Cockpit prints raw dates; thai-display.js shows them with Buddhist-era years (after the table
    // renders)
    String dueDate =
        ThaiDates.formatNumeric(
            contract.getDueDate().toInstant().atZone(ThaiDates.BANGKOK).toLocalDate());
    waitText(dueDate);
    String cockpit = pageText();
    assertThat(cockpit).contains(applicationNo, contract.getName());
    assertThat(cockpit)
        .contains(dueDate)
        .doesNotContain(
            String.valueOf(contract.getDueDate().toInstant().atZone(ThaiDates.BANGKOK).getYear())
                + "-");
    shot("12-cockpit-instance-deadline");
    Incident incident =
        engine
            .getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(failedMail)
            .singleResult();
    browser.get(
        base()
            + "/camunda/app/cockpit/default/#/process-instance/"
            + failedMail
            + "/runtime?tab=incidents-tab");
    String message = incident.getIncidentMessage();
    waitText(message.substring(0, Math.min(20, message.length())));
    shot("13-cockpit-mail-incident");
  }

  /**
   * Another application, approved and transferred, whose approval mail cannot be sent: after five
   * tries, an incident.
   */
  String incidentOnAnotherApplication() {
    var identity = engine.getIdentityService();
    identity.setAuthentication("officer" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(
                    51, "กลุ่มสตรีเลี้ยงผึ้งบ้านคลองใหญ่", SUB_DISTRICT, today()))
            .getId();
    identity.clearAuthentication();
    DemoApplications.advance(engine, pid, DISTRICT, "transfer", today());
    identity.setAuthentication("provofficer" + PROVINCE, List.of(Roles.provinceOfficers(PROVINCE)));
    Task transfer = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    engine
        .getTaskService()
        .complete(
            transfer.getId(),
            Map.of(
                Var.TRANSFER_DATE,
                ThaiDates.formatNumeric(today()),
                Var.TRANSFER_REFERENCE,
                "KTB-0001"));
    identity.clearAuthentication();
    ManagementService management = engine.getManagementService();
    // no SMTP server listens in this test: every try fails, the engine retries, then opens an
    // incident
    for (int i = 0;
        i < 10
            && engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).count() == 0;
        i++) {
      Job job = management.createJobQuery().processInstanceId(pid).singleResult();
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the mail server is down
      }
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).count())
        .isEqualTo(1);
    return pid;
  }

  // --- browser helpers ---

  String base() {
    return "http://localhost:" + port;
  }

  void open(String app) {
    browser.get(base() + "/camunda/app/" + app + "/default/");
  }

  /**
   * The app's login page (Spring Security against the Camunda identity service) signs in to the
   * webapps too.
   */
  void logIn(String user) {
    waitFor(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
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

  void logOut() {
    browser.manage().deleteAllCookies();
    open("tasklist");
  }

  void openTask(String filter, String applicationNo) {
    click(
        By.xpath(
            "//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
                + "//h4/a[starts-with(normalize-space(), '"
                + filter
                + "')]"));
    By item =
        By.xpath(
            "//li[contains(@class,'task')][.//*[contains(normalize-space(),'"
                + applicationNo
                + "')]]");
    // the filter refreshes itself every 10 seconds (its "refresh" property)
    click(item);
    waitFor(By.cssSelector(".task-card h2.task"));
  }

  void claim() {
    click(By.cssSelector(".task-card button.claim"));
    PatientWait.until(
        browser,
        WAIT,
        ExpectedConditions.numberOfElementsToBe(By.cssSelector(".task-card button.claim"), 0));
  }

  /** Clicks เสร็จสิ้น and waits until the engine has moved the application on to {@code next}. */
  void complete(ProcessInstance pi, String next) {
    click(By.cssSelector(".form-actions button.btn-primary"));
    PatientWait.until(
        browser,
        WAIT,
        d -> engine.getRuntimeService().getActiveActivityIds(pi.getId()).contains(next));
    waitText("เลือกงานจากรายการ");
  }

  By field(String key) {
    return By.cssSelector("[id$='-field_" + key + "']");
  }

  void type(String key, String value) {
    WebElement e = waitFor(field(key));
    e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    e.sendKeys(value);
    // the form takes typed text after a short debounce: let it settle before the next field
    pause(600);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void choose(String key, String label) {
    // the select's own input is hidden; its visible part is the "display" next to it
    WebElement f =
        PatientWait.until(browser, WAIT, ExpectedConditions.presenceOfElementLocated(field(key)))
            .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    f.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")).click();
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"));
  }

  void click(By by) {
    // found and clicked in one step, so a list that re-renders itself (Tasklist refreshes its
    // filters) between the
    // two is tried again rather than failing on a stale element
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

  WebElement waitFor(By by) {
    return PatientWait.until(browser, WAIT, ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitText(String text) {
    PatientWait.until(browser, WAIT, d -> pageText().contains(text));
  }

  String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  List<String> texts(By by) {
    return browser.findElements(by).stream().map(WebElement::getText).toList();
  }

  void scrollTop(String css) {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector(arguments[0]).scrollTop = 0;", css);
  }

  void tallWindow() {
    browser.manage().window().setSize(new Dimension(1400, 2400));
  }

  void normalWindow() {
    browser.manage().window().setSize(new Dimension(1400, 1000));
  }

  void shot(String name) {
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

  // --- engine helpers ---

  static LocalDate today() {
    return LocalDate.now(ThaiDates.BANGKOK);
  }

  long applications() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(LoanApplicationProcess.KEY)
        .count();
  }

  void assertWaitingAt(ProcessInstance pi, String element) {
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId()))
        .containsExactly(element);
  }
}
