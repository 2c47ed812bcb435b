package th.go.cdd.womenfund.budget;

import static th.go.cdd.womenfund.budget.SubsidyAllocationProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * The engine edge of {@code subsidy-allocation}: reads the forms, calls {@link
 * SubsidyAllocationService}.
 */
@Component
public class SubsidySteps {

  private final SubsidyAllocationService service;
  private final InstanceScopes scopes;

  public SubsidySteps(SubsidyAllocationService service, InstanceScopes scopes) {
    this.service = service;
    this.scopes = scopes;
  }

  public void calculate(DelegateExecution execution) {
    // a revision works on the allocation and province this instance registered, whatever the
    // variables say
    var bound = scopes.of(execution.getProcessInstanceId());
    Long allocationId = bound.map(InstanceScopes.Scope::subjectId).orElse(null);
    SubsidyAllocationService.Proposal p =
        service.propose(
            new SubsidyAllocationService.ProposalInput(
                bound
                    .map(InstanceScopes.Scope::provinceCode)
                    .orElse(string(execution, Var.PROVINCE_CODE)),
                string(execution, Var.FISCAL_YEAR),
                string(execution, Var.BUDGET),
                string(execution, Var.BASIS),
                string(execution, Var.WEIGHT_SUB_DISTRICTS),
                string(execution, Var.WEIGHT_MEMBERS),
                string(execution, Var.WEIGHT_OVERDUE)),
            allocationId,
            actor(execution),
            EngineClock.today(),
            execution.getProcessInstanceId());
    if (allocationId == null) {
      String province = string(execution, Var.PROVINCE_CODE).strip();
      execution.setVariable(Var.PROVINCE_CODE, province);
      execution.setVariable(Var.ALLOCATION_ID, p.allocationId());
      execution.setVariable(Var.PROVINCE_NAME, p.provinceName());
      execution.setProcessBusinessKey(
          "subsidy-"
              + province
              + "-"
              + string(execution, Var.FISCAL_YEAR).strip()
              + "-"
              + p.allocationId());
      scopes.bindProvince(execution, p.allocationId(), province);
    }
    execution.setVariable(Var.PROPOSAL_SUMMARY, p.summary());
    // the sub-committee decides afresh on every proposal
    execution.removeVariable(Var.DECISION);
  }

  public void recordDecision(DelegateExecution task) {
    SubsidyAllocationService.Decision d =
        service.decide(
            allocationId(task),
            string(task, Var.DECISION),
            string(task, Var.REASON),
            EngineClock.today());
    task.setVariable(Var.DECISION, d.name());
  }

  public void recordApproved(DelegateExecution execution) {
    service.recordApproved(
        allocationId(execution), string(execution, Var.REASON), EngineClock.today());
  }

  /** The allocation of this instance, from the fund's records. */
  private long allocationId(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  /**
   * Who proposes: the person completing the start form or the revision (null when started by the
   * system).
   */
  private static Actor actor(DelegateExecution execution) {
    return CurrentActor.of(
            execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElse(null);
  }
}
