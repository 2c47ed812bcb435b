package th.go.cdd.womenfund.repayment;

import th.go.cdd.womenfund.system.NotFoundRefusal;

/** No loan answers to the number or id given (HTTP 404 in the app's REST API). */
public class LoanNotFoundException extends NotFoundRefusal {

  public LoanNotFoundException(String message) {
    super(message);
  }
}
