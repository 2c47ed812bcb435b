package th.go.cdd.womenfund.loan;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans that {@code processes/loan-application.bpmn} names in {@code
 * camunda:delegateExpression}. Delegate expressions (not method expressions) so that a Thai
 * validation message reaches Tasklist as it is, not wrapped in an expression-evaluation error.
 */
@Configuration
public class LoanDelegates {

  @Bean
  JavaDelegate registerLoanApplication(LoanProcessSteps steps) {
    return refusingBadInput(steps::register);
  }

  @Bean
  JavaDelegate updateLoanApplication(LoanProcessSteps steps) {
    return refusingBadInput(steps::update);
  }

  @Bean
  JavaDelegate recordEndorsement(LoanProcessSteps steps) {
    return refusingBadInput(steps::recordEndorsement);
  }

  @Bean
  JavaDelegate recordDistrictDecision(LoanProcessSteps steps) {
    return refusingBadInput(steps::recordDistrictDecision);
  }

  @Bean
  JavaDelegate recordProvinceDecision(LoanProcessSteps steps) {
    return refusingBadInput(steps::recordProvinceDecision);
  }

  @Bean
  JavaDelegate recordContract(LoanProcessSteps steps) {
    return refusingBadInput(steps::recordContract);
  }

  @Bean
  JavaDelegate recordTransfer(LoanProcessSteps steps) {
    return refusingBadInput(steps::recordTransfer);
  }

  @Bean
  JavaDelegate generateRepaymentSchedule(LoanProcessSteps steps) {
    return refusingBadInput(steps::generateSchedule);
  }

  @Bean
  JavaDelegate notifyLoanApproved(LoanProcessSteps steps) {
    return refusingBadInput(steps::notifyApproval);
  }

  @Bean
  JavaDelegate notifyLoanRejected(LoanProcessSteps steps) {
    return refusingBadInput(steps::notifyRejection);
  }
}
