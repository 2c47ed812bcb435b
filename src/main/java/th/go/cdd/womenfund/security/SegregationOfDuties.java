package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.security.StepModel.Step;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Four eyes on every user task of every process: when a signed-in person completes a task, she must not have
 * performed another duty of the same instance ({@link DutyLedger}); then her duty is recorded, in the same
 * transaction. Runs as the task's {@code complete} listener, after the engine checked that she may work on the task,
 * and before the steps that follow (a refusal rolls the completion back). The duties are in the BPMN
 * ({@link StepModel}). Administrators get no exception; the system (no signed-in person) is not a person.
 */
@Component
public class SegregationOfDuties extends AbstractProcessEnginePlugin {

  private final DutyLedger duties;
  private final StepModel model;
  private final TaskListener onComplete = this::completing;

  public SegregationOfDuties(DutyLedger duties, StepModel model) {
    this.duties = duties;
    this.model = model;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
      }
    });
  }

  void completing(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null || task.getProcessInstanceId() == null) {
      return;
    }
    String taskId = task.getId();
    Step step = model.step(task.getProcessEngineServices().getRepositoryService(), task.getProcessDefinitionId(),
        task.getTaskDefinitionKey(), () -> Context.getCommandContext().runWithoutAuthorization(
            () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(taskId)));
    List<DutyLedger.Performed> others = duties.otherDuties(task.getProcessInstanceId(), auth.getUserId(), step.duty());
    if (!others.isEmpty()) {
      throw new RefusedInputException(new ThaiValidationException("ท่านดำเนินการขั้น \"" + others.get(0).stepName()
          + "\" ของเรื่องนี้แล้ว จึงดำเนินการขั้น \"" + step.name() + "\" ไม่ได้: ผู้บันทึกกับผู้ตรวจสอบหรืออนุมัติต้องเป็นคนละคน"
          + " (หลักการแบ่งแยกหน้าที่) กรุณาให้ผู้อื่นในกลุ่มดำเนินการ"));
    }
    duties.record(task.getProcessInstanceId(), step, auth.getUserId());
  }
}
