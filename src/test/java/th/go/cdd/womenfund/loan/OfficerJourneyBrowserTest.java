package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The officers' journey through a loan application in a real browser (headless Chromium from
 * Debian's {@code chromium} and {@code chromium-driver}), in Thai: a district officer logs in to
 * Tasklist, keys an application in the start form (its borrowers one row each, members of the
 * district's register), is refused in Thai for a wrong national ID naming its row, fixes that row
 * and submits, and records the sub-district working group's endorsement; the district committee's
 * secretary claims the screening and approves; the provincial committee approves; the province's
 * supervisor finds the application, its open task and that task's due date in Cockpit, and sees a
 * mail that could not be sent as an incident. Each step leaves a screenshot in {@code
 * target/screenshots/} (the user guide's pictures in {@code docs/guide/images/} come from there).
 * Skips itself where Chromium is not installed; {@code .ci/run} installs it and requires the
 * journey to run.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfficerJourneyBrowserTest extends LoanFormJourney {

  static final String PASSWORD = "Journey-test-2569";
  static final String DISTRICT = "2305"; // แหลมงอบ
  static final String PROVINCE = "23";
  static final String SUB_DISTRICT = "230507"; // ต.คลองใหญ่ อ.แหลมงอบ
  static final String GROUP_NAME = "กลุ่มสตรีแปรรูปอาหารทะเลบ้านคลองใหญ่";

  @BeforeAll
  static void chromium() throws IOException {
    startChromium(Language.THAI); // an officer's browser set to Thai; the webapps follow it
    Files.deleteIfExists(SHOTS.resolve("failure.png"));
  }

  @Override
  protected String password() {
    return PASSWORD;
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
    walk("failure", this::journey);
  }

  void journey() {
    Map<String, Object> application =
        DemoApplications.application(50, GROUP_NAME, SUB_DISTRICT, today());
    // the borrowers are members of the district's register: the form's rows name them by ID
    List<Row> rows = registeredBorrowers(application, SUB_DISTRICT);
    String goodId = rows.get(2).nationalId();
    String wrongId = goodId.substring(0, 12) + (char) ('0' + (goodId.charAt(12) - '0' + 1) % 10);
    List<Row> mistyped = new java.util.ArrayList<>(rows);
    mistyped.set(2, rows.get(2).withNationalId(wrongId));

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
    startProcess(APPLICATION);
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
    keyGroupDetails(application, "เกษตรกรรม", "รายเดือน");
    // one row per borrower (issue 17), the third with a mistyped national ID
    keyRows(mistyped);
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
              return text.contains("แถวที่ 3 เลขประจำตัวประชาชน")
                      && !text.contains("Cannot instantiate")
                  ? text
                  : null;
            });
    assertThat(refused)
        .contains(
            "เริ่มกระบวนการไม่สำเร็จ",
            "เลขประจำตัวประชาชน",
            "ไม่ถูกต้อง",
            "หลักตรวจสอบ",
            "แถวที่ 3 เลขประจำตัวประชาชน");
    // the form keeps every row as typed
    assertThat(rowValues(LoanApplicationProcess.BorrowerRow.NATIONAL_ID))
        .containsExactlyElementsOf(mistyped.stream().map(Row::nationalId).toList());
    assertThat(applications()).isEqualTo(before);
    scrollTop(".modal");
    shot("04-wrong-national-id");

    // 4. fixes that row in place and submits
    rowRetype(LoanApplicationProcess.BorrowerRow.NATIONAL_ID, 3, goodId);
    ProcessInstance pi = submitApplication(GROUP_NAME);
    assertThat(waitFor(By.cssSelector(".page-notifications .alert")).getText())
        .contains("เริ่มกระบวนการแล้ว");
    normalWindow();
    shot("05-application-started");
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

  // --- Tasklist ---

  /** Clicks เสร็จสิ้น and waits until the engine has moved the application on to {@code next}. */
  void complete(ProcessInstance pi, String next) {
    click(By.cssSelector(".form-actions button.btn-primary"));
    waitUntilAt(pi, next);
    waitText("เลือกงานจากรายการ");
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
