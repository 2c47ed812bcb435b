package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.security.StepModel.Step;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Four eyes on every user task of every process: a signed-in person who completes a task must not
 * have performed another duty of the same instance ({@link DutyLedger}); her duty is recorded in
 * the same transaction as the completion. Called by {@link StepGuard} before the completion, only
 * when the engine would let her work on the task at all (otherwise the engine's own refusal
 * answers, and says nothing of duties). The duties are in the BPMN ({@link StepModel}).
 * Administrators get no exception; the system (no signed-in person) is not a person.
 */
@Component
public class SegregationOfDuties {

  private final DutyLedger duties;

  public SegregationOfDuties(DutyLedger duties) {
    this.duties = duties;
  }

  /** Refuses, in Thai, a person who performed another duty of the task's instance. */
  public void check(AuthorizationService authorizations, Authentication who, Task task, Step step) {
    if (who == null || who.getUserId() == null || task.getProcessInstanceId() == null) {
      return;
    }
    // one cheap query first; the authorization checks only for someone who did another duty of this
    // instance
    List<DutyLedger.Performed> others =
        duties.otherDuties(task.getProcessInstanceId(), who.getUserId(), step.duty());
    if (!others.isEmpty() && mayWork(authorizations, who, task)) {
      throw new RefusedInputException(
          new ThaiValidationException(
              "ท่านดำเนินการขั้น \""
                  + others.get(0).stepName()
                  + "\" ของเรื่องนี้แล้ว จึงดำเนินการขั้น \""
                  + step.name()
                  + "\" ไม่ได้: ผู้บันทึกกับผู้ตรวจสอบหรืออนุมัติต้องเป็นคนละคน"
                  + " (หลักการแบ่งแยกหน้าที่) กรุณาให้ผู้อื่นในกลุ่มดำเนินการ"));
    }
  }

  public void record(Authentication who, String processInstanceId, Step step) {
    if (who != null && who.getUserId() != null && processInstanceId != null) {
      duties.record(processInstanceId, step, who.getUserId());
    }
  }

  /**
   * What the engine checks before a completion: work or update rights on the task or on its process
   * definition.
   */
  private static boolean mayWork(AuthorizationService auth, Authentication who, Task task) {
    List<String> groups = who.getGroupIds() == null ? List.of() : who.getGroupIds();
    String user = who.getUserId();
    if (groups.contains(Roles.ADMIN)
        || auth.isUserAuthorized(
            user, groups, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
        || auth.isUserAuthorized(user, groups, Permissions.UPDATE, Resources.TASK, task.getId())) {
      return true;
    }
    String key =
        task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
    return key != null
        && (auth.isUserAuthorized(
                user,
                groups,
                ProcessDefinitionPermissions.TASK_WORK,
                Resources.PROCESS_DEFINITION,
                key)
            || auth.isUserAuthorized(
                user,
                groups,
                ProcessDefinitionPermissions.UPDATE_TASK,
                Resources.PROCESS_DEFINITION,
                key));
  }
}
