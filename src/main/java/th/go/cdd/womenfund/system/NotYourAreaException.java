package th.go.cdd.womenfund.system;

/**
 * The person may not act on a loan outside her district or province (HTTP 403 in the app's REST
 * API, {@link ApiErrors}).
 */
public class NotYourAreaException extends ThaiValidationException {

  public NotYourAreaException(String message) {
    super(message);
  }
}
