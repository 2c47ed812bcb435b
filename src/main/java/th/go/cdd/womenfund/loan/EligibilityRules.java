package th.go.cdd.womenfund.loan;

import java.util.List;

/**
 * The fund's loan criteria (caps, minimum group size, allowed terms, member eligibility). They live
 * in the {@code loan-eligibility} DMN table that officers may change; this port keeps the engine
 * out of the services.
 */
public interface EligibilityRules {

  List<EligibilityCheck> evaluate(EligibilityFacts facts);
}
