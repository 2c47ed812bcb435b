package th.go.cdd.womenfund.system.limits;

import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * A body refused for its size while being read (HTTP 413 in the app's REST API), with the Thai
 * message.
 */
public class PayloadTooLargeRefusal extends ThaiValidationException {

  public PayloadTooLargeRefusal(String message) {
    super(message);
  }
}
