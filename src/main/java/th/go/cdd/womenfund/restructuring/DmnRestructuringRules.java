package th.go.cdd.womenfund.restructuring;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Evaluates the deployed {@code restructuring-eligibility} table through the engine. */
@Component
public class DmnRestructuringRules implements RestructuringRules {

  private final DecisionService decisions;

  public DmnRestructuringRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Verdict evaluate(int daysOverdue, String loanStatus, int contractYearBE) {
    Map<String, Object> row =
        decisions
            .evaluateDecisionTableByKey(
                RestructuringProcess.ELIGIBILITY_DECISION,
                Variables.createVariables()
                    .putValue("daysOverdue", daysOverdue)
                    .putValue("loanStatus", loanStatus)
                    .putValue("contractYearBE", contractYearBE))
            .getSingleResult()
            .getEntryMap();
    return new Verdict(Boolean.TRUE.equals(row.get("eligible")), (String) row.get("reason"));
  }
}
