package th.go.cdd.womenfund.subsidy;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate beans that {@code processes/subsidy-project.bpmn} names. */
@Configuration
public class SubsidyProjectDelegates {

  @Bean
  JavaDelegate registerSubsidyProject(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::register);
  }

  @Bean
  JavaDelegate recordSubsidyProjectEndorsement(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::recordEndorsement);
  }

  @Bean
  JavaDelegate recordSubsidyProjectDistrictDecision(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::recordDistrictDecision);
  }

  @Bean
  JavaDelegate recordSubsidyProjectProvinceDecision(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::recordProvinceDecision);
  }

  @Bean
  JavaDelegate recordSubsidyProjectDisbursement(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::recordDisbursement);
  }

  @Bean
  JavaDelegate recordSubsidyProjectReport(SubsidyProjectSteps steps) {
    return refusingBadInput(steps::recordReport);
  }
}
