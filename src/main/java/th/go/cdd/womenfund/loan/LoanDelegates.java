package th.go.cdd.womenfund.loan;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The delegate beans that {@code processes/loan-application.bpmn} names in
 * {@code camunda:delegateExpression}. Delegate expressions (not method expressions) so that a Thai
 * validation message reaches Tasklist as it is, not wrapped in an expression-evaluation error.
 */
@Configuration
public class LoanDelegates {

  /** Bad input leaves the engine as a "bad user request" carrying the Thai message (HTTP 400 in REST). */
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
