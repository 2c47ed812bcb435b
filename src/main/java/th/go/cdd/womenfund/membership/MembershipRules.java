package th.go.cdd.womenfund.membership;

import java.util.List;
import th.go.cdd.womenfund.loan.EligibilityCheck;

/**
 * Who may become an individual member (Thai woman, 15 or older, 6 months in the area): the DMN
 * table {@code membership-eligibility} that officers may change; this port keeps the engine out of
 * the service.
 */
public interface MembershipRules {

  List<EligibilityCheck> evaluate(
      int age, int residenceMonths, boolean thaiNationality, boolean female);
}
