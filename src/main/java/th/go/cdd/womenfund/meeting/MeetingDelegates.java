package th.go.cdd.womenfund.meeting;

import static th.go.cdd.womenfund.system.RefusedInputException.refusingBadInput;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate beans that {@code processes/meeting-resolution.bpmn} names. */
@Configuration
public class MeetingDelegates {

  @Bean
  JavaDelegate registerMeetingResolution(MeetingResolutionSteps steps) {
    return steps::register;
  }

  @Bean
  JavaDelegate recordResolutionProgress(MeetingResolutionSteps steps) {
    return refusingBadInput(steps::recordProgress);
  }
}
