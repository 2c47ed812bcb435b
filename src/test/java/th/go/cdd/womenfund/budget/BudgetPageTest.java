package th.go.cdd.womenfund.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * /budget over HTTP: a province officer's budget is not in the table until another province officer
 * approves it in Tasklist; meanwhile the page lists it as waiting.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BudgetPageTest {

  static final String PASSWORD = "budget-page-password";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    roles.ensureProvince(areas.province("23").orElseThrow());
    TestPeople.of(engine)
        .user("budgetmaker23")
        .password(PASSWORD)
        .member(Roles.provinceOfficers("23"));
  }

  @Test
  void aBudgetKeyedOnThePageWaitsForAnotherProvinceOfficer() throws Exception {
    int year = 2700 + (int) (System.currentTimeMillis() / 1000 % 99);
    String page = "/budget?province=23&year=" + year;
    AppSession maker = AppSession.login(port, "budgetmaker23", PASSWORD);
    HttpResponse<String> sent =
        maker.post(
            page,
            "/budget/allotment",
            Map.of(
                "province",
                "23",
                "year",
                Integer.toString(year),
                "district",
                "2306",
                "amount",
                "12,345.67"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String waiting = maker.get(page).body();
    assertThat(waiting)
        .contains("บันทึกแล้ว รอการอนุมัติ")
        .contains("id=\"waiting\"")
        .contains("งบบริหารของอำเภอเกาะกูด ปีงบประมาณ พ.ศ. " + year + ": กำหนดใหม่ 12,345.67 บาท")
        .contains("budgetmaker23");
    assertThat(budget(year)).isNull();

    String processInstanceId =
        jdbc.sql(
                "select process_instance_id from money_approval where kind = 'BUDGET'"
                    + " and district_code = '2306' and fiscal_year = ?")
            .param(year)
            .query(String.class)
            .single();
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put(MoneyApprovalProcess.Var.DECISION, "APPROVE");
    engine
        .getIdentityService()
        .setAuthentication("budgetchecker23", List.of(Roles.provinceOfficers("23")));
    try {
      engine.getTaskService().complete(task.getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(budget(year)).isEqualByComparingTo("12345.67");
    String approved = maker.get(page).body();
    // no longer waiting (other tests' entries of the province may still wait: the list is the
    // province's)
    assertThat(approved)
        .doesNotContain(
            "งบบริหารของอำเภอเกาะกูด ปีงบประมาณ พ.ศ. " + year + ": กำหนดใหม่ 12,345.67 บาท")
        .contains("12,345.67");
  }

  BigDecimal budget(int year) {
    return jdbc.sql(
            "select amount from admin_budget where district_code = '2306' and fiscal_year = ?")
        .param(year)
        .query(BigDecimal.class)
        .optional()
        .orElse(null);
  }
}
