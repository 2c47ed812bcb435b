package th.go.cdd.womenfund.membership;

import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.loan.DmnEligibilityRules;
import th.go.cdd.womenfund.loan.EligibilityCheck;
import th.go.cdd.womenfund.system.RuleTables;

/**
 * Evaluates the deployed {@code membership-eligibility} table (latest version), without decision
 * history ({@link RuleTables}).
 */
@Component
public class DmnMembershipRules implements MembershipRules {

  public static final String DECISION = "membership-eligibility";

  private final RuleTables tables;

  public DmnMembershipRules(RuleTables tables) {
    this.tables = tables;
  }

  @Override
  public List<EligibilityCheck> evaluate(
      int age, int residenceMonths, boolean thaiNationality, boolean female) {
    return tables
        .evaluate(
            DECISION,
            Variables.createVariables()
                .putValue("age", age)
                .putValue("residenceMonths", residenceMonths)
                .putValue("thaiNationality", thaiNationality)
                .putValue("female", female))
        .getResultList()
        .stream()
        .map(DmnEligibilityRules::check)
        .toList();
  }
}
