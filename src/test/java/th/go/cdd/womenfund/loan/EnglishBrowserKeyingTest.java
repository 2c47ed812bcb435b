package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.BorrowerRow;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Issue 17 in a real browser whose language is English (an office PC set up in English): Tasklist,
 * Cockpit, Admin and the welcome page are Thai all the same, with a ไทย / English switch that this
 * browser remembers; Tasklist opens on the filter that holds the person's work (her group's tasks;
 * the province's late tasks for a supervisor) and offers no free-standing task; the loan
 * application's start form offers her district's sub-districts by name; she keys the application's
 * borrowers as rows of members of the register and submits it; the district's screening sends it
 * back, she re-opens the fix form, finds her rows as stored, corrects one and sends it back to
 * screening; her profile's name and e-mail are shown, not offered for editing. Krabi (81) keeps
 * these people apart from the other tests. Screenshots go to {@code target/screenshots/} like the
 * officers' journey.
 */
@Tag("browser")
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EnglishBrowserKeyingTest extends LoanFormJourney {

  static final String PASSWORD = "English-browser-2569";
  static final String DISTRICT = "8101";
  static final String PROVINCE = "81";
  static final String OTHER_DISTRICT = "8102";
  static final String GROUP_NAME = "กลุ่มสตรีจักสานใบเตยบ้านคลองม่วง";

  @BeforeAll
  static void chromium() throws IOException {
    startChromium(Language.ENGLISH); // a browser set to English only
  }

  @Override
  protected String password() {
    return PASSWORD;
  }

  @BeforeEach
  void people() {
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    roles.ensureDistrict(areas.district(OTHER_DISTRICT).orElseThrow());
    TestPeople.of(engine)
        .user("officer81two")
        .password(PASSWORD)
        .name("สมใจ", "เจ้าหน้าที่สองอำเภอ")
        .email("officer81two@womenfund.example")
        .member(Roles.districtOfficers(DISTRICT), Roles.districtOfficers(OTHER_DISTRICT));
    TestPeople.of(engine)
        .user("officer" + DISTRICT)
        .password(PASSWORD)
        .name("อรุณี", "เจ้าหน้าที่อำเภอเมืองกระบี่")
        .email("officer" + DISTRICT + "@womenfund.example")
        .member(Roles.districtOfficers(DISTRICT));
    TestPeople.of(engine)
        .user("supervisor" + PROVINCE)
        .password(PASSWORD)
        .name("ประไพ", "พัฒนาการจังหวัดกระบี่")
        .email("supervisor" + PROVINCE + "@womenfund.example")
        .member(Roles.provinceSupervisors(PROVINCE));
  }

  @Test
  void anEnglishBrowserGetsThaiMenusWorkFirstAndPlacesAsChoices() {
    walk("en-failure", this::journey);
  }

  void journey() {
    String lateTask = lateTaskInTheDistrict();

    // 1. Thai menus in an English browser; the group's tasks first; no "create task"
    open("tasklist");
    logIn("officer" + DISTRICT);
    waitText("เริ่มกระบวนการ");
    assertThat(pageText()).doesNotContain("Start process", "Create task");
    assertThat(activeFilter()).startsWith(TasklistFilters.GROUP);
    assertThat(browser.findElements(By.cssSelector(".create-task-action")))
        .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
    waitText(lateTask);
    shot("en-01-thai-menus-group-work-first");

    // 2. the group's sub-district is chosen from the district's sub-districts, by Thai name
    startProcess(APPLICATION);
    WebElement place =
        PatientWait.until(
                browser,
                WAIT,
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(
                        "[id$='-field_" + LoanApplicationProcess.Var.SUB_DISTRICT_CODE + "']")))
            .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    place.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display")).click();
    List<String> names = areas.subDistrictsOf(DISTRICT).stream().map(SubDistrict::nameTh).toList();
    PatientWait.until(
        browser, WAIT, d -> texts(By.cssSelector(".fjs-dropdownlist-item")).size() == names.size());
    assertThat(texts(By.cssSelector(".fjs-dropdownlist-item"))).containsExactlyElementsOf(names);
    shot("en-02-sub-district-choice");
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                + names.get(1)
                + "']"));
    assertThat(place.getText() + value(place)).contains(names.get(1));

    // 2a. she keys the application, its borrowers as rows of members of the register, and submits
    String subDistrict = areas.subDistrictsOf(DISTRICT).get(1).code();
    Map<String, Object> application =
        DemoApplications.application(72, GROUP_NAME, subDistrict, LocalDate.now(ThaiDates.BANGKOK));
    List<Row> rows = registeredBorrowers(application, subDistrict);
    type(Var.GROUP_NAME, GROUP_NAME);
    keyGroupDetails(application, "แปรรูปอาหาร", "รายเดือน");
    keyRows(rows);
    ProcessInstance pi = submitApplication(GROUP_NAME);

    // 2b. the district's screening sends it back; she re-opens it: the rows are shown again as
    // stored, she corrects one row's acknowledgement and sends the application back to screening
    DemoApplications.advance(engine, pi.getId(), DISTRICT, "fix", LocalDate.now(ThaiDates.BANGKOK));
    engine.getIdentityService().clearAuthentication();
    browser.navigate().refresh();
    waitFor(By.cssSelector(".task-filter"));
    openTask(TasklistFilters.GROUP, pi.getBusinessKey());
    claim();
    waitText("ส่งกลับให้แก้ไข");
    PatientWait.until(browser, WAIT, d -> rowFields(BorrowerRow.NATIONAL_ID).size() == rows.size());
    // the group's place is a choice here too, showing the stored sub-district by its Thai name
    WebElement storedPlace =
        browser
            .findElement(
                By.cssSelector(
                    "[id$='-field_" + LoanApplicationProcess.Var.SUB_DISTRICT_CODE + "']"))
            .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    assertThat(storedPlace.findElements(By.cssSelector(".fjs-select-display, .fjs-input-group")))
        .isNotEmpty();
    assertThat(storedPlace.getText() + value(storedPlace)).contains(names.get(1));
    assertThat(rowValues(BorrowerRow.NATIONAL_ID))
        .containsExactlyElementsOf(rows.stream().map(Row::nationalId).toList());
    assertThat(rowValues(BorrowerRow.ACK_NAME))
        .containsExactlyElementsOf(rows.stream().map(Row::ackName).toList());
    // each row's relation is shown chosen as stored; she chooses another for the third row
    assertThat(rowValues(BorrowerRow.ACK_RELATION))
        .containsExactlyElementsOf(rows.stream().map(Row::ackRelation).toList());
    String corrected = rows.get(1).ackName() + "ศรี";
    rowRetype(BorrowerRow.ACK_NAME, 2, corrected);
    String rechosen = rows.get(2).ackRelation().equals("บุตร") ? "ญาติ" : "บุตร";
    rowChoose(BorrowerRow.ACK_RELATION, 3, rechosen);
    shot("en-02b-fix-rows");
    click(By.cssSelector(".form-actions button.btn-primary"));
    waitUntilAt(pi, LoanApplicationProcess.Element.DISTRICT_SCREENING);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.BORROWER_ROWS))
        .contains(corrected, rows.get(4).nationalId());
    try {
      JsonNode stored =
          new ObjectMapper()
              .readTree(
                  (String) engine.getRuntimeService().getVariable(pi.getId(), Var.BORROWER_ROWS));
      assertThat(stored.get(2).get(BorrowerRow.ACK_RELATION).asText()).isEqualTo(rechosen);
      assertThat(stored.get(0).get(BorrowerRow.ACK_RELATION).asText())
          .isEqualTo(rows.get(0).ackRelation());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    waitText("เลือกงานจากรายการ");

    // 3. English when chosen, and this browser remembers it; back to Thai the same way
    click(By.id("womenfund-language"));
    waitText("Start process");
    browser.navigate().refresh();
    waitText("Start process");
    shot("en-03-english-chosen");
    click(By.id("womenfund-language"));
    waitText("เริ่มกระบวนการ");

    // 4. the welcome page is Thai too; her profile there shows her name and e-mail without offering
    // to edit them
    open("welcome");
    waitText("รายการงาน (Tasklist)");
    waitText("เปลี่ยนรหัสผ่าน");
    By editProfile = By.cssSelector("a[ng-click=\"showForm('profile')\"]");
    PatientWait.until(
        browser,
        WAIT,
        d -> d.findElements(editProfile).stream().noneMatch(WebElement::isDisplayed));
    assertThat(pageText()).contains("อรุณี").doesNotContain("แก้ไขข้อมูลส่วนตัว");
    shot("en-04-profile-read-only");

    // 5. the province's supervisor opens on its late tasks
    browser.manage().deleteAllCookies();
    open("tasklist");
    logIn("supervisor" + PROVINCE);
    PatientWait.until(browser, WAIT, d -> activeFilter().startsWith(TasklistFilters.OVERDUE_AREA));
    waitText(lateTask);
    shot("en-05-supervisor-late-work-first");

    // 6. an officer of two districts chooses the district, then one of its sub-districts
    browser.manage().deleteAllCookies();
    open("tasklist");
    logIn("officer81two");
    startProcess(APPLICATION);
    openChoices(StartFormPlaces.DISTRICT_FIELD);
    String otherName = areas.district(OTHER_DISTRICT).orElseThrow().nameTh();
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                + otherName
                + "']"));
    openChoices(LoanApplicationProcess.Var.SUB_DISTRICT_CODE);
    List<String> others =
        areas.subDistrictsOf(OTHER_DISTRICT).stream().map(SubDistrict::nameTh).toList();
    PatientWait.until(
        browser, WAIT, d -> texts(By.cssSelector(".fjs-dropdownlist-item")).equals(others));
    shot("en-06-district-then-sub-district");
  }

  /**
   * An application of the district whose first task is already late; returns its application
   * number.
   */
  String lateTaskInTheDistrict() {
    String subDistrict = areas.subDistrictsOf(DISTRICT).get(0).code();
    engine
        .getIdentityService()
        .setAuthentication("officer" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(
                    70,
                    "กลุ่มสตรีทำผ้าบาติกบ้านไสไทย",
                    subDistrict,
                    LocalDate.now(ThaiDates.BANGKOK)))
            .getId();
    engine.getIdentityService().clearAuthentication();
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    t.setDueDate(new Date(System.currentTimeMillis() - 2L * 24 * 3600 * 1000));
    engine.getTaskService().saveTask(t);
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(pid)
        .singleResult()
        .getBusinessKey();
  }

  String value(WebElement field) {
    return field.findElements(By.cssSelector("input")).stream()
        .map(i -> String.valueOf(i.getAttribute("value")))
        .reduce("", String::concat);
  }
}
