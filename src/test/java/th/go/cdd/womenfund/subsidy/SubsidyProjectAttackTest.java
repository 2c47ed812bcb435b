package th.go.cdd.womenfund.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.membership.MembershipRepository;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess.Var;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Attacks on subsidy-project over the documented REST API, each as a person with her own login:
 * another district's officer starts a project for an organisation not hers, completes a step of the
 * project, or a step is sent variables its form does not declare. Each is refused (400/403 in Thai)
 * and nothing changes. District 2602 (ปากพลี, นครนายก) against 2603 (บ้านนา), used by no other
 * test.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubsidyProjectAttackTest {

  static final String PASSWORD = "subsidy-attack-password";
  static final String DISTRICT = "2602";
  static final String OTHER_DISTRICT = "2603";
  static final String SUB_DISTRICT = "260201";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired MembershipRepository memberships;
  @Autowired LoginThrottle throttle;

  String organisation;

  @BeforeEach
  void people() {
    throttle.liftAll();
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district(OTHER_DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province("26").orElseThrow());
    user("spakeyer2602", Roles.districtOfficers(DISTRICT));
    user("spascreener2602", Roles.districtCommittee(DISTRICT));
    user("spakeyer2603", Roles.districtOfficers(OTHER_DISTRICT));
    user("spascreener2603", Roles.districtCommittee(OTHER_DISTRICT));
    organisation = TestPeople.unique("กลุ่มสตรีจักสานทดสอบ ");
    memberships.insertOrganisation(
        organisation,
        organisation.toLowerCase(Locale.ROOT).replace(" ", ""),
        SUB_DISTRICT,
        DISTRICT,
        "26",
        "นางทดสอบ",
        null,
        20,
        EngineClock.today().minusYears(1),
        ThaiFiscalYear.of(EngineClock.today()).buddhistYear() - 1,
        "test");
  }

  void user(String id, String... groups) {
    TestPeople.of(engine).user(id).password(PASSWORD).member(groups);
  }

  Map<String, Object> project() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.ORGANISATION_NAME, organisation);
    vars.put(Var.SUB_DISTRICT_CODE, SUB_DISTRICT);
    vars.put(Var.PROJECT_NAME, "โครงการจักสานเพื่อการค้า");
    vars.put(Var.OBJECTIVE, "เพิ่มรายได้");
    vars.put(Var.PERIOD_FROM, ThaiDates.formatNumeric(EngineClock.today().plusDays(10)));
    vars.put(Var.PERIOD_TO, ThaiDates.formatNumeric(EngineClock.today().plusMonths(6)));
    vars.put(Var.BUDGET_LINES, "ค่าวัสดุ, 12,000.00");
    return vars;
  }

  String start(String user) throws Exception {
    ResponseEntity<String> r =
        post(
            user,
            "/engine-rest/process-definition/key/" + SubsidyProjectProcess.KEY + "/submit-form",
            project());
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(r.getBody()).get("id").asText();
  }

  Task task(String pid) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
  }

  Map<String, Object> endorsement() {
    return Map.of(
        Var.ENDORSEMENT_DATE,
        ThaiDates.formatNumeric(EngineClock.today()),
        Var.ENDORSEMENT_REFERENCE,
        "1/2570");
  }

  @Test
  void anotherDistrictsOfficerCannotProposeForAnOrganisationNotHers() throws Exception {
    long before =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(SubsidyProjectProcess.KEY)
            .count();
    ResponseEntity<String> r =
        post(
            "spakeyer2603",
            "/engine-rest/process-definition/key/" + SubsidyProjectProcess.KEY + "/submit-form",
            project());
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(r.getBody()).get("message").asText())
        .contains("เฉพาะขององค์กรในอำเภอของท่าน");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(SubsidyProjectProcess.KEY)
                .count())
        .isEqualTo(before);
  }

  @Test
  void anotherDistrictsOfficerAndCommitteeCannotCompleteItsSteps() throws Exception {
    String pid = start("spakeyer2602");
    Task endorsement = task(pid);
    ResponseEntity<String> r =
        post(
            "spakeyer2603",
            "/engine-rest/task/" + endorsement.getId() + "/complete",
            endorsement());
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(JSON.readTree(r.getBody()).get("message").asText()).startsWith("ท่านไม่มีสิทธิ์");
    assertThat(task(pid).getId()).isEqualTo(endorsement.getId());

    assertThat(
            post(
                    "spakeyer2602",
                    "/engine-rest/task/" + endorsement.getId() + "/complete",
                    endorsement())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task screening = task(pid);
    assertThat(
            post(
                    "spascreener2603",
                    "/engine-rest/task/" + screening.getId() + "/complete",
                    Map.of(Var.DISTRICT_DECISION, "REJECT", Var.DISTRICT_DECISION_REASON, "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(pid).getId()).isEqualTo(screening.getId());
  }

  @Test
  void variablesOutsideTheFormAreRefusedAndNothingChanges() throws Exception {
    String pid = start("spakeyer2602");
    Task endorsement = task(pid);
    Map<String, Object> injected = new HashMap<>(endorsement());
    injected.put("districtCode", OTHER_DISTRICT);
    injected.put(Var.PROVINCE_DECISION, "APPROVE");
    ResponseEntity<String> r =
        post("spakeyer2602", "/engine-rest/task/" + endorsement.getId() + "/complete", injected);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains("ไม่รับ");
    assertThat(task(pid).getId()).isEqualTo(endorsement.getId());
    assertThat(engine.getRuntimeService().getVariable(pid, Var.PROVINCE_DECISION)).isNull();

    // the screening cannot set the transfer amount, nor the province's decision, along with its own
    assertThat(
            post(
                    "spakeyer2602",
                    "/engine-rest/task/" + endorsement.getId() + "/complete",
                    endorsement())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task screening = task(pid);
    ResponseEntity<String> s =
        post(
            "spascreener2602",
            "/engine-rest/task/" + screening.getId() + "/complete",
            Map.of(
                Var.DISTRICT_DECISION,
                "APPROVE",
                Var.PROVINCE_DECISION,
                "APPROVE",
                Var.TRANSFER_AMOUNT,
                "1"));
    assertThat(s.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(task(pid).getId()).isEqualTo(screening.getId());
    assertThat(candidateGroups(screening.getId()))
        .containsExactly(Roles.districtCommittee(DISTRICT));
  }

  List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId())
        .toList();
  }

  ResponseEntity<String> post(String user, String path, Map<String, Object> variables)
      throws Exception {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD)
        .exchange(
            path,
            HttpMethod.POST,
            new HttpEntity<>(JSON.writeValueAsString(Map.of("variables", typed)), h),
            String.class);
  }
}
