package th.go.cdd.womenfund.overdue;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans that {@code processes/overdue-follow-up.bpmn} names in {@code
 * camunda:delegateExpression}.
 */
@Configuration
public class OverdueDelegates {

  @Bean
  JavaDelegate openOverdueFollowUp(OverdueSteps steps) {
    return refusingBadInput(steps::open);
  }

  @Bean
  JavaDelegate checkOverdueAmount(OverdueSteps steps) {
    return refusingBadInput(steps::check);
  }

  @Bean
  JavaDelegate closeNoLongerBehind(OverdueSteps steps) {
    return refusingBadInput(steps::closeNoLongerBehind);
  }

  @Bean
  JavaDelegate chooseOverdueStep(OverdueSteps steps) {
    return refusingBadInput(steps::chooseStep);
  }

  @Bean
  JavaDelegate sendOverdueReminder(OverdueSteps steps) {
    return refusingBadInput(steps::sendReminder);
  }

  @Bean
  JavaDelegate recordOverdueContact(OverdueSteps steps) {
    return refusingBadInput(steps::recordContact);
  }

  @Bean
  JavaDelegate recordFieldVisit(OverdueSteps steps) {
    return refusingBadInput(steps::recordFieldVisit);
  }

  @Bean
  JavaDelegate recordOverdueEscalation(OverdueSteps steps) {
    return refusingBadInput(steps::recordEscalation);
  }

  @Bean
  JavaDelegate handOverToRestructuring(OverdueSteps steps) {
    return refusingBadInput(steps::handOverRestructuring);
  }

  @Bean
  JavaDelegate handOverToLegalAction(OverdueSteps steps) {
    return refusingBadInput(steps::handOverLegalAction);
  }

  @Bean
  JavaDelegate notifyOverdueHandOver(OverdueSteps steps) {
    return refusingBadInput(steps::notifyHandOver);
  }

  @Bean
  JavaDelegate closeOverduePaidOff(OverdueSteps steps) {
    return refusingBadInput(steps::closePaidOff);
  }

  @Bean
  JavaDelegate closeOverdueRescheduled(OverdueSteps steps) {
    return refusingBadInput(steps::closeRescheduled);
  }

  @Bean
  JavaDelegate sendOverdueThankYou(OverdueSteps steps) {
    return refusingBadInput(steps::sendThankYou);
  }
}
