package th.go.cdd.womenfund.approval;

/**
 * Names shared by {@code processes/money-approval.bpmn}, its form, its steps and tests. The same
 * approval task (form {@code money-approval}) also sits in {@code record-repayment} for payments
 * keyed in Tasklist.
 */
public final class MoneyApprovalProcess {

  public static final String KEY = "money-approval";
  public static final String FORM = "money-approval";

  private MoneyApprovalProcess() {}

  public static final class Element {
    public static final String START = "start_event_entry_keyed";
    public static final String BIND = "service_task_bind_entry";
    public static final String APPROVE = "user_task_approve_entry";
    public static final String DECIDE = "service_task_record_decision";
    public static final String APPROVED = "end_event_entry_approved";
    public static final String REJECTED = "end_event_entry_rejected";

    private Element() {}
  }

  public static final class Var {
    /** What the checker reads: set from the fund's table, never read back. */
    public static final String SUMMARY = "approvalSummary";

    /**
     * The entry's province, for Tasklist and the supervisors' read access; never read back for a
     * decision.
     */
    public static final String PROVINCE_CODE = "provinceCode";

    // the checker's form: every variable the completion sets
    public static final String DECISION = "approvalDecision";
    public static final String REASON = "approvalReason";

    private Var() {}
  }
}
