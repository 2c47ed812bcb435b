package th.go.cdd.womenfund.restructuring;

/** Names shared by {@code debt-restructuring}, its forms, delegates and tests: one place each. */
public final class RestructuringProcess {

  public static final String KEY = "debt-restructuring";

  /** One district's package, called once per district of the province by {@link #KEY}. */
  public static final String PACKAGE_KEY = "restructuring-package";

  public static final String ELIGIBILITY_DECISION = "restructuring-eligibility";

  /** The new terms of a loan whose restructuring the Department approved. */
  public static final String TERMS_DECISION = "restructuring-terms";

  private RestructuringProcess() {}

  public static final class Element {
    public static final String START = "start_event_round_opened";
    public static final String OPEN_ROUND = "service_task_open_round";
    public static final String DISTRICT_PACKAGES = "call_activity_district_packages";
    // restructuring-package
    public static final String PACKAGE_START = "start_event_package_opened";
    public static final String FIND_CANDIDATES = "service_task_find_candidates";
    public static final String PREPARE_PACKAGE = "user_task_prepare_package";
    public static final String RECORD_PACKAGE = "service_task_record_package";
    public static final String REFRESH_TIMER = "boundary_timer_refresh_candidates";
    public static final String REFRESH_CANDIDATES = "service_task_refresh_candidates";
    public static final String CANDIDATES_REFRESHED = "end_event_candidates_refreshed";
    public static final String NOTHING_TO_SEND = "end_event_nothing_to_send";
    public static final String RECORD_RECEIPT_TASK = "user_task_record_receipt";
    public static final String RECORD_RECEIPT = "service_task_record_receipt";
    public static final String SUBMIT_TO_DEPARTMENT = "user_task_submit_to_department";
    public static final String SUBMISSION_OVERDUE = "boundary_timer_submission_overdue";
    public static final String NOTIFY_ESCALATION = "service_task_notify_escalation";
    public static final String SUPERVISOR_FOLLOW_UP = "user_task_supervisor_follow_up";
    public static final String RECORD_SUBMISSION = "service_task_record_submission";
    public static final String COMMITTEE_ACKNOWLEDGEMENT = "user_task_committee_acknowledgement";
    public static final String RECORD_ACKNOWLEDGEMENT = "service_task_record_acknowledgement";
    public static final String PROPOSE_TERMS = "service_task_propose_terms";
    public static final String RECORD_DECISION_TASK = "user_task_record_department_decision";
    public static final String RECORD_DECISION = "service_task_record_department_decision";
    public static final String PACKAGE_ACKNOWLEDGED = "end_event_package_acknowledged";
    public static final String CLOSE_ROUND = "service_task_close_round";
    public static final String ROUND_CLOSED = "end_event_round_closed";

    private Element() {}
  }

  public static final class Var {
    // start form
    public static final String ROUND_TITLE = "roundTitle";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String ANNOUNCEMENT = "announcementReference";
    // set when the round opens
    public static final String ROUND_ID = "roundId";
    public static final String PROVINCE_NAME = "provinceName";
    // per district: variables of its restructuring-package instance
    public static final String DISTRICT_CODE = "districtCode";
    public static final String DISTRICT_NAME = "districtName";
    public static final String PACKAGE_ID = "packageId";
    public static final String CANDIDATES = "candidateSummary";
    public static final String DOCUMENT_LEGEND = "documentLegend";
    public static final String APPLICANTS = "applicants";
    public static final String NOTHING_TO_SEND = "nothingToSend";
    public static final String NOTHING_REASON = "nothingReason";
    public static final String HAS_PACKAGE = "hasPackage";
    public static final String PACKAGE_SUMMARY = "packageSummary";
    public static final String PACKAGE_TOTAL = "packageTotal";
    public static final String RECEIVED_ON = "receivedOn";
    public static final String SUBMISSION_DUE = "submissionDue";
    public static final String SUBMISSION_DUE_TEXT = "submissionDueText";
    public static final String LETTER_NO = "letterNo";
    public static final String LETTER_DATE = "letterDate";
    public static final String FOLLOW_UP_NOTE = "followUpNote";
    public static final String MEETING_REFERENCE = "meetingReference";
    public static final String MEETING_DATE = "meetingDate";
    public static final String ACKNOWLEDGEMENT_NOTE = "acknowledgementNote";
    // the Department's decision: the terms the rules propose (shown), the letter and the decision
    // per debtor
    public static final String DECISION_PROPOSAL = "decisionProposal";
    public static final String DECISION_LETTER_NO = "decisionLetterNo";
    public static final String DECISION_LETTER_DATE = "decisionLetterDate";
    public static final String DECISIONS = "departmentDecisions";
    public static final String DECISION_NOTE = "decisionNote";
    public static final String DECISION_SUMMARY = "decisionSummary";

    private Var() {}
  }
}
