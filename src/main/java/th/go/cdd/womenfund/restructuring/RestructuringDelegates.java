package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans named by {@code debt-restructuring.bpmn} and {@code
 * restructuring-package.bpmn}.
 */
@Configuration
public class RestructuringDelegates {

  @Bean
  JavaDelegate openRestructuringRound(RestructuringSteps steps) {
    return refusingBadInput(steps::openRound);
  }

  @Bean
  JavaDelegate findRestructuringCandidates(RestructuringSteps steps) {
    return refusingBadInput(steps::findCandidates);
  }

  @Bean
  JavaDelegate refreshRestructuringCandidates(RestructuringSteps steps) {
    return refusingBadInput(steps::refreshCandidates);
  }

  @Bean
  JavaDelegate recordRestructuringPackage(RestructuringSteps steps) {
    return refusingBadInput(steps::recordPackage);
  }

  @Bean
  JavaDelegate recordPackageReceipt(RestructuringSteps steps) {
    return refusingBadInput(steps::recordReceipt);
  }

  @Bean
  JavaDelegate recordDepartmentSubmission(RestructuringSteps steps) {
    return refusingBadInput(steps::recordSubmission);
  }

  @Bean
  JavaDelegate recordCommitteeAcknowledgement(RestructuringSteps steps) {
    return refusingBadInput(steps::recordAcknowledgement);
  }

  @Bean
  JavaDelegate proposeRestructuringTerms(RestructuringSteps steps) {
    return refusingBadInput(steps::proposeTerms);
  }

  @Bean
  JavaDelegate recordDepartmentDecision(RestructuringSteps steps) {
    return refusingBadInput(steps::recordDecision);
  }

  @Bean
  JavaDelegate notifyRestructuringEscalation(RestructuringSteps steps) {
    return steps::notifyEscalation;
  }

  @Bean
  JavaDelegate closeRestructuringRound(RestructuringSteps steps) {
    return steps::closeRound;
  }
}
