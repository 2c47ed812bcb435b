package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoPromotion;
import th.go.cdd.womenfund.meeting.MeetingRepository;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess;
import th.go.cdd.womenfund.meeting.MeetingService;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The meeting's remaining duties (issue 16) in a real browser, as Trat's demo people: เมืองตราด's
 * officer records what a group sold at a fair (/occupation); the province's officer records the
 * working group's meeting and its resolutions (/meetings); เมืองตราด's officer reports one done in
 * Tasklist; แหลมงอบ's officer proposes a subsidy-type project for the demo's organisation and
 * records the sub-district working group's endorsement; the supervisor's briefing shows 4.3 and the
 * meeting's resolutions with their status. Screenshots 17-23 of the user guide come from here.
 */
@Tag("browser")
@DemoContext
class MeetingDutiesBrowserTest extends DemoJourney {

  static final String PROVINCE = "23";
  static final String DISTRICT = "2301"; // เมืองตราด
  static final String SUBSIDY_DISTRICT = "2305"; // แหลมงอบ
  static final String PRODUCT = "ผ้ามัดย้อมสีธรรมชาติ";
  static final String RESOLUTION = "ประสานพาณิชย์จังหวัดนำผลิตภัณฑ์กลุ่มสตรีออกร้านงานกาชาดจังหวัด";
  static final String PROJECT = "โครงการพัฒนาผลิตภัณฑ์อาหารทะเลแปรรูป";

  @Autowired AreaRepository areas;
  @Autowired MeetingService meetings;

  @Test
  void occupationMeetingResolutionsAndASubsidyProjectReachTheBriefing() {
    walk("duties-failure", this::journey);
  }

