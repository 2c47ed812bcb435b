package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.system.BrowserSwitch;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromium-driver), on the demo
 * data: a supervisor signs in once at the Thai login page, sees the charts and figures equal to the
 * database, opens Tasklist without signing in again; a district officer is refused. Skipped where
 * no chromedriver is installed, unless WOMENFUND_BROWSER_TESTS=required ({@link BrowserSwitch}).
 */
@Tag("browser")
@DemoContext
class DashboardBrowserTest extends DemoJourney {

  @Autowired JdbcClient jdbc;

  /** Each test starts signed out, in a window tall enough for the dashboard's charts. */
  @BeforeEach
  void freshSession() {
    page("/login");
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1400, 1800));
  }

  <T> T waitUntil(ExpectedCondition<T> condition) {
    return PatientWait.until(browser, WAIT, condition);
  }

  /** The app's Thai login page: fields #username and #password, button #login-button. */
  void login(String userId) {
    page("/login");
    logIn(userId);
  }

  String cell(String table, String district, int column) {
    WebElement row =
        browser.findElements(By.cssSelector("#table-" + table + " tr")).stream()
            .filter(
                r ->
                    r.findElements(By.tagName("td")).size() > column
                        && r.findElements(By.tagName("td")).get(0).getText().equals(district))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row " + district + " in " + table));
    return row.findElements(By.tagName("td")).get(column).getText();
  }

  static String money(BigDecimal v) {
    return String.format("%,.2f", v);
  }

  @Test
  void aSupervisorSeesTrat7DistrictsWithChartsAndLiveFiguresAndOpensTasklistWithoutASecondLogin()
      throws Exception {
    page("/dashboard?province=23");
    // not signed in: the app's login page, then back to the dashboard
    waitUntil(ExpectedConditions.urlContains("/login"));
    logIn("supervisor23");
    waitUntil(ExpectedConditions.urlContains("/dashboard"));
    assertThat(browser.findElement(By.id("dashboard-title")).getText()).contains("จังหวัดตราด");

    // the charts are drawn (ECharts from the webjar renders a canvas into each)
    for (String chart :
        List.of("chart-overdue", "chart-members", "chart-allocation", "chart-budget")) {
      waitUntil(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
      assertThat(browser.findElement(By.id(chart)).findElements(By.tagName("canvas")))
          .as(chart)
          .isNotEmpty();
    }
    shot("dashboard-supervisor23");

    // seven districts in every table, figures equal to the database
    for (String table : List.of("overdue", "members", "restructuring", "allocation", "budget")) {
      assertThat(browser.findElements(By.cssSelector("#table-" + table + " tr")))
          .as(table)
          .hasSize(1 + 7 + 1);
    }
    int fy = ThaiFiscalYear.of(EngineClock.today()).buddhistYear();
    int members =
        jdbc.sql(
                "select count(*) from fund_membership where province_code = '23' and fiscal_year = ?")
            .param(fy)
            .query(Integer.class)
            .single();
    int laemNgopMembers =
        jdbc.sql(
                "select count(*) from fund_membership where district_code = '2305' and fiscal_year = ?")
            .param(fy)
            .query(Integer.class)
            .single();
    assertThat(browser.findElement(By.id("members-total")).getText())
        .isEqualTo(String.format("%,d", members));
    assertThat(browser.findElement(By.id("members-target")).getText()).isEqualTo("1,900");
    assertThat(cell("members", "แหลมงอบ", 1)).isEqualTo(Integer.toString(laemNgopMembers));
    BigDecimal sent =
        jdbc.sql(
                "select sum(p.total_amount) from restructuring_package p join restructuring_round r"
                    + " on r.id = p.round_id where r.province_code = '23' and p.total_amount > 0")
            .query(BigDecimal.class)
            .single();
    assertThat(money(sent)).isEqualTo("1,605,730.42");
    assertThat(browser.findElement(By.id("restructuring-total")).getText()).isEqualTo(money(sent));
    assertThat(browser.findElement(By.id("restructuring-count")).getText()).isEqualTo("3");
    BigDecimal boRaiOwed =
        jdbc.sql(
                "select sum(i.principal - i.principal_paid) from repayment_installment i join loan_project l on l.id = i.loan_id"
                    + " where l.district_code = '2304' and l.status = 'DISBURSED'")
            .query(BigDecimal.class)
            .single();
    BigDecimal boRaiLate =
        jdbc.sql(
                "select sum(i.principal - i.principal_paid) from repayment_installment i join loan_project l on l.id = i.loan_id"
                    + " where l.district_code = '2304' and l.status = 'DISBURSED' and i.due_date < ?")
            .param(EngineClock.today())
            .query(BigDecimal.class)
            .single();
    assertThat(cell("overdue", "บ่อไร่", 1)).isEqualTo(money(boRaiOwed));
    assertThat(cell("overdue", "บ่อไร่", 2)).isEqualTo(money(boRaiLate));
    assertThat(cell("overdue", "บ่อไร่", 4)).isEqualTo("สูงกว่าเป้าหมาย");
    BigDecimal budget =
        jdbc.sql("select amount from admin_budget where district_code = '2301' and fiscal_year = ?")
            .param(fy)
            .query(BigDecimal.class)
            .single();
    assertThat(cell("budget", "เมืองตราด", 1)).isEqualTo(money(budget));
    BigDecimal allocated =
        jdbc.sql(
                "select sum(l.amount) from subsidy_allocation_line l join subsidy_allocation a"
                    + " on a.id = l.allocation_id where a.province_code = '23' and a.status = 'APPROVED'")
            .query(BigDecimal.class)
            .single();
    assertThat(money(allocated)).isEqualTo("1,000,000.00");
    assertThat(cell("allocation", "รวม", 4)).isEqualTo("1,000,000.00");

    // every figure leads to the view behind it: Cockpit for processes, the app's pages for
    // registers
    assertThat(browser.findElement(By.cssSelector("#table-overdue td a")).getAttribute("href"))
        .contains("/camunda/app/cockpit/default/#/process-definition/");
    assertThat(
            browser.findElement(By.cssSelector("#table-restructuring td a")).getAttribute("href"))
        .contains("/camunda/app/cockpit/default/#/process-");
    assertThat(browser.findElement(By.cssSelector("#xlsx-budget")).getAttribute("href"))
        .contains("/dashboard/budget.xlsx");

    // one login: Tasklist opens as the same person, without its login form
    page("/camunda/app/tasklist/default/");
    waitUntil(d -> d.getPageSource().contains("ศิริพร"));
    assertThat(browser.findElements(By.cssSelector("input[type=password]")))
        .allMatch(e -> !e.isDisplayed());
    // its own API calls work too (the filters are listed with POST requests that carry the webapps'
    // CSRF token)
    waitUntil(
        d ->
            d.getPageSource().contains("งานของกลุ่ม") && !d.getPageSource().contains("Loading..."));
    shot("tasklist-supervisor23");
  }

  @Test
  void aDistrictOfficerIsRefusedTheDashboardAndTheBriefing() throws Exception {
    login("officer2305");
    page("/dashboard?province=23");
    assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");
    assertThat(browser.findElement(By.id("error-message")).getText()).contains("ผู้บังคับบัญชา");
    assertThat(browser.findElements(By.id("chart-overdue"))).isEmpty();
    page("/briefing?province=23");
    assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");
    shot("dashboard-officer2305-refused");
  }

  @Test
  void theDepartmentSeesTheProvincesDashboard() {
    login("department");
    page("/dashboard?province=23");
    waitUntil(ExpectedConditions.attributeToBe(By.id("chart-overdue"), "data-rendered", "true"));
    assertThat(browser.findElement(By.id("restructuring-total")).getText())
        .isEqualTo("1,605,730.42");
  }

  @Test
  void theDepartmentOpensTheRoundPageFromHomeAndDownloadsTheSpreadsheet() throws Exception {
    login("department");
    page("/home");
    browser.findElement(By.id("restructuring-rounds-link")).click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("rounds")));
    WebElement round = browser.findElement(By.cssSelector("#rounds td a"));
    String reference = round.getText();
    assertThat(reference).startsWith("RS-23-");
    round.click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("packages")));
    assertThat(browser.findElement(By.id("round-title")).getText())
        .contains("จังหวัดตราด")
        .contains(reference);
    assertThat(browser.findElement(By.id("sent-total")).getText()).isEqualTo("1,605,730.42");
    assertThat(browser.findElement(By.cssSelector("#packages tr[data-district='2304']")).getText())
        .contains("บ่อไร่")
        .contains("เลยกำหนด 5 วัน");
    shot("restructuring-round-department");
    browser.findElement(By.id("submission-download")).click();
    Path file = downloads.resolve("restructuring-" + reference + ".xlsx");
    waitUntil(d -> Files.exists(file) && file.toFile().length() > 0);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void theProvincesTaskFormInTasklistLeadsToTheRoundPage() throws Exception {
    Task submit =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskDefinitionKey(RestructuringProcess.Element.SUBMIT_TO_DEPARTMENT)
            .processInstanceBusinessKeyLike("RS-23-%")
            .list()
            .get(0);
    String reference =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(submit.getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
    login("provofficer23");
    page("/camunda/app/tasklist/default/#/?task=" + submit.getId());
    WebElement link =
        waitUntil(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".task-card a[href*='/restructuring/rounds/']")));
    assertThat(link.getAttribute("href")).endsWith("/restructuring/rounds/" + reference);
    assertThat(link.getText()).contains("ไฟล์ส่งกรม");
    shot("tasklist-round-link-provofficer23");
    browser.get(link.getAttribute("href"));
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("packages")));
    assertThat(browser.findElement(By.id("round-title")).getText()).contains(reference);
  }

  @Test
  void theDepartmentAddsANewlyAnnouncedHolidayInTheBrowser() throws Exception {
    login("department");
    int nextYear = ThaiDates.buddhistYear(EngineClock.today()) + 1;
    page("/holidays?year=" + nextYear);
    assertThat(browser.findElement(By.id("gaps")).getText())
        .contains("ปี พ.ศ. " + nextYear + " บันทึกวันหยุดราชการไว้");
    String date = "13/04/" + nextYear;
    browser.findElement(By.cssSelector("#holiday-form input[name=date]")).sendKeys(date);
    browser.findElement(By.cssSelector("#holiday-form input[name=name]")).sendKeys("วันสงกรานต์");
    browser.findElement(By.cssSelector("#holiday-form button")).click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("เพิ่มวันหยุด 13 เมษายน " + nextYear + " (วันสงกรานต์) แล้ว");
    assertThat(browser.findElement(By.id("holiday-table")).getText())
        .contains("13 เมษายน " + nextYear)
        .contains("วันสงกรานต์");
    shot("holidays-department");

    // cancelling asks first: "no" keeps the holiday, "yes" removes it
    By cancelSongkran = By.xpath("//form[contains(@data-confirm, 'วันสงกรานต์')]//button");
    browser.findElement(cancelSongkran).click();
    org.openqa.selenium.Alert ask = waitUntil(ExpectedConditions.alertIsPresent());
    assertThat(ask.getText()).startsWith("ยกเลิกวันหยุด 13 เมษายน " + nextYear + " (วันสงกรานต์)?");
    ask.dismiss();
    assertThat(browser.findElement(By.id("holiday-table")).getText()).contains("วันสงกรานต์");
    browser.findElement(cancelSongkran).click();
    waitUntil(ExpectedConditions.alertIsPresent()).accept();
    waitUntil(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("notice"), "ยกเลิกวันหยุด 13 เมษายน"));
    assertThat(
            jdbc.sql("select count(*) from public_holiday where holiday_date = ?")
                .param(java.time.LocalDate.of(nextYear - ThaiDates.BUDDHIST_ERA_OFFSET, 4, 13))
                .query(Integer.class)
                .single())
        .isZero();
  }
}
