package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.Decision;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Issue 11's attacks, replayed over real HTTP with the documented REST API ({@code /engine-rest},
 * HTTP Basic), each as a person with only her own login: injected variables, re-routing, another
 * district's loan, closed engine commands, one person taking an application end to end. Each must
 * be refused in Thai with nothing changed. Chanthaburi (22) keeps these instances apart from the
 * other tests' Trat data.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class IntegrityAttackTest {

  static final String PASSWORD = "attack-test-password";
  static final String ADMIN_PASSWORD = "test-only-admin-password";
  static final String DISTRICT = "2201";
  static final String OTHER_DISTRICT = "2202";
  static final String PROVINCE = "22";
  static final String SUB_DISTRICT = "220101";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;
  @Autowired DutyLedger duties;
  @Autowired LoginThrottle throttle;

  static int applications = 300;

  @BeforeEach
  void people() {
    // another test class may have left the administrator or this address waiting after wrong
    // passwords
    throttle.liftAll();
    engine.getIdentityService().unlockUser("admin");
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district(OTHER_DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    user("keyer2201", Roles.districtOfficers(DISTRICT));
    user("clerk2201", Roles.districtOfficers(DISTRICT));
    user("screener2201", Roles.districtCommittee(DISTRICT));
    user("both2201", Roles.districtOfficers(DISTRICT), Roles.districtCommittee(DISTRICT));
    user("approver22", Roles.provinceCommittee(PROVINCE));
    user("payer22", Roles.provinceOfficers(PROVINCE));
    user("keyer2202", Roles.districtOfficers(OTHER_DISTRICT));
  }

  void user(String id, String... groups) {
    TestPeople.of(engine).user(id).password(PASSWORD).email(id + "@example.org").member(groups);
  }

  // ---- the attacks ----

  @Test
  void aRoutingVariableInjectedOnTheEndorsementIsRefusedAndNothingChanges(CapturedOutput output)
      throws Exception {
    String pid = startApplication("keyer2201");
    Task endorsement = task(pid);
    List<String> groupsBefore = candidateGroups(endorsement.getId());
    int mark = output.getAll().length();

    Map<String, Object> attack = new HashMap<>(endorsement());
    attack.put(Var.DISTRICT_CODE, "2201-officers,district-2201");
    ResponseEntity<String> r =
        post("keyer2201", "/engine-rest/task/" + endorsement.getId() + "/complete", attack);

    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody())
        .contains("ไม่รับ")
        .contains(Var.DISTRICT_CODE)
        .doesNotContain("Cannot complete")
        .doesNotContain("Exception:");
    assertThat(task(pid).getId()).isEqualTo(endorsement.getId());
    assertThat(engine.getRuntimeService().getVariable(pid, Var.DISTRICT_CODE)).isEqualTo(DISTRICT);
    assertThat(output.getAll().substring(mark))
        .doesNotContain("\tat ")
        .doesNotContain("RefusedInputException");

    // the same through the form submission Tasklist uses
    ResponseEntity<String> form =
        post("keyer2201", "/engine-rest/task/" + endorsement.getId() + "/submit-form", attack);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(form.getBody()).contains(Var.DISTRICT_CODE);

    // done properly, the screening goes to the district's committee only
    assertThat(
            post(
                    "keyer2201",
                    "/engine-rest/task/" + endorsement.getId() + "/complete",
                    endorsement())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(candidateGroups(task(pid).getId()))
        .containsExactly(Roles.districtCommittee(DISTRICT));
    assertThat(groupsBefore).containsExactly(Roles.districtOfficers(DISTRICT));
  }

  @Test
  void anotherDistrictsLoanCannotBeReachedThroughAnInjectedLoanId() throws Exception {
    String victim = startApplication("keyer2202", OTHER_DISTRICT, "220201");
    long victimLoan = loanOf(victim);
    String own = startApplication("keyer2201");
    post("keyer2201", "/engine-rest/task/" + task(own).getId() + "/complete", endorsement());
    String screening = task(own).getId();

    Map<String, Object> attack =
        new HashMap<>(
            Map.of(
                Var.DISTRICT_DECISION,
                Decision.REJECT.name(),
                Var.DISTRICT_DECISION_REASON,
                "ไม่ผ่าน",
                Var.LOAN_ID,
                victimLoan));
    ResponseEntity<String> r =
        post("screener2201", "/engine-rest/task/" + screening + "/complete", attack);

    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains(Var.LOAN_ID);
    assertThat(status(victimLoan)).isEqualTo("REGISTERED");
    assertThat(status(loanOf(own))).isEqualTo("REGISTERED");
    assertThat(task(own).getId()).isEqualTo(screening);
  }

  @Test
  void noOnePersonTakesAnApplicationEndToEndEvenAnAdministrator() throws Exception {
    // a person in both the officers' and the committee's group keys, then tries to screen her own
    // application
    String pid = startApplication("both2201");
    assertThat(
            post("both2201", "/engine-rest/task/" + task(pid).getId() + "/complete", endorsement())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> self =
        post(
            "both2201",
            "/engine-rest/task/" + task(pid).getId() + "/complete",
            Map.of(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, "ดี"));
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(self.getBody()).contains("แบ่งแยกหน้าที่");
    assertThat(task(pid).getTaskDefinitionKey())
        .isEqualTo(LoanApplicationProcess.Element.DISTRICT_SCREENING);

    // the administrator, who may do anything in Camunda, is held to the same rule
    String admins = startApplication("admin", ADMIN_PASSWORD, DISTRICT, SUB_DISTRICT);
    assertThat(
            post(
                    "admin",
                    ADMIN_PASSWORD,
                    "/engine-rest/task/" + task(admins).getId() + "/complete",
                    endorsement())
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> adminScreens =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/engine-rest/task/" + task(admins).getId() + "/complete",
            Map.of(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, "ดี"));
    assertThat(adminScreens.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(adminScreens.getBody()).contains("แบ่งแยกหน้าที่");
  }

  @Test
  void aDifferentPersonAtEachStepTakesTheApplicationToDisbursed() throws Exception {
    String pid = startApplication("keyer2201");
    complete("keyer2201", pid, endorsement());
    complete(
        "screener2201",
        pid,
        Map.of(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, "ดี"));
    complete(
        "approver22",
        pid,
        Map.of(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, ""));
    String today = ThaiDates.formatNumeric(EngineClock.today());
    // the officer who keyed it may not record its contract
    ResponseEntity<String> keyerContracts =
        post(
            "keyer2201",
            "/engine-rest/task/" + task(pid).getId() + "/complete",
            Map.of(Var.CONTRACT_NO, "สญ.2201/1", Var.CONTRACT_DATE, today));
    assertThat(keyerContracts.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(keyerContracts.getBody()).contains("แบ่งแยกหน้าที่");
    complete(
        "clerk2201",
        pid,
        Map.of(Var.CONTRACT_NO, "สญ.2201/" + applications, Var.CONTRACT_DATE, today));
    complete(
        "payer22",
        pid,
        Map.of(Var.TRANSFER_DATE, today, Var.TRANSFER_REFERENCE, "KTB-" + applications));

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid).count())
        .isZero(); // mail job left
    assertThat(status(loanOf(pid))).isEqualTo("DISBURSED");
    assertThat(duties.actors(pid))
        .containsExactly(
            "keyer2201", "keyer2201", "screener2201", "approver22", "clerk2201", "payer22");
  }

  @Test
  void variablesModificationMessagesSignalsAndTaskPeopleAreClosedToOfficers() throws Exception {
    String pid = startApplication("keyer2201");
    Task t = task(pid);
    List<ResponseEntity<String>> attempts = new ArrayList<>();
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.PUT,
            "/engine-rest/process-instance/" + pid + "/variables/districtCode",
            Map.of("value", OTHER_DISTRICT, "type", "String")));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.POST,
            "/engine-rest/process-instance/" + pid + "/variables",
            Map.of("modifications", Map.of("loanId", Map.of("value", 1, "type", "Long")))));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.PUT,
            "/engine-rest/task/" + t.getId() + "/variables/loanId",
            Map.of("value", 1, "type", "Long")));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.POST,
            "/engine-rest/process-instance/" + pid + "/modification",
            Map.of(
                "instructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        LoanApplicationProcess.Element.RECORD_TRANSFER)))));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.POST,
            "/engine-rest/message",
            Map.of("messageName", "arrears-cleared", "all", true)));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.POST,
            "/engine-rest/signal",
            Map.of("name", "anything")));
    attempts.add(
        send(
            "keyer2201",
            PASSWORD,
            HttpMethod.POST,
            "/engine-rest/task/" + t.getId() + "/identity-links",
            Map.of("groupId", Roles.districtOfficers(OTHER_DISTRICT), "type", "candidate")));
    for (ResponseEntity<String> r : attempts) {
      assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(400, 403);
      assertThat(r.getBody()).doesNotContain("\tat ");
    }
    assertThat(engine.getRuntimeService().getVariable(pid, Var.DISTRICT_CODE)).isEqualTo(DISTRICT);
    assertThat(candidateGroups(t.getId())).containsExactly(Roles.districtOfficers(DISTRICT));
    assertThat(task(pid).getTaskDefinitionKey())
        .isEqualTo(LoanApplicationProcess.Element.SUBDISTRICT_ENDORSEMENT);
    assertThat(
            engine
                .getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(pid)
                .activityId(LoanApplicationProcess.Element.RECORD_TRANSFER)
                .count())
        .isZero();
  }

  /**
   * Issue 17: a free-standing task (outside every process, so outside every rule) is refused to the
   * fund's roles.
   */
  @Test
  void aFreeStandingTaskCannotBeCreatedByTheFundsRoles() throws Exception {
    String name = "งานแทรกโดยไม่ผ่านกระบวนการ " + System.nanoTime();
    for (String user : List.of("keyer2201", "screener2201", "approver22", "payer22")) {
      ResponseEntity<String> r =
          send(
              user,
              PASSWORD,
              HttpMethod.POST,
              "/engine-rest/task/create",
              Map.of("name", name, "candidateGroup", Roles.districtOfficers(DISTRICT)));
      assertThat(r.getStatusCode().value()).as(user + ": " + r.getBody()).isEqualTo(403);
      assertThat(r.getBody()).doesNotContain("\tat ");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskName(name).count()).isZero();
  }

  /**
   * Every user task of every deployed process, and every start form: an undeclared variable is
   * refused.
   */
  @Test
  void everyUserTaskAndStartFormOfEveryProcessRefusesUndeclaredVariables() throws Exception {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition pd :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      var model = engine.getRepositoryService().getBpmnModelInstance(pd.getId());
      for (UserTask ut : model.getModelElementsByType(UserTask.class)) {
        // an administrator starts the instance at the task (no registration: the task goes to
        // administrators)
        String pid =
            engine
                .getRuntimeService()
                .createProcessInstanceById(pd.getId())
                .startBeforeActivity(ut.getId())
                .setVariable("submissionDue", new Date(System.currentTimeMillis() + 86_400_000L))
                .execute()
                .getId();
        Task t =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey(ut.getId())
                .singleResult();
        assertThat(candidateGroups(t.getId()))
            .as("unregistered instance: administrators only")
            .containsOnly(Roles.ADMIN);
        for (String path : List.of("/complete", "/submit-form")) {
          ResponseEntity<String> r =
              post(
                  "admin",
                  ADMIN_PASSWORD,
                  "/engine-rest/task/" + t.getId() + path,
                  Map.of("districtCode", OTHER_DISTRICT, "loanId", 1L));
          assertThat(r.getStatusCode())
              .as(pd.getKey() + " " + ut.getId() + path)
              .isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(r.getBody()).contains("ไม่รับ");
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(t.getId()).count()).isOne();
        assertThat(engine.getRuntimeService().getVariable(pid, "loanId")).isNull();
        engine.getRuntimeService().deleteProcessInstance(pid, "test");
        checked.add(pd.getKey() + "/" + ut.getId());
      }
      for (StartEvent se : model.getModelElementsByType(StartEvent.class)) {
        if (se.getCamundaFormRef() == null) {
          continue;
        }
        long before =
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionId(pd.getId())
                .count();
        ResponseEntity<String> r =
            post(
                "admin",
                ADMIN_PASSWORD,
                "/engine-rest/process-definition/" + pd.getId() + "/submit-form",
                Map.of("districtCode", OTHER_DISTRICT, "loanId", 1L));
        assertThat(r.getStatusCode()).as(pd.getKey() + " start").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("ไม่รับ");
        assertThat(
                engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionId(pd.getId())
                    .count())
            .isEqualTo(before);
        checked.add(pd.getKey() + "/" + se.getId());
      }
    }
    assertThat(checked)
        .hasSizeGreaterThanOrEqualTo(23)
        .contains(
            "loan-application/user_task_district_screening",
            "death-claim/user_task_review_claim",
            "overdue-follow-up/user_task_province_escalation",
            "restructuring-package/user_task_record_receipt",
            "subsidy-allocation/user_task_subcommittee_approval",
            "record-repayment/start_event_payment_keyed");
  }

  @Test
  void aRefusedStartFormIsA400WithTheThaiReasonAloneAndNoStackTraceInTheLog(CapturedOutput output)
      throws Exception {
    Map<String, Object> bad =
        new HashMap<>(
            DemoApplications.application(
                applications++, "กลุ่มทดสอบ", SUB_DISTRICT, EngineClock.today()));
    bad.put(Var.REQUESTED_AMOUNT, "-5");
    int mark = output.getAll().length();
    ResponseEntity<String> r =
        post(
            "keyer2201",
            "/engine-rest/process-definition/key/" + LoanApplicationProcess.KEY + "/submit-form",
            bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(r.getBody()).get("message").asText())
        .startsWith("วงเงินขอกู้")
        .doesNotContain("Cannot instantiate");
    assertThat(output.getAll().substring(mark)).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void anotherDistrictsInstanceAnswers403InThaiNamingNothing() throws Exception {
    String pid = startApplication("keyer2201");
    ResponseEntity<String> r =
        rest.withBasicAuth("keyer2202", PASSWORD)
            .getForEntity("/engine-rest/process-instance/" + pid + "/variables", String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(JSON.readTree(r.getBody()).get("message").asText())
        .startsWith("ท่านไม่มีสิทธิ์")
        .doesNotContain(pid)
        .doesNotContain("permission");
  }

  // ---- helpers ----

  String startApplication(String user) throws Exception {
    return startApplication(user, PASSWORD, DISTRICT, SUB_DISTRICT);
  }

  String startApplication(String user, String district, String subDistrict) throws Exception {
    return startApplication(user, PASSWORD, district, subDistrict);
  }

  String startApplication(String user, String password, String district, String subDistrict)
      throws Exception {
    Map<String, Object> vars =
        DemoApplications.application(
            applications++, "กลุ่มทดสอบการโจมตี " + applications, subDistrict, EngineClock.today());
    ResponseEntity<String> r =
        post(
            user,
            password,
            "/engine-rest/process-definition/key/" + LoanApplicationProcess.KEY + "/submit-form",
            vars);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(r.getBody()).get("id").asText();
  }

  Map<String, Object> endorsement() {
    // the meeting is not before the application (dates in order, issue 13)
    return Map.of(
        Var.ENDORSEMENT_DATE,
        ThaiDates.formatNumeric(EngineClock.today()),
        Var.ENDORSEMENT_REFERENCE,
        "3/2569",
        Var.ENDORSEMENT_OPINION,
        "รับรอง");
  }

  void complete(String user, String pid, Map<String, Object> vars) throws Exception {
    ResponseEntity<String> r =
        post(user, "/engine-rest/task/" + task(pid).getId() + "/complete", vars);
    assertThat(r.getStatusCode()).as(user + ": " + r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  Task task(String pid) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
  }

  List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  long loanOf(String pid) {
    return jdbc.sql("select id from loan_project where process_instance_id = ?")
        .param(pid)
        .query(Long.class)
        .single();
  }

  String status(long loanId) {
    return jdbc.sql("select status from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  ResponseEntity<String> post(String user, String path, Map<String, Object> variables)
      throws Exception {
    return post(user, PASSWORD, path, variables);
  }

  ResponseEntity<String> post(
      String user, String password, String path, Map<String, Object> variables) throws Exception {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach(
        (k, v) ->
            typed.put(
                k,
                Map.of(
                    "value",
                    v,
                    "type",
                    v instanceof Boolean
                        ? "Boolean"
                        : v instanceof Long || v instanceof Integer ? "Long" : "String")));
    return send(user, password, HttpMethod.POST, path, Map.of("variables", typed));
  }

  ResponseEntity<String> send(
      String user, String password, HttpMethod method, String path, Object body) throws Exception {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(JSON.writeValueAsString(body), h), String.class);
  }
}
