package th.go.cdd.womenfund.loan;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.RuleTables;

/**
 * Evaluates the deployed {@code loan-eligibility} table (latest version); each criterion's outcome
 * is kept in the application's summary, not as decision history (see {@link RuleTables}).
 */
@Component
public class DmnEligibilityRules implements EligibilityRules {

  private final RuleTables tables;

  public DmnEligibilityRules(RuleTables tables) {
    this.tables = tables;
  }

  @Override
  public List<EligibilityCheck> evaluate(EligibilityFacts f) {
    DmnDecisionTableResult result =
        tables.evaluate(
            LoanApplicationProcess.ELIGIBILITY_DECISION,
            Variables.createVariables()
                .putValue("groupSize", f.groupSize())
                .putValue("requestedAmount", f.requestedAmount())
                .putValue("maxBorrowerAmount", f.maxBorrowerAmount())
                .putValue("termMonths", f.termMonths())
                .putValue("youngestAge", f.youngestAge())
                .putValue("shortestResidenceMonths", f.shortestResidenceMonths())
                .putValue("allThaiWomen", f.allThaiWomen()));
    return result.getResultList().stream().map(DmnEligibilityRules::check).toList();
  }

  public static EligibilityCheck check(Map<String, Object> row) {
    return new EligibilityCheck(
        (String) row.get("criterion"),
        Boolean.TRUE.equals(row.get("passed")),
        (String) row.get("message"));
  }
}