  void journey() {
    LocalDate today = EngineClock.today();
    int year = today.getYear() + ThaiDates.BUDDHIST_ERA_OFFSET;

    // 1. the district officer records a group's sales at a fair
    pageAs("officer" + DISTRICT, "/occupation");
    waitFor(By.id("sale-form"));
    new Select(browser.findElement(By.id("groupId"))).selectByIndex(1);
    browser.findElement(By.id("product")).sendKeys(PRODUCT);
    new Select(browser.findElement(By.id("channel"))).selectByValue("FAIR");
    browser
        .findElement(By.id("period"))
        .sendKeys(String.format("%02d/%d", today.getMonthValue(), year));
    browser.findElement(By.id("income")).sendKeys("15250.75");
    click(By.id("record-sale"));
    waitFor(By.id("notice"));
    assertThat(waitFor(By.id("latest")).getText()).contains(PRODUCT, "15,250.75");
    shot("17-occupation");

    // 2. the province's officer records the meeting and its resolutions
    String number = "10/" + year;
    pageAs("provofficer" + PROVINCE, "/meetings?province=" + PROVINCE);
    waitFor(By.id("meeting-form"));
    browser.findElement(By.id("number")).sendKeys(number);
    browser.findElement(By.id("heldOn")).sendKeys(ThaiDates.formatNumeric(today));
    browser
        .findElement(By.id("attendees"))
        .sendKeys("หัวหน้าคณะทำงานขับเคลื่อนกองทุนฯ จังหวัด พัฒนาการจังหวัดตราด และคณะทำงานฯ");
    click(By.cssSelector("input[name='agenda'][value='1']"));
    click(By.cssSelector("input[name='agenda'][value='4.3']"));
    resolution(0, "4.3", RESOLUTION, DISTRICT, today.plusDays(30));
    resolution(
        1,
        "1",
        "ติดตามกลุ่มที่ค้างชำระเกิน 3 งวดทุกกลุ่มก่อนสิ้นไตรมาส",
        MeetingService.PROVINCE_OWNER,
        today.plusDays(45));
    tallWindow();
    shot("18-meeting-form");
    click(By.id("record-meeting"));
    waitFor(By.id("notice"));
    waitText(RESOLUTION);
    normalWindow();
    MeetingRepository.Resolution ours =
        meetings.meetings(PROVINCE, 5).stream()
            .filter(m -> m.meeting().numberText().equals(number))
            .findFirst()
            .orElseThrow()
            .resolutions()
            .stream()
            .filter(r -> DISTRICT.equals(r.ownerDistrictCode()))
            .findFirst()
            .orElseThrow();

    // 3. its owner, the district's officer, reports it done in Tasklist
    logOut();
    logIn("officer" + DISTRICT);
    openTask(TasklistFilters.GROUP, "รายงานความคืบหน้าการดำเนินงานตามมติ");
    waitText(RESOLUTION);
    claim();
    type(
        MeetingResolutionProcess.Var.PROGRESS_NOTE,
        "ประสานพาณิชย์จังหวัดแล้ว กลุ่มได้ออกร้าน 3 กลุ่ม");
    click(field(MeetingResolutionProcess.Var.DONE));
    pause(600);
    shot("19-resolution-follow-up");
    click(By.cssSelector(".form-actions button.btn-primary"));
    engineReaches(
        () ->
            engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceId(ours.processInstanceId())
                    .count()
                == 0);

    // 4. แหลมงอบ's officer proposes a subsidy-type project and records its endorsement
    logOut();
    logIn("officer" + SUBSIDY_DISTRICT);
    startProcess("โครงการประเภทเงินอุดหนุนกองทุนพัฒนาบทบาทสตรี");
    waitFor(field(SubsidyProjectProcess.Var.ORGANISATION_NAME));
    type(
        SubsidyProjectProcess.Var.ORGANISATION_NAME,
        DemoPromotion.organisationName(SUBSIDY_DISTRICT, areas));
    type(
        SubsidyProjectProcess.Var.SUB_DISTRICT_CODE,
        areas.subDistrictsOf(SUBSIDY_DISTRICT).get(0).code());
    type(SubsidyProjectProcess.Var.PROJECT_NAME, PROJECT);
    type(
        SubsidyProjectProcess.Var.OBJECTIVE,
        "เพิ่มมูลค่าอาหารทะเลของสมาชิกด้วยบรรจุภัณฑ์และการขายออนไลน์");
    type(SubsidyProjectProcess.Var.PERIOD_FROM, ThaiDates.formatNumeric(today.plusDays(15)));
    type(SubsidyProjectProcess.Var.PERIOD_TO, ThaiDates.formatNumeric(today.plusMonths(6)));
    type(
        SubsidyProjectProcess.Var.BUDGET_LINES,
        "ค่าบรรจุภัณฑ์, 15,000.00\nค่าอบรมการขายออนไลน์, 9,500.25");
    tallWindow();
    shot("20-subsidy-start");
    click(By.cssSelector(".modal-footer button.btn-primary"));
    PatientWait.until(
        browser, WAIT, ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal"), 0));
    normalWindow();
    ProcessInstance project =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(SubsidyProjectProcess.KEY)
            .variableValueEquals(SubsidyProjectProcess.Var.PROJECT_NAME, PROJECT)
            .singleResult();
    assertThat(engine.getRuntimeService().getActiveActivityIds(project.getId()))
        .containsExactly(SubsidyProjectProcess.Element.ENDORSEMENT);
    openTask(TasklistFilters.GROUP, "บันทึกการรับรองของคณะทำงานขับเคลื่อนกองทุนฯ ตำบล");
    waitText(PROJECT);
    claim();
    type(SubsidyProjectProcess.Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(today));
    type(SubsidyProjectProcess.Var.ENDORSEMENT_REFERENCE, "ครั้งที่ 3/" + year);
    shot("21-subsidy-endorsement");
    click(By.cssSelector(".form-actions button.btn-primary"));
    engineReaches(
        () ->
            engine
                .getRuntimeService()
                .getActiveActivityIds(project.getId())
                .contains(SubsidyProjectProcess.Element.DISTRICT_SCREENING));

    // 5. the supervisor's briefing for the next meeting: 4.3 and what became of the resolutions
    pageAs(
        "supervisor" + PROVINCE,
        "/briefing?province=" + PROVINCE + "&date=" + ThaiDates.formatNumeric(today.plusDays(1)));
    waitText("การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี");
    assertThat(pageText())
        .contains("กลุ่มสตรีได้รับการส่งเสริม", "งานแสดงสินค้า")
        .contains("ผลการดำเนินงานตามมติการประชุมครั้งที่ " + number)
        .contains("ดำเนินการแล้ว 1 รายการ อยู่ระหว่างดำเนินการ 1 รายการ")
        .contains(RESOLUTION, "กลุ่มได้ออกร้าน 3 กลุ่ม");
    scrollTo(By.id("item-4.3"));
    shot("22-briefing-occupation");
    scrollTo(By.id("item-เรื่องสืบเนื่อง"));
    shot("23-briefing-resolutions");
  }

  /** Fills resolution row {@code i} of the meeting page. */
  void resolution(int i, String item, String text, String owner, LocalDate due) {
    new Select(browser.findElements(By.name("agendaItem")).get(i)).selectByValue(item);
    browser.findElements(By.name("text")).get(i).sendKeys(text);
    new Select(browser.findElements(By.name("owner")).get(i)).selectByValue(owner);
    browser.findElements(By.name("dueOn")).get(i).sendKeys(ThaiDates.formatNumeric(due));
  }

  /** Waits until the engine has done what the click asked. */
  void engineReaches(BooleanSupplier state) {
    PatientWait.until(browser, WAIT, d -> state.getAsBoolean());
  }

  void scrollTo(By by) {
    WebElement e = waitFor(by);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", e);
  }
}
