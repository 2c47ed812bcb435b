package th.go.cdd.womenfund.riskcover;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans that {@code processes/death-claim.bpmn} names in {@code
 * camunda:delegateExpression}.
 */
@Configuration
public class DeathClaimDelegates {

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
