package th.go.cdd.womenfund.system.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The one grouped query of the task and incident gauges counts what the engine's own queries count.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkMetricsTest {

  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  @Test
  void openLateAndIncidentsPerProcessMatchTheEngine() {
    roles.ensureDistrict(areas.district("2306").orElseThrow());
    engine
        .getIdentityService()
        .setAuthentication("metrics2306", List.of(Roles.districtOfficers("2306")));
    String pid;
    try {
      pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  LoanApplicationProcess.KEY,
                  DemoApplications.application(
                      3, "กลุ่มทดสอบตัวชี้วัด", "230601", EngineClock.today()))
              .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    var task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() - 3_600_000L));
    engine.getTaskService().saveTask(task);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WorkMetrics metrics =
        new WorkMetrics(jdbc, engine.getRepositoryService(), engine.getManagementService());
    metrics.bindTo(registry);
    Date now = ClockUtil.getCurrentTime();
    for (ProcessDefinition d :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      String key = d.getKey();
      var tasks = engine.getTaskService();
      assertThat(registry.get("womenfund.tasks.open").tag("process", key).gauge().value())
          .as(key)
          .isEqualTo((double) tasks.createTaskQuery().processDefinitionKey(key).count());
      assertThat(registry.get("womenfund.tasks.late").tag("process", key).gauge().value())
          .as(key)
          .isEqualTo(
              (double) tasks.createTaskQuery().processDefinitionKey(key).dueBefore(now).count());
      assertThat(registry.get("womenfund.incidents").tag("process", key).gauge().value())
          .as(key)
          .isEqualTo(
              (double)
                  engine
                      .getRuntimeService()
                      .createIncidentQuery()
                      .processDefinitionKeyIn(key)
                      .count());
    }
    assertThat(
            registry
                .get("womenfund.tasks.late")
                .tag("process", LoanApplicationProcess.KEY)
                .gauge()
                .value())
        .isGreaterThanOrEqualTo(1);
    assertThat(registry.get("womenfund.jobs.due").gauge().value())
        .isEqualTo((double) engine.getManagementService().createJobQuery().executable().count());
  }
}
