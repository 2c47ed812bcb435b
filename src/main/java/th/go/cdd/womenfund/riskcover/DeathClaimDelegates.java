package th.go.cdd.womenfund.riskcover;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/** The delegate beans that {@code processes/death-claim.bpmn} names in {@code camunda:delegateExpression}. */
@Configuration
public class DeathClaimDelegates {

  static JavaDelegate refusingBadInput(JavaDelegate step) {
    return execution -> {
      try {
        step.execute(execution);
      } catch (ThaiValidationException e) {
        throw new RefusedInputException(e);
      }
    };
  }

  @Bean
  JavaDelegate registerDeathClaim(DeathClaimSteps steps) {
    return refusingBadInput(steps::register);
  }

  @Bean
  JavaDelegate recordDeathClaimReview(DeathClaimSteps steps) {
    return refusingBadInput(steps::recordReview);
  }

  @Bean
  JavaDelegate settleDeathClaim(DeathClaimSteps steps) {
    return refusingBadInput(steps::settle);
  }

  @Bean
  JavaDelegate recordDeathClaimNoPayout(DeathClaimSteps steps) {
    return refusingBadInput(steps::noPayout);
  }

  @Bean
  JavaDelegate notifyDeathClaim(DeathClaimSteps steps) {
    return refusingBadInput(steps::notifyDistrict);
  }

  @Bean
  JavaDelegate recordFamilyLetter(DeathClaimSteps steps) {
    return refusingBadInput(steps::recordLetter);
  }
}
