package th.go.cdd.womenfund.repayment;

/**
 * Names shared by {@code processes/record-repayment.bpmn}, its start form, its delegate and its
 * tests.
 */
public final class RecordRepaymentProcess {

  public static final String KEY = "record-repayment";

  private RecordRepaymentProcess() {}

  public static final class Element {
    public static final String START = "start_event_payment_keyed";
    public static final String RECORD = "service_task_record_repayment";
    public static final String END = "end_event_payment_recorded";
    public static final String NEEDS_APPROVAL = "gateway_payment_needs_approval";

    /** Above the approval threshold: a second officer approves (form {@code money-approval}). */
    public static final String APPROVE = "user_task_approve_payment";

    public static final String DECIDE = "service_task_record_approval_decision";
    public static final String DECISION = "gateway_payment_decision";
    public static final String APPROVED = "end_event_payment_approved";
    public static final String REJECTED = "end_event_payment_rejected";

    private Element() {}
  }

  public static final class Var {
    public static final String LOAN_NUMBER = "loanNumber";
    public static final String PAID_ON = "paidOn";
    public static final String AMOUNT = "paymentAmount";
    public static final String REFERENCE = "paymentReference";
    public static final String NOTE = "paymentNote";
    // set by the record step
    public static final String LOAN_ID = "loanId";
    public static final String APPLICATION_NO = "applicationNo";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String PAYMENT_SUMMARY = "paymentSummary";
    // the approval task (above the threshold): the same names as money-approval's
    public static final String APPROVAL_SUMMARY =
        th.go.cdd.womenfund.approval.MoneyApprovalProcess.Var.SUMMARY;
    public static final String APPROVAL_DECISION =
        th.go.cdd.womenfund.approval.MoneyApprovalProcess.Var.DECISION;
    public static final String APPROVAL_REASON =
        th.go.cdd.womenfund.approval.MoneyApprovalProcess.Var.REASON;

    private Var() {}
  }
}
