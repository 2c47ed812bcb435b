package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Issue 11, scope: what an officer or a supervisor of another area can learn of Trat's district
 * 2305 through the engine's queries (decision history, statistics) and the app's refusals.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AreaScopeTest {

  static final String PASSWORD = "scope-test-password";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    roles.ensureProvince(areas.province("20").orElseThrow());
    roles.ensureDepartment();
    user("scope2301", Roles.districtOfficers("2301"));
    user("scopesup20", Roles.provinceSupervisors("20"));
    user("scopesup23", Roles.provinceSupervisors("23"));
    user("scopedept", Roles.DEPARTMENT);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).member(group);
  }

  JsonNode get(String who, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(who, PASSWORD).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  @Test
  void aSupervisorOfAnotherProvinceSeesNoneOfTratsDecisionInstances() throws Exception {
    // a debtor of Trat checked against the restructuring table: inputs are her days overdue and
    // loan status
    engine
        .getDecisionService()
        .evaluateDecisionTableByKey(
            RestructuringProcess.ELIGIBILITY_DECISION,
            Variables.createVariables()
                .putValue("daysOverdue", 41)
                .putValue("loanStatus", "DISBURSED")
                .putValue("contractYearBE", 2568));
    assertThat(get("scopesup20", "/engine-rest/history/decision-instance?includeInputs=true"))
        .isEmpty();
    assertThat(
            get("scopesup20", "/engine-rest/history/decision-instance/count").get("count").asLong())
        .isZero();
    assertThat(
            get(
                "scopesup20",
                "/engine-rest/history/decision-definition/cleanable-decision-instance-report"))
        .isEmpty();
    assertThat(get("scope2301", "/engine-rest/history/decision-instance?includeInputs=true"))
        .isEmpty();
    // the tables themselves stay readable in Cockpit; the Department keeps the history
    assertThat(
            get(
                "scopesup20",
                "/engine-rest/decision-definition?key="
                    + RestructuringProcess.ELIGIBILITY_DECISION))
        .isNotEmpty();
    assertThat(
            get("scopedept", "/engine-rest/history/decision-instance/count").get("count").asLong())
        .isPositive();
  }

  long instancesOfLoanApplications(JsonNode statistics) {
    long sum = 0;
    for (JsonNode n : statistics) {
      String key = n.has("key") ? n.get("key").asText() : n.get("definition").get("key").asText();
      if (key.equals(LoanApplicationProcess.KEY)) {
        sum += n.get("instances").asLong();
      }
    }
    return sum;
  }

  long readableBy(String userId, List<String> groups) {
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      return engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processDefinitionKey(LoanApplicationProcess.KEY)
          .count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void processStatisticsCountOnlyTheInstancesOfOnesOwnArea() throws Exception {
    engine
        .getIdentityService()
        .setAuthentication("scope-starter", List.of(Roles.districtOfficers("2305")));
    var started =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(7, "กลุ่มทดสอบสถิติ", "230507", EngineClock.today()));
    engine.getIdentityService().clearAuthentication();
    String pid = started.getId();
    String definition = started.getProcessDefinitionId();
    String task =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).list().get(0).getId();
    // what the engine scopes per instance already (probed for issue 11): nothing of 2305's instance
    // elsewhere
    for (String who : List.of("scope2301", "scopesup20")) {
      for (String path :
          List.of(
              "/history/process-definition/" + definition + "/statistics",
              "/incident?processInstanceId=" + pid,
              "/job?processInstanceId=" + pid,
              "/external-task?processInstanceId=" + pid,
              "/execution?processInstanceId=" + pid,
              "/variable-instance?processInstanceIdIn=" + pid,
              "/history/activity-instance?processInstanceId=" + pid,
              "/history/variable-instance?processInstanceId=" + pid,
              "/history/detail?processInstanceId=" + pid,
              "/history/identity-link-log?taskId=" + task,
              "/history/user-operation?processInstanceId=" + pid)) {
        assertThat(get(who, "/engine-rest" + path)).as(who + " " + path).isEmpty();
      }
      // the diagram's counts leave 2305's instance out (other tests may have left some of her own
      // area in)
      String activities =
          "/engine-rest/process-definition/"
              + definition
              + "/statistics?incidents=true&failedJobs=true";
      long everyone = 0;
      for (JsonNode n : get("scopedept", activities)) {
        everyone += n.get("instances").asLong();
      }
      long hers = 0;
      for (JsonNode n : get(who, activities)) {
        hers += n.get("instances").asLong();
      }
      assertThat(hers).as(who + " " + activities).isLessThan(everyone);
      for (String path :
          List.of(
              "/history/process-instance/report?reportType=duration&periodUnit=month",
              "/history/task/report?reportType=count&groupBy=processDefinition")) {
        assertThat(
                rest.withBasicAuth(who, PASSWORD)
                    .getForEntity("/engine-rest" + path, String.class)
                    .getStatusCode())
            .as(who + " " + path)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    long all =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(LoanApplicationProcess.KEY)
            .count();
    long trat = readableBy("scopesup23", List.of(Roles.provinceSupervisors("23")));
    long muang = readableBy("scope2301", List.of(Roles.districtOfficers("2301")));
    // other tests may have started applications in Chonburi (20): what its supervisor may read,
    // none of Trat's
    long chonburi = readableBy("scopesup20", List.of(Roles.provinceSupervisors("20")));
    assertThat(trat).isPositive();
    assertThat(muang).isLessThan(all);
    assertThat(chonburi).isLessThanOrEqualTo(all - trat);

    String engineList = "/engine-rest/process-definition/statistics?rootIncidents=true";
    assertThat(instancesOfLoanApplications(get("scopesup20", engineList))).isEqualTo(chonburi);
    assertThat(instancesOfLoanApplications(get("scope2301", engineList))).isEqualTo(muang);
    assertThat(instancesOfLoanApplications(get("scopesup23", engineList))).isEqualTo(trat);
    assertThat(instancesOfLoanApplications(get("scopedept", engineList))).isEqualTo(all);

    // Cockpit: its dashboard list and the webapps' copy of the engine's, for a supervisor of Trat
    // and of Chonburi
    for (String who : List.of("scopesup20", "scopesup23")) {
      AppSession cockpit = AppSession.login(port, who, PASSWORD);
      long expected = who.equals("scopesup23") ? trat : chonburi;
      var plugin =
          cockpit.send(
              "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
              b -> b.GET());
      assertThat(plugin.statusCode()).isEqualTo(200);
      assertThat(instancesOfLoanApplications(json.readTree(plugin.body())))
          .as(who)
          .isEqualTo(expected);
      var webappEngine =
          cockpit.send(
              "/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true",
              b -> b.GET());
      assertThat(webappEngine.statusCode()).isEqualTo(200);
      assertThat(instancesOfLoanApplications(json.readTree(webappEngine.body())))
          .as(who)
          .isEqualTo(expected);
    }
  }

  @Test
  void aRefusalOfAnotherAreasLoanNamesNothingOfIt() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    long loanId = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มทดสอบขอบเขต");
    String contract = RepaymentFixtures.contractNo(jdbc, loanId);
    String application = RepaymentFixtures.applicationNo(jdbc, loanId);

    ResponseEntity<String> foreign =
        rest.withBasicAuth("scope2301", PASSWORD)
            .getForEntity("/api/loans/" + loanId + "/balance", String.class);
    ResponseEntity<String> missing =
        rest.withBasicAuth("scope2301", PASSWORD)
            .getForEntity("/api/loans/987654321/balance", String.class);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(foreign.getBody())
        .doesNotContain(contract)
        .doesNotContain(application)
        .doesNotContain("แหลมงอบ")
        .doesNotContain("กลุ่มทดสอบขอบเขต")
        .contains("ไม่มีสิทธิ์");
    // the same answer whether the loan exists elsewhere or not at all
    assertThat(foreign.getBody().replace(String.valueOf(loanId), "ID"))
        .isEqualTo(missing.getBody().replace("987654321", "ID"));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> payment =
        rest.withBasicAuth("scope2301", PASSWORD)
            .postForEntity(
                "/api/loans/" + loanId + "/payments",
                new HttpEntity<>(
                    "{\"paidOn\":\"10/03/2569\",\"amount\":\"100\",\"reference\":\"SCOPE-1\"}",
                    headers),
                String.class);
    assertThat(payment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(payment.getBody())
        .doesNotContain(contract)
        .doesNotContain(application)
        .doesNotContain("แหลมงอบ");
  }
}
