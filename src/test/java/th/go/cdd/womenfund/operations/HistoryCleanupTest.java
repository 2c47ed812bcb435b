package th.go.cdd.womenfund.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.HistoryCleanupWindow;
import th.go.cdd.womenfund.system.RetentionSettings;

/**
 * The engine's history cleanup (issue 14): removal-time based, in the night window of {@code
 * womenfund.retention.history-cleanup}; a finished instance past its {@code historyTimeToLive}
 * disappears from every ACT_HI_* table together with the personal data its variables held.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class HistoryCleanupTest {

  static final String KEY = "history-cleanup-probe";
  static final String PERSONAL = "ข้อมูลส่วนบุคคลทดสอบ-" + System.nanoTime();

  @Autowired ProcessEngine engine;
  @Autowired RetentionSettings settings;
  @Autowired HistoryCleanupWindow window;
  @Autowired JdbcClient jdbc;

  Deployment deployment;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theCleanupRunsRemovalTimeBasedInTheNightWindowInBangkokTime() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(settings.historyCleanup().start()).isEqualTo(LocalTime.of(1, 0));
    assertThat(config.getHistoryCleanupBatchWindowStartTime())
        .isEqualTo(window.inJvmZone(LocalTime.of(1, 0)));
    assertThat(config.getHistoryCleanupBatchWindowEndTime())
        .isEqualTo(window.inJvmZone(LocalTime.of(4, 0)));
    assertThat(engine.getHistoryService().findHistoryCleanupJobs())
        .as("scheduled at start-up")
        .isNotEmpty();
  }

  @Test
  void aFinishedInstancePastItsTimeToLiveLeavesNoHistoryAndNoPersonalData() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("review")
            .name("ตรวจ")
            .endEvent()
            .done();
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(KEY + ".bpmn", model)
            .deploy();
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(KEY);
    engine.getRuntimeService().setVariables(pi.getId(), Map.of("applicantName", PERSONAL));
    String task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getId();
    engine.getTaskService().createComment(task, pi.getId(), "หมายเหตุของ " + PERSONAL);
    engine.getTaskService().complete(task);

    HistoryService history = engine.getHistoryService();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getRemovalTime())
        .as("removal time = end + historyTimeToLive")
        .isNotNull();
    assertThat(historyRows(pi.getId())).isPositive();

    // one day later nothing is due yet; two days later it is
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * 24 * 3600 * 1000L));
    Job cleanup = history.cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
    assertThat(historyRows(pi.getId())).as("rows of the instance left in ACT_HI_*").isZero();
    assertThat(
            jdbc.sql("select count(*) from act_hi_varinst where text_ like ?")
                .param("%" + PERSONAL + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from act_hi_comment where message_ like ?")
                .param("%" + PERSONAL + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  long historyRows(String processInstanceId) {
    long rows = 0;
    for (String table :
        new String[] {
          "act_hi_procinst",
          "act_hi_actinst",
          "act_hi_taskinst",
          "act_hi_varinst",
          "act_hi_detail",
          "act_hi_identitylink",
          "act_hi_comment"
        }) {
      rows +=
          jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ = ?")
              .param(processInstanceId)
              .query(Long.class)
              .single();
    }
    return rows;
  }
}
