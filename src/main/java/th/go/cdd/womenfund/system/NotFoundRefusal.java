package th.go.cdd.womenfund.system;

/**
 * Nothing answers to the number or id given (HTTP 404 in the app's REST API, {@link ApiErrors}).
 * Each capability says what was not found with its own subclass, e.g. {@code
 * repayment.LoanNotFoundException}.
 */
public class NotFoundRefusal extends ThaiValidationException {

  public NotFoundRefusal(String message) {
    super(message);
  }
}
