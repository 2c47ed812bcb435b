package th.go.cdd.womenfund.system;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A {@link ThaiValidationException} as it leaves a delegate: the engine's "bad user request", so
 * the REST API answers 400 with the Thai message as it is (not 500 with a stack trace), and
 * Tasklist shows it.
 */
public class RefusedInputException extends BadUserRequestException {

  public RefusedInputException(ThaiValidationException cause) {
    super(cause.getMessage(), cause);
  }

  /** Wraps a delegate so that its bad-input refusals leave the engine as this exception. */
  public static JavaDelegate refusingBadInput(JavaDelegate step) {
    return execution -> {
      try {
        step.execute(execution);
      } catch (ThaiValidationException e) {
        throw new RefusedInputException(e);
      }
    };
  }
}
