package th.go.cdd.womenfund.repayment;

import th.go.cdd.womenfund.approval.MoneyApprovalProcess;

/**
 * Names shared by {@code processes/payment-reversal.bpmn}, its forms, its delegate and its tests.
 */
public final class PaymentReversalProcess {

  public static final String KEY = "payment-reversal";

  private PaymentReversalProcess() {}

  public static final class Element {
    public static final String START = "start_event_reversal_requested";
    public static final String REQUEST = "service_task_request_reversal";
    public static final String APPROVE = "user_task_approve_reversal";
    public static final String DECIDE = "service_task_record_reversal_decision";
    public static final String APPROVED = "end_event_reversal_approved";
    public static final String REJECTED = "end_event_reversal_rejected";

    private Element() {}
  }

  public static final class Var {
    // start form
    public static final String LOAN_NUMBER = "loanNumber";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String REASON = "reversalReason";
    // set by the request step (for Tasklist cards; never read back)
    public static final String APPLICATION_NO = "applicationNo";
    // the approval task (form money-approval)
    public static final String APPROVAL_SUMMARY = MoneyApprovalProcess.Var.SUMMARY;
    public static final String APPROVAL_DECISION = MoneyApprovalProcess.Var.DECISION;
    public static final String APPROVAL_REASON = MoneyApprovalProcess.Var.REASON;

    private Var() {}
  }
}
