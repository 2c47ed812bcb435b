package th.go.cdd.womenfund.approval;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate beans that {@code money-approval.bpmn} and {@code record-repayment.bpmn} name. */
@Configuration
public class MoneyApprovalDelegates {

  @Bean
  JavaDelegate bindMoneyApproval(MoneyApprovalSteps steps) {
    return steps::bind;
  }

  /**
   * A refusal (the maker herself, an entry that no longer fits) rolls the task completion back: the
   * task stays open.
   */
  @Bean
  JavaDelegate decideMoneyApproval(MoneyApprovalSteps steps) {
    return refusingBadInput(steps::decide);
  }
}
