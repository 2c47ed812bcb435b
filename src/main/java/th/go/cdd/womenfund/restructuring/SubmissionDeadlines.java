package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.holiday.HolidaysChanged;
import th.go.cdd.womenfund.restructuring.RestructuringService.MovedDeadline;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The engine edge of a moved submission deadline: when the holiday table changes, each package
 * still waiting to be sent to the Department gets its deadline counted again ({@link
 * RestructuringService#countDeadlinesAgain}), and where it moved, its task's due date, its
 * escalation timer and its variables move with it, in the same transaction as the holiday, with a
 * comment on the task saying why.
 */
@Component
public class SubmissionDeadlines {

  private final RestructuringService service;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  public SubmissionDeadlines(
      RestructuringService service,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      IdentityService identity) {
    this.service = service;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  /**
   * Runs as the system, not as the person who changed the table: she (an administrator, or the
   * Department on /holidays, where engine calls carry her rights) holds no rights on every
   * province's packages, and moving their deadlines is what her change entails, not task work of
   * hers.
   */
  @EventListener
  public void holidaysChanged(HolidaysChanged change) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      moveDeadlines(change);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void moveDeadlines(HolidaysChanged change) {
    for (MovedDeadline m : service.countDeadlinesAgain(EngineClock.today())) {
      ProcessInstance pi =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(RestructuringProcess.PACKAGE_KEY)
              .variableValueEquals(Var.PACKAGE_ID, m.packageId())
              .singleResult();
      String why =
          "กำหนดส่งกรมเปลี่ยนจาก "
              + ThaiDates.format(m.from())
              + " เป็น "
              + ThaiDates.format(m.to())
              + " เพราะ"
              + (change.added() ? "เพิ่ม" : "ยกเลิก")
              + "วันหยุดราชการ "
              + ThaiDates.format(change.holiday().date())
              + " ("
              + change.holiday().nameTh()
              + ")";
      if (pi != null) {
        Date due = RestructuringSteps.endOfDay(m.to());
        runtime.setVariable(pi.getId(), Var.SUBMISSION_DUE, due);
        runtime.setVariable(pi.getId(), Var.SUBMISSION_DUE_TEXT, ThaiDates.format(m.to()));
        Task task =
            tasks
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(Element.SUBMIT_TO_DEPARTMENT)
                .singleResult();
        if (task != null) {
          task.setDueDate(due);
          tasks.saveTask(task);
          tasks.createComment(task.getId(), pi.getId(), why);
        }
        Job timer =
            management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(Element.SUBMISSION_OVERDUE)
                .timers()
                .singleResult();
        if (timer != null) {
          management.setJobDuedate(timer.getId(), due);
        }
      }
      change.report("อำเภอ" + m.districtName() + ": " + why);
    }
  }
}
