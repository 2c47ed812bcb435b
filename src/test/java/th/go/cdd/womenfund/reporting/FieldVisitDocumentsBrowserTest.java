package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Field visits and documents (issue 16, items 2 and 5) in a real browser, as Trat's demo people:
 * the district officer of เกาะกูด (2306) plans a visit and records it done with a follow-up action;
 * the action waits for the district's officers in Tasklist; เมืองตราด's officer attaches a small
 * PDF to the restructuring package it prepares and is refused, in Thai, a program named .pdf; the
 * supervisor's briefing shows 4.4. Screenshots 24-28 of the user guide come from here.
 */
@Tag("browser")
@DemoContext
class FieldVisitDocumentsBrowserTest extends DemoJourney {

  static final String DISTRICT = "2306";
  static final String PAPER_DISTRICT = "2301";
  static final String ACTION = "ประสานสำนักงานเกษตรอำเภอให้ความรู้การแปรรูปผลไม้แก่กลุ่มสตรี";

  @Autowired InstanceScopes scopes;

  @Test
  void aVisitIsPlannedAndRecordedItsActionIsATaskPapersAreAttachedAndTheBriefingShows44()
      throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "browser-files"));
    Path pdf = dir.resolve("หนังสือขอปรับโครงสร้างหนี้.pdf");
    Files.write(
        pdf,
        "%PDF-1.4 browser journey\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII));
    Path exe = dir.resolve("สำเนาบัตร.pdf");
    byte[] program = new byte[256];
    program[0] = 'M';
    program[1] = 'Z';
    program[0x3C] = (byte) 0x80;
    program[0x80] = 'P';
    program[0x81] = 'E';
    Files.write(exe, program);
    walk("field-visits-failure", () -> journey(pdf, exe));
  }

  void journey(Path pdf, Path exe) {
    LocalDate today = EngineClock.today();

    // 1. the district officer plans a visit, then records it done with a follow-up action
    pageAs("officer" + DISTRICT, "/field-visits");
    waitFor(By.id("plan-form"));
    browser.findElement(By.id("plannedOn")).sendKeys(ThaiDates.formatNumeric(today));
    new Select(browser.findElement(By.id("subDistrict"))).selectByIndex(1);
    browser.findElement(By.id("groupsToMeet")).sendKeys("กลุ่มสตรีแปรรูปผลไม้ (สมาชิก 15 คน)");
    browser.findElement(By.id("districtCommittee")).sendKeys("ประธานอนุกรรมการกลั่นกรองฯ อำเภอ");
    browser.findElement(By.id("subdistrictGroup")).sendKeys("ประธานคณะทำงานขับเคลื่อนฯ ตำบล");
    click(By.id("record-plan"));
    waitFor(By.id("notice"));
    By visitForm = By.cssSelector("form[action='/field-visits/visits']");
    waitFor(visitForm);
    var form = browser.findElement(visitForm);
    form.findElement(By.name("visitedOn")).sendKeys(ThaiDates.formatNumeric(today));
    form.findElement(By.name("team")).sendKeys("พัฒนาการอำเภอ และอนุกรรมการกลั่นกรองฯ อำเภอ 2 คน");
    form.findElement(By.name("groupsMet")).sendKeys("กลุ่มสตรีแปรรูปผลไม้");
    form.findElement(By.name("problems")).sendKeys("ผลผลิตทุเรียนล้นตลาด กลุ่มขาดความรู้การแปรรูป");
    form.findElements(By.name("actionText")).get(0).sendKeys(ACTION);
    new Select(form.findElements(By.name("actionOwner")).get(0)).selectByValue("DISTRICT_OFFICERS");
    form.findElements(By.name("actionDue"))
        .get(0)
        .sendKeys(ThaiDates.formatNumeric(today.plusDays(10)));
    tallWindow();
    shot("24-field-visit-record");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.id("notice"));
    waitText(ACTION);
    normalWindow();

    // 2. the action is a task of the district's officers
    logOut();
    logIn("officer" + DISTRICT);
    openTask(TasklistFilters.GROUP, "รายงานผลการดำเนินการตามข้อเสนอแนะจากการลงพื้นที่");
    waitText(ACTION);
    shot("25-field-visit-action-task");

    // 3. เมืองตราด's officer attaches the request letter to its package; a program is refused
    String pid =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(RestructuringProcess.PACKAGE_KEY)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .filter(
                id -> scopes.of(id).map(s -> PAPER_DISTRICT.equals(s.districtCode())).orElse(false))
            .findFirst()
            .orElseThrow();
    pageAs("officer" + PAPER_DISTRICT, "/documents/instance/" + pid);
    waitFor(By.id("upload-form"));
    new Select(browser.findElement(By.id("type"))).selectByValue("RS_REQUEST_LETTER");
    browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
    click(By.id("upload"));
    waitFor(By.id("notice"));
    waitText(pdf.getFileName().toString());
    shot("26-documents-attached");
    new Select(waitFor(By.id("type"))).selectByValue("RS_ID_CARD");
    browser.findElement(By.id("file")).sendKeys(exe.toAbsolutePath().toString());
    click(By.id("upload"));
    waitText("ไม่ใช่ PDF, JPEG หรือ PNG");
    shot("27-document-refused");

    // 4. the supervisor's briefing: 4.4 planned against done from the district's records
    pageAs(
        "supervisor23", "/briefing?province=23&date=" + ThaiDates.formatNumeric(today.plusDays(1)));
    waitText("การลงพื้นที่ติดตามในแต่ละอำเภอ");
    assertThat(pageText()).containsPattern("อำเภอวางแผนลงพื้นที่ติดตาม \\d+ ครั้ง ลงพื้นที่แล้ว");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView(true);", waitFor(By.id("item-4.4")));
    shot("28-briefing-field-visits");
  }
}
