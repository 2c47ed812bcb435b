package th.go.cdd.womenfund.restructuring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.overdue.HandedOverToRestructuring;
import th.go.cdd.womenfund.system.LongText;

/**
 * The provincial sub-committee handed a loan over to restructuring: if its district is preparing a
 * package in an open round, the loan joins the candidates at once and the district's task shows the
 * list as it now is. Runs in the hand-over's transaction; the task's variables are updated by the
 * system (the committee member who decided may not update another instance's variables herself). A
 * district that has already sent its package sees the loan in the province's next round.
 */
@Component
public class CandidatesOnHandOver {

  private final RestructuringService service;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public CandidatesOnHandOver(
      RestructuringService service, RuntimeService runtime, IdentityService identity) {
    this.service = service;
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  public void handedOver(HandedOverToRestructuring event) {
    Map<String, String> summaries = service.refreshForLoan(event.loanId(), event.on());
    if (summaries.isEmpty()) {
      return;
    }
    Authentication who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      summaries.forEach(
          (instance, summary) -> {
            if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
              return;
            }
            Map<String, Object> vars = new HashMap<>();
            List<String> parts = LongText.parts(summary);
            for (int i = 0; i < LongText.MAX_PARTS; i++) {
              String name = LongText.name(RestructuringProcess.Var.CANDIDATES, i);
              if (i < parts.size()) {
                vars.put(name, parts.get(i));
              } else if (i > 0 && runtime.getVariable(instance, name) != null) {
                vars.put(name, "");
              }
            }
            runtime.setVariables(instance, vars);
          });
    } finally {
      if (who != null) {
        identity.setAuthentication(who);
      }
    }
  }
}
