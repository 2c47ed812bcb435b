package th.go.cdd.womenfund.fieldvisit;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess.Var;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.TaskDeadlines;

/**
 * The engine edge of {@code field-visit-action}, named {@code fieldVisitActions} in the BPMN. The
 * action, its owner and due date are read from {@code visit_action} and {@code process_scope} by
 * the process instance, never from process variables; the checks live in {@link FieldVisitService}.
 */
@Component("fieldVisitActions")
public class FieldVisitActionSteps {

  private final VisitPlanRepository repo;
  private final FieldVisitService visits;
  private final InstanceScopes scopes;

  public FieldVisitActionSteps(
      VisitPlanRepository repo, FieldVisitService visits, InstanceScopes scopes) {
    this.repo = repo;
    this.visits = visits;
    this.scopes = scopes;
  }

  /** First step: ties the action the system named in the business key, and binds its district. */
  public void register(DelegateExecution execution) {
    VisitPlanRepository.Action a =
        visits.tieAction(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    scopes.bindDistrict(execution, a.id(), a.districtCode());
    execution.setVariable(Var.SUMMARY, visits.summary(a));
  }

  /**
   * {@code camunda:candidateGroups}: the owner role of the action in the instance's recorded area;
   * administrators only for an instance without one.
   */
  public String ownerGroup(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    return scopes
        .of(pid)
        .flatMap(
            scope ->
                repo.actionOf(pid)
                    .map(a -> a.owner().group(scope.districtCode(), scope.provinceCode())))
        .orElse(Roles.ADMIN);
  }

  /** {@code camunda:dueDate}: the action's due day at 16:30 in Bangkok; none without an action. */
  public Date due(DelegateExecution execution) {
    return repo.actionOf(execution.getProcessInstanceId())
        .map(a -> TaskDeadlines.endOfOfficeDay(a.dueOn()))
        .orElse(null);
  }

  /**
   * {@code camunda:delegateExpression} of the step after the owner's report: her note and whether
   * it is done, kept on the action. A delegate, so that a bad report leaves the engine as a bad
   * request (400 in Thai, nothing logged) and the task stays open.
   */
  public JavaDelegate progressRecorder() {
    return refusingBadInput(this::recordProgress);
  }

  /** The owner's report, read from her form's variables and checked by the service. */
  public void recordProgress(DelegateExecution execution) {
    visits.reportProgress(
        execution.getProcessInstanceId(),
        execution.getVariable(Var.NOTE),
        execution.getVariable(Var.DONE));
  }

  /** The gateway: done, as the fund's record says. */
  public boolean done(DelegateExecution execution) {
    return repo.actionOf(execution.getProcessInstanceId())
        .map(VisitPlanRepository.Action::done)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no visit action for " + execution.getProcessInstanceId()));
  }
}
