package th.go.cdd.womenfund.riskcover;

/** Names shared by {@code processes/death-claim.bpmn}, its forms, delegates and tests. */
public final class DeathClaimProcess {

  public static final String KEY = "death-claim";

  private DeathClaimProcess() {}

  public static final class Element {
    public static final String START = "start_event_death_reported";
    public static final String REGISTER = "service_task_register_claim";
    public static final String COVER_IN_FORCE = "gateway_cover_in_force";
    public static final String REVIEW = "user_task_review_claim";
    public static final String RECORD_REVIEW = "service_task_record_review";
    public static final String SETTLE = "service_task_settle_from_cover";
    public static final String NO_PAYOUT = "service_task_record_no_payout";
    public static final String NOTIFY = "service_task_notify_district";
    public static final String FAMILY_LETTER = "user_task_family_letter";
    public static final String RECORD_LETTER = "service_task_record_family_letter";
    public static final String END = "end_event_claim_closed";

    private Element() {}
  }

  public static final class Var {
    // start form
    public static final String LOAN_NUMBER = "loanNumber";
    public static final String BORROWER_ID = "borrowerNationalId";
    public static final String DEATH_DATE = "deathDate";
    public static final String CERTIFICATE_NO = "deathCertificateNo";
    // set by registration
    public static final String CLAIM_ID = "claimId";
    public static final String LOAN_ID = "loanId";
    public static final String APPLICATION_NO = "applicationNo";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String COVERED = "covered";
    public static final String CLAIM_SUMMARY = "claimSummary";
    public static final String FAMILY_MEMBER = "familyMember";
    // province review
    public static final String CLAIM_DECISION = "claimDecision";
    public static final String CLAIM_DECISION_REASON = "claimDecisionReason";
    // outcome
    public static final String OUTCOME_SUMMARY = "outcomeSummary";
    // family letter
    public static final String LETTER_NO = "letterNo";
    public static final String LETTER_DATE = "letterDate";

    private Var() {}
  }
}
