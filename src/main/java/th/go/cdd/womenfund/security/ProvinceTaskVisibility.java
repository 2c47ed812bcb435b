package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets a province's supervisors see (read, not work on) every user task of their own province, of
 * any process: each task, when created, is opened to {@code province-<code>-supervisors} by an
 * authorization on that task alone (the engine deletes it with the task). A blanket "read all
 * tasks" would show other provinces' work.
 */
@Component
public class ProvinceTaskVisibility extends AbstractProcessEnginePlugin {

  private final ObjectProvider<InstanceScopes> scopes;
  private final TaskListener grantRead = this::grantRead;

  public ProvinceTaskVisibility(ObjectProvider<InstanceScopes> scopes) {
    this.scopes = scopes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(
                  Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addTaskListener(TaskListener.EVENTNAME_CREATE, grantRead);
              }
            });
  }

  /**
   * The province of the task's instance from the fund's records (a variable could name any
   * province).
   */
  void grantRead(DelegateTask task) {
    String province =
        task.getProcessInstanceId() == null
            ? null
            : scopes
                .getObject()
                .of(task.getProcessInstanceId())
                .map(InstanceScopes.Scope::provinceCode)
                .orElse(null);
    if (province == null) {
      return;
    }
    String supervisors = Roles.provinceSupervisors(province);
    if (task.getCandidates().stream().anyMatch(link -> supervisors.equals(link.getGroupId()))) {
      return; // a task offered to the supervisors: the engine grants them on it already
    }
    var auth = task.getProcessEngineServices().getAuthorizationService();
    Authorization read = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(supervisors);
    read.setResource(Resources.TASK);
    read.setResourceId(task.getId());
    read.addPermission(Permissions.READ);
    auth.saveAuthorization(read);
  }
}
