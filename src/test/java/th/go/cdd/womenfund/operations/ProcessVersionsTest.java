package th.go.cdd.womenfund.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.Decision;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.restructuring.RestructuringRules;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * A changed model over running instances (issue 14, docs/OPERATIONS.md "New process and rule
 * versions"): a second version of loan-application (src/test/resources/versions/, versionTag
 * 2569.3, same activity ids) is deployed while first-version instances run. New instances take it;
 * a running instance left alone finishes on its version; running instances moved by a migration
 * plan (the engine's migration API) keep their tasks, deadlines and pending jobs and finish on the
 * new one. A changed DMN table applies to the next evaluation; a removed deployment brings the
 * former version back.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class ProcessVersionsTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String DISTRICT = "2305";
  static final String SUB_DISTRICT = "230507";
  static final Date NOW =
      Date.from(
          LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant());
  static final String NEW_NAME = "(แบบปรับปรุง 2569.3)";

  @Autowired ProcessEngine engine;
  @Autowired AreaRepository areas;
  @Autowired RoleAuthorizations roles;
  @Autowired RestructuringRules restructuringRules;

  Deployment v2;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    if (v2 != null) {
      engine.getRepositoryService().deleteDeployment(v2.getId(), true);
    }
  }

  ProcessInstance start() {
    engine
        .getIdentityService()
        .setAuthentication("officer" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    try {
      LocalDate today = NOW.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
      Map<String, Object> vars =
          new HashMap<>(
              DemoApplications.application(1, "กลุ่มสตรีทดสอบรุ่นกระบวนการ", SUB_DISTRICT, today));
      return engine.getRuntimeService().startProcessInstanceByKey(LoanApplicationProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  static Map<String, Object> endorsement() {
    LocalDate today = NOW.toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
    return Map.of(
        Var.ENDORSEMENT_DATE,
        ThaiDates.formatNumeric(today),
        Var.ENDORSEMENT_REFERENCE,
        "9/2569",
        Var.ENDORSEMENT_OPINION,
        "เห็นควรสนับสนุน");
  }

  static Map<String, Object> reject() {
    return Map.of(
        Var.DISTRICT_DECISION,
        Decision.REJECT.name(),
        Var.DISTRICT_DECISION_REASON,
        "ทดสอบรุ่นกระบวนการ");
  }

  ProcessDefinition latest() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(LoanApplicationProcess.KEY)
        .latestVersion()
        .singleResult();
  }

  ProcessDefinition deployV2() {
    v2 =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("loan-application 2569.3 (test)")
            .addClasspathResource("versions/loan-application.bpmn")
            .deploy();
    ProcessDefinition def = latest();
    assertThat(def.getDeploymentId()).isEqualTo(v2.getId());
    assertThat(def.getVersionTag()).isEqualTo("2569.3");
    return def;
  }

  String definitionOf(ProcessInstance pi) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  /**
   * Endorsement done, the district rejects, the rejection mail goes out: the shortest way to the
   * end.
   */
  void rejectAtDistrict(ProcessInstance pi) {
    if (BpmnAwareTests.processInstanceQuery()
            .processInstanceId(pi.getId())
            .activityIdIn(Element.SUBDISTRICT_ENDORSEMENT)
            .count()
        > 0) {
      complete(task(pi), endorsement());
    }
    complete(task(pi), reject());
    engine.getManagementService().executeJob(job(pi).getId());
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.END_REJECTED_BY_DISTRICT);
  }

  @Test
  void newInstancesTakeTheNewVersionAndRunningOnesFinishOnTheirOwn() {
    ProcessDefinition v1 = latest();
    ProcessInstance running = start();
    ProcessDefinition def2 = deployV2();

    ProcessInstance fresh = start();
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(def2.getId());
    assertThat(task(fresh).getName()).endsWith(NEW_NAME);

    assertThat(running.getProcessDefinitionId()).isEqualTo(v1.getId());
    assertThat(task(running).getName()).doesNotContain(NEW_NAME);
    rejectAtDistrict(running);
    assertThat(definitionOf(running)).as("finished on its first version").isEqualTo(v1.getId());
    rejectAtDistrict(fresh);
    assertThat(definitionOf(fresh)).isEqualTo(def2.getId());
  }

  @Test
  void runningInstancesMovedByAMigrationPlanKeepTheirTasksAndJobsAndFinishOnTheNewVersion() {
    ProcessDefinition v1 = latest();
    ProcessInstance atEndorsement = start();
    ProcessInstance atScreening = start();
    complete(task(atScreening), endorsement());
    ProcessInstance atMail = start();
    complete(task(atMail), endorsement());
    complete(task(atMail), reject());
    BpmnAwareTests.assertThat(atMail).isWaitingAt(Element.NOTIFY_DISTRICT_REJECTION);
    Task endorsementTask = task(atEndorsement);
    Task screeningTask = task(atScreening);
    String mailJob = job(atMail).getId();
    ProcessDefinition def2 = deployV2();

    MigrationPlan plan =
        engine
            .getRuntimeService()
            .createMigrationPlan(v1.getId(), def2.getId())
            .mapEqualActivities()
            .updateEventTriggers()
            .build();
    engine
        .getRuntimeService()
        .newMigration(plan)
        .processInstanceIds(atEndorsement.getId(), atScreening.getId(), atMail.getId())
        .execute();

    for (ProcessInstance pi : List.of(atEndorsement, atScreening, atMail)) {
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(def2.getId());
    }
    // the same tasks (ids, candidates, due dates), the same pending mail job
    Task moved = task(atEndorsement);
    assertThat(moved.getId()).isEqualTo(endorsementTask.getId());
    assertThat(moved.getDueDate()).isEqualTo(endorsementTask.getDueDate());
    assertThat(moved.getProcessDefinitionId()).isEqualTo(def2.getId());
    BpmnAwareTests.assertThat(moved).hasCandidateGroup(Roles.districtOfficers(DISTRICT));
    assertThat(task(atScreening).getId()).isEqualTo(screeningTask.getId());
    assertThat(job(atMail).getId()).isEqualTo(mailJob);

    rejectAtDistrict(atEndorsement);
    rejectAtDistrict(atScreening);
    engine.getManagementService().executeJob(mailJob);
    BpmnAwareTests.assertThat(atMail).isEnded().hasPassed(Element.END_REJECTED_BY_DISTRICT);
    for (ProcessInstance pi : List.of(atEndorsement, atScreening, atMail)) {
      assertThat(definitionOf(pi)).as("finished on the new version").isEqualTo(def2.getId());
    }
    for (ProcessInstance pi : List.of(atEndorsement, atScreening, atMail)) {
      String applicationNo =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(pi.getId())
              .singleResult()
              .getBusinessKey();
      assertThat(
              Arrays.stream(smtp.getReceivedMessages())
                  .filter(m -> subject(m).contains(applicationNo)))
          .as("the rejection mail of %s", applicationNo)
          .isNotEmpty();
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRemovedVersionHandsNewInstancesBackToTheFormerOne() {
    ProcessDefinition v1 = latest();
    deployV2();
    engine.getRepositoryService().deleteDeployment(v2.getId(), true);
    v2 = null;
    assertThat(latest().getId()).isEqualTo(v1.getId());
    ProcessInstance pi = start();
    assertThat(pi.getProcessDefinitionId()).isEqualTo(v1.getId());
    rejectAtDistrict(pi);
  }

  @Test
  void aChangedDecisionTableAppliesToTheNextEvaluation() {
    String v1 =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(RestructuringProcess.ELIGIBILITY_DECISION)
            .latestVersion()
            .singleResult()
            .getId();
    assertThat(restructuringRules.evaluate(30, "DISBURSED", 2572).eligible()).isFalse();

    v2 =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("restructuring-eligibility 2569.2 (test)")
            .addClasspathResource("versions/restructuring-eligibility.dmn")
            .deploy();
    assertThat(restructuringRules.evaluate(30, "DISBURSED", 2572).eligible())
        .as("the next evaluation")
        .isTrue();
    // an evaluation pinned to the former version (e.g. by id, as a process with
    // decisionRefBinding="version" does)
    assertThat(
            engine
                .getDecisionService()
                .evaluateDecisionTableById(
                    v1,
                    Variables.createVariables()
                        .putValue("loanStatus", "DISBURSED")
                        .putValue("daysOverdue", 30)
                        .putValue("contractYearBE", 2572))
                .getSingleResult()
                .<Boolean>getEntry("eligible"))
        .isFalse();
  }
}
