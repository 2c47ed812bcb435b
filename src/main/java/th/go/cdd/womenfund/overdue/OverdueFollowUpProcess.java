package th.go.cdd.womenfund.overdue;

/**
 * Names shared by {@code processes/overdue-follow-up.bpmn}, its DMN, forms, delegates, the scan and
 * tests.
 */
public final class OverdueFollowUpProcess {

  public static final String KEY = "overdue-follow-up";

  /** The ladder: which step comes next and how long to wait after it (officers may change it). */
  public static final String LADDER_DECISION = "overdue-follow-up-ladder";

  /** A payment cleared the arrears: ends the follow-up at whatever step it is. */
  public static final String MESSAGE_ARREARS_CLEARED = "overdue-arrears-cleared";

  /**
   * The Department approved the loan's restructuring: it has a new schedule, the follow-up ends.
   */
  public static final String MESSAGE_LOAN_RESCHEDULED = "overdue-loan-rescheduled";

  private OverdueFollowUpProcess() {}

  /** Rungs of the ladder, as the DMN names them. */
  public enum Step {
    NONE,
    REMINDER,
    CONTACT,
    FIELD_VISIT,
    ESCALATION
  }

  /** What the provincial sub-committee decides for a loan that is still behind. */
  public enum EscalationDecision {
    MORE_TIME("ให้เวลาติดตามต่อ"),
    RESTRUCTURING("ส่งปรับโครงสร้างหนี้"),
    LEGAL_ACTION("ดำเนินการทางกฎหมาย");

    private final String labelTh;

    EscalationDecision(String labelTh) {
      this.labelTh = labelTh;
    }

    public String labelTh() {
      return labelTh;
    }
  }

  /** How a follow-up ended. */
  public enum Outcome {
    CLEARED,
    NO_LONGER_BEHIND,
    RESTRUCTURING,
    LEGAL_ACTION,
    CANCELLED,
    RESCHEDULED
  }

  public static final class Element {
    public static final String START = "start_event_overdue_found";
    public static final String OPEN = "service_task_open_follow_up";
    public static final String CHECK = "service_task_check_overdue_amount";
    public static final String STILL_BEHIND = "gateway_still_behind";
    public static final String CLOSE_NO_LONGER_BEHIND = "service_task_close_no_longer_behind";
    public static final String END_NO_LONGER_BEHIND = "end_event_no_longer_behind";
    public static final String CHOOSE_STEP = "business_rule_task_choose_step";
    public static final String SEND_REMINDER = "service_task_send_reminder";
    public static final String CONTACT = "user_task_contact_group";
    public static final String RECORD_CONTACT = "service_task_record_contact_result";
    public static final String FIELD_VISIT = "user_task_field_visit";
    public static final String RECORD_FIELD_VISIT = "service_task_record_field_visit";
    public static final String ESCALATION = "user_task_province_escalation";
    public static final String RECORD_ESCALATION = "service_task_record_escalation";
    public static final String HAND_OVER_RESTRUCTURING = "service_task_hand_over_restructuring";
    public static final String HAND_OVER_LEGAL_ACTION = "service_task_hand_over_legal_action";
    public static final String NOTIFY_HAND_OVER = "service_task_notify_hand_over";
    public static final String END_HANDED_OVER = "end_event_handed_over";
    public static final String WAIT = "timer_wait_next_step";
    public static final String PAID_OFF_START = "start_event_arrears_paid_off";
    public static final String CLOSE_PAID_OFF = "service_task_close_paid_off";
    public static final String THANK_YOU = "service_task_send_thank_you";
    public static final String END_PAID_OFF = "end_event_arrears_paid_off";
    public static final String RESCHEDULED_START = "start_event_loan_rescheduled";
    public static final String CLOSE_RESCHEDULED = "service_task_close_rescheduled";
    public static final String END_RESCHEDULED = "end_event_loan_rescheduled";

    private Element() {}
  }

  public static final class Var {
    // the scan starts an instance with the loan's application number as business key, nothing else;
    // the first step (or the clearing message, if it comes first) sets the loan's id
    public static final String LOAN_ID = "loanId";
    // set by the open step
    public static final String FOLLOW_UP_ID = "followUpId";
    public static final String APPLICATION_NO = "applicationNo";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String GROUP_NAME = "groupName";
    public static final String AREA_NAME = "areaName";
    public static final String LOAN_SUMMARY = "loanSummary";
    // set by each check
    public static final String IN_ARREARS = "inArrears";
    public static final String DAYS_OVERDUE = "daysOverdue";
    public static final String ARREARS_SUMMARY = "arrearsSummary";
    public static final String FOLLOW_UP_HISTORY = "followUpHistory";
    // set by the ladder: the rung just chosen (read back as the last rung taken at the next choice)
    // and the wait after it
    public static final String LADDER_STEP = "ladderStep";
    public static final String LADDER_WAIT = "ladderWait";
    // contact form
    public static final String CONTACT_DATE = "contactDate";
    public static final String CONTACT_METHOD = "contactMethod";
    public static final String CONTACT_RESULT = "contactResult";
    public static final String PROMISED_DATE = "promisedDate";
    // field visit form
    public static final String VISIT_DATE = "visitDate";
    public static final String DISTRICT_COMMITTEE_MEMBERS = "districtCommitteeMembers";
    public static final String SUBDISTRICT_GROUP_MEMBERS = "subdistrictGroupMembers";
    public static final String PROVINCE_SECRETARIAT_STAFF = "provinceSecretariatStaff";
    public static final String VISIT_FINDINGS = "visitFindings";
    public static final String AGREED_PLAN = "agreedPlan";
    public static final String PLAN_DUE_DATE = "planDueDate";
    public static final String PHOTOS_LINK = "photosLink";
    // escalation form
    public static final String ESCALATION_DECISION = "escalationDecision";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String MEETING_REFERENCE = "meetingReference";
    // set by the clearing message
    public static final String PAYMENT_SUMMARY = "paymentSummary";

    private Var() {}
  }
}
