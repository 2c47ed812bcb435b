package th.go.cdd.womenfund.approval;

import static th.go.cdd.womenfund.system.FormValues.string;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.approval.ApprovalRequest.Status;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The engine edge of maker-checker, named {@code moneyApprovals} in the BPMN. Every answer comes
 * from the fund's table {@code money_approval}, found by the process instance id: candidate groups,
 * whether an entry waits, whether it was approved. Process variables are never trusted for any of
 * it (a person may set variables through the REST API).
 */
@Component("moneyApprovals")
public class MoneyApprovalSteps {

  private final ApprovalRepository repo;
  private final MakerChecker makerChecker;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final InstanceScopes scopes;

  public MoneyApprovalSteps(
      ApprovalRepository repo,
      MakerChecker makerChecker,
      RuntimeService runtime,
      IdentityService identity,
      InstanceScopes scopes) {
    this.repo = repo;
    this.makerChecker = makerChecker;
    this.runtime = runtime;
    this.identity = identity;
    this.scopes = scopes;
  }

  /** {@code camunda:candidateGroups="${moneyApprovals.approverGroups(execution)}"}. */
  public List<String> approverGroups(DelegateExecution execution) {
    // an instance an administrator started part-way, with no entry: administrators only
    return repo.byProcessInstance(execution.getProcessInstanceId())
        .map(MakerChecker::approverGroups)
        .orElse(List.of(th.go.cdd.womenfund.security.Roles.ADMIN));
  }

  /**
   * True while this instance's entry waits for a checker (a payment at or below the threshold never
   * does).
   */
  public boolean waiting(DelegateExecution execution) {
    return repo.byProcessInstance(execution.getProcessInstanceId())
        .map(e -> e.status() == Status.PENDING)
        .orElse(false);
  }

  public boolean approved(DelegateExecution execution) {
    return entry(execution).status() == Status.APPROVED;
  }

  /**
   * Starts {@code money-approval} for an entry just stored (call inside the transaction that stored
   * it), as the system: the maker holds no right to start it, and nobody else may.
   */
  public String start(ApprovalRequest entry) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return runtime
          .startProcessInstanceByKey(MoneyApprovalProcess.KEY, entry.businessKey())
          .getId();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * First step of {@code money-approval}: binds the entry to this instance, once, by the business
   * key its starter gave.
   */
  public void bind(DelegateExecution execution) {
    if (!repo.bind(execution.getProcessBusinessKey(), execution.getProcessInstanceId())) {
      throw new IllegalStateException(
          "no unbound money_approval entry for business key " + execution.getProcessBusinessKey());
    }
    opened(execution, entry(execution));
  }

  /**
   * Binds an entry stored by a step of this instance (a payment keyed in Tasklist above the
   * threshold).
   */
  public void attach(DelegateExecution execution, ApprovalRequest entry) {
    repo.bindById(entry.id(), execution.getProcessInstanceId());
    opened(execution, entry);
  }

  private void opened(DelegateExecution execution, ApprovalRequest entry) {
    execution.setVariable(MoneyApprovalProcess.Var.SUMMARY, entry.summary());
    // for Tasklist cards only: who may act and on what comes from process_scope (bound below) and
    // money_approval
    execution.setVariable("provinceCode", entry.provinceCode());
    // the checker decides afresh: a decision the maker slipped in with the start form counts for
    // nothing
    execution.removeVariable(MoneyApprovalProcess.Var.DECISION);
    execution.removeVariable(MoneyApprovalProcess.Var.REASON);
    if (entry.districtCode() != null) {
      scopes.bindDistrict(execution, entry.id(), entry.districtCode());
    } else {
      scopes.bindProvince(execution, entry.id(), entry.provinceCode());
    }
  }

  /** After the approval task: the completing person (the engine's authenticated user) decides. */
  public void decide(DelegateExecution execution) {
    makerChecker.decide(
        entry(execution),
        string(execution, MoneyApprovalProcess.Var.DECISION),
        string(execution, MoneyApprovalProcess.Var.REASON),
        CurrentActor.of(
                execution
                    .getProcessEngineServices()
                    .getIdentityService()
                    .getCurrentAuthentication())
            .orElse(null),
        EngineClock.today());
  }

  private ApprovalRequest entry(DelegateExecution execution) {
    return repo.byProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no money_approval entry for instance " + execution.getProcessInstanceId()));
  }
}
