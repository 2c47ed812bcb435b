package th.go.cdd.womenfund.overdue;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import th.go.cdd.womenfund.repayment.PaymentRecorded;

/**
 * A payment that leaves no arrears ends the loan's follow-up at whatever step it is, through the
 * message {@link OverdueFollowUpProcess#MESSAGE_ARREARS_CLEARED}. Runs just before the payment's
 * transaction commits, in it: payment and end of follow-up commit together, and a rolled-back
 * payment (an import preview) ends nothing. The message is correlated as the system: the officer
 * who records a payment may read the follow-up, not change it.
 */
@Component
public class ArrearsClearedListener {

  private final RuntimeService runtime;
  private final IdentityService identity;

  public ArrearsClearedListener(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  public void paymentRecorded(PaymentRecorded payment) {
    if (payment.inArrearsAfter() || payment.applicationNo() == null) {
      return;
    }
    Authentication who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime
          .createMessageCorrelation(OverdueFollowUpProcess.MESSAGE_ARREARS_CLEARED)
          .processInstanceBusinessKey(payment.applicationNo())
          .setVariable(OverdueFollowUpProcess.Var.PAYMENT_SUMMARY, payment.summaryTh())
          .correlateAllWithResult();
    } finally {
      if (who != null) {
        identity.setAuthentication(who);
      }
    }
  }
}
