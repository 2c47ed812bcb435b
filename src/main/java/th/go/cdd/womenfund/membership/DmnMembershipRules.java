package th.go.cdd.womenfund.membership;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.loan.DmnEligibilityRules;
import th.go.cdd.womenfund.loan.EligibilityCheck;

/** Evaluates the deployed {@code membership-eligibility} table (latest version) through the engine. */
@Component
public class DmnMembershipRules implements MembershipRules {

  public static final String DECISION = "membership-eligibility";

  private final DecisionService decisions;

  public DmnMembershipRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public List<EligibilityCheck> evaluate(int age, int residenceMonths, boolean thaiNationality, boolean female) {
    return decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
            .putValue("age", age)
            .putValue("residenceMonths", residenceMonths)
            .putValue("thaiNationality", thaiNationality)
            .putValue("female", female))
        .getResultList().stream().map(DmnEligibilityRules::check).toList();
  }
}
