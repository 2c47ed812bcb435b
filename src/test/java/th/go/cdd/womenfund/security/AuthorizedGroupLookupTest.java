package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * The scoped look-up of "which of my groups hold any authorization" gives exactly the engine's
 * answer, and a user's task list is the same with it and without it.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AuthorizedGroupLookupTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizedGroupLookup lookup;

  @AfterEach
  void restore() {
    lookup.setScoped(true);
    engine.getIdentityService().clearAuthentication();
  }

  List<String> filtered(List<String> groups) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              AuthorizationManager manager = context.getAuthorizationManager();
              assertThat(manager instanceof AuthorizedGroupLookup.ScopedAuthorizationManager)
                  .isEqualTo(lookup.isScoped());
              return manager.filterAuthenticatedGroupIds(groups);
            });
  }

  @Test
  void sameGroupsAsTheEngine() {
    AuthorizationService auth = engine.getAuthorizationService();
    Authorization grant = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("lookup-test-holder");
    grant.setResource(Resources.TASK);
    grant.setResourceId("lookup-test-task");
    grant.addPermission(Permissions.READ);
    auth.saveAuthorization(grant);
    try {
      List<String> asked =
          List.of("lookup-test-holder", "lookup-test-nobody", "lookup-test-holder");
      assertThat(lookup.isScoped()).isTrue();
      List<String> scoped = filtered(asked);
      lookup.setScoped(false);
      List<String> engineOwn = filtered(asked);
      assertThat(scoped)
          .containsExactlyInAnyOrderElementsOf(engineOwn)
          .containsExactly("lookup-test-holder");
      lookup.setScoped(true);
      assertThat(filtered(List.of())).isEmpty();
      assertThat(filtered(List.of("lookup-test-nobody"))).isEmpty();
    } finally {
      auth.deleteAuthorization(grant.getId());
    }
  }

  @Test
  void aGroupsTaskListIsTheSameEitherWay() {
    String key = "lookup-test-process";
    // removed again below: every test context shares the database, and LoanFormsTest checks every
    // deployed process
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("user_task_a")
                    .camundaCandidateGroups("lookup-test-officers")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of()).getId();
    try {
      engine
          .getIdentityService()
          .setAuthentication("lookup-user", List.of("lookup-test-officers", "lookup-test-other"));
      List<String> scoped =
          engine
              .getTaskService()
              .createTaskQuery()
              .taskCandidateGroup("lookup-test-officers")
              .list()
              .stream()
              .map(Task::getId)
              .toList();
      lookup.setScoped(false);
      List<String> engineOwn =
          engine
              .getTaskService()
              .createTaskQuery()
              .taskCandidateGroup("lookup-test-officers")
              .list()
              .stream()
              .map(Task::getId)
              .toList();
      assertThat(scoped).hasSize(1).isEqualTo(engineOwn);
      engine
          .getIdentityService()
          .setAuthentication("lookup-stranger", List.of("lookup-test-other"));
      lookup.setScoped(true);
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskCandidateGroup("lookup-test-officers")
                  .list())
          .isEmpty();
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getRuntimeService().deleteProcessInstance(instance, "test");
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
