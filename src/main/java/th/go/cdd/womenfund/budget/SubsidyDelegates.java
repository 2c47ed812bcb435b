package th.go.cdd.womenfund.budget;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate beans that {@code processes/subsidy-allocation.bpmn} names. */
@Configuration
public class SubsidyDelegates {

  @Bean
  JavaDelegate calculateSubsidyProposal(SubsidySteps steps) {
    return refusingBadInput(steps::calculate);
  }

  @Bean
  JavaDelegate recordSubsidyDecision(SubsidySteps steps) {
    return refusingBadInput(steps::recordDecision);
  }

  @Bean
  JavaDelegate recordApprovedSubsidyAllocation(SubsidySteps steps) {
    return refusingBadInput(steps::recordApproved);
  }
}
