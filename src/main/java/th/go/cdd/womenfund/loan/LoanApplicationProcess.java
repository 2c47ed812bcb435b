package th.go.cdd.womenfund.loan;

/**
 * Names shared by the {@code loan-application} BPMN, its forms, its delegates and its tests: one
 * place each.
 */
public final class LoanApplicationProcess {

  public static final String KEY = "loan-application";
  public static final String ELIGIBILITY_DECISION = "loan-eligibility";

  private LoanApplicationProcess() {}

  /** Element ids a test or a listener needs. */
  public static final class Element {
    public static final String START = "start_event_application_registered";
    public static final String REGISTER = "service_task_register_application";
    public static final String SUBDISTRICT_ENDORSEMENT = "user_task_subdistrict_endorsement";
    public static final String RECORD_ENDORSEMENT = "service_task_record_endorsement";
    public static final String RECORD_DISTRICT_DECISION = "service_task_record_district_decision";
    public static final String RECORD_PROVINCE_DECISION = "service_task_record_province_decision";
    public static final String RECORD_CONTRACT = "service_task_record_contract";
    public static final String CHECK_TRANSFER = "service_task_record_transfer";
    public static final String DISTRICT_SCREENING = "user_task_district_screening";
    public static final String FIX_APPLICATION = "user_task_fix_application";
    public static final String JOIN_FIX = "gateway_join_fix";
    public static final String UPDATE = "service_task_update_application";
    public static final String PROVINCE_DECISION = "user_task_province_decision";
    public static final String SIGN_CONTRACT = "user_task_sign_contract";
    public static final String RECORD_TRANSFER = "user_task_record_transfer";
    public static final String GENERATE_SCHEDULE = "service_task_generate_schedule";
    public static final String NOTIFY_APPROVAL = "service_task_notify_approval";
    public static final String NOTIFY_DISTRICT_REJECTION = "service_task_notify_district_rejection";
    public static final String NOTIFY_PROVINCE_REJECTION = "service_task_notify_province_rejection";
    public static final String END_DISBURSED = "end_event_loan_disbursed";
    public static final String END_REJECTED_BY_DISTRICT = "end_event_rejected_by_district";
    public static final String END_REJECTED_BY_PROVINCE = "end_event_rejected_by_province";

    private Element() {}
  }

  /** Process variables. Form field keys are these names. */
  public static final class Var {
    // start form and fix form
    public static final String GROUP_NAME = "groupName";
    public static final String SUB_DISTRICT_CODE = "subDistrictCode";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String PURPOSE = "projectPurpose";
    public static final String OCCUPATION = "occupationCategory";
    public static final String REQUESTED_AMOUNT = "requestedAmount";
    public static final String TERM_MONTHS = "termMonths";
    public static final String REPAYMENT_FREQUENCY = "repaymentFrequency";
    public static final String BORROWERS = "borrowers";
    public static final String FAMILY_ACKNOWLEDGEMENTS = "familyAcknowledgements";
    public static final String ALL_THAI_WOMEN = "allBorrowersThaiWomen";

    /**
     * The borrowers as rows (a form-js dynamic list, JSON): each row's keys are {@link
     * BorrowerRow}.
     */
    public static final String BORROWER_ROWS = "borrowerRows";

    /** The fields of the start form and of the fix form (the application as keyed). */
    public static final java.util.List<String> APPLICATION_FIELDS =
        java.util.List.of(
            GROUP_NAME,
            SUB_DISTRICT_CODE,
            CONTACT_NAME,
            CONTACT_EMAIL,
            CONTACT_PHONE,
            PURPOSE,
            OCCUPATION,
            REQUESTED_AMOUNT,
            TERM_MONTHS,
            REPAYMENT_FREQUENCY,
            BORROWERS,
            FAMILY_ACKNOWLEDGEMENTS,
            ALL_THAI_WOMEN,
            BORROWER_ROWS);

    // set by registration
    public static final String LOAN_ID = "loanId";
    public static final String APPLICATION_NO = "applicationNo";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String AREA_NAME = "areaName";
    public static final String APPLICATION_SUMMARY = "applicationSummary";
    // sub-district working group
    public static final String ENDORSEMENT_DATE = "endorsementDate";
    public static final String ENDORSEMENT_REFERENCE = "endorsementReference";
    public static final String ENDORSEMENT_OPINION = "endorsementOpinion";
    // committees
    public static final String DISTRICT_DECISION = "districtDecision";
    public static final String DISTRICT_DECISION_REASON = "districtDecisionReason";
    public static final String PROVINCE_DECISION = "provinceDecision";
    public static final String PROVINCE_DECISION_REASON = "provinceDecisionReason";

    /**
     * Set by the system when a committee sends the application back: who returned it and why (the
     * fix form).
     */
    public static final String FIX_REQUEST = "fixRequest";

    // contract and transfer
    public static final String CONTRACT_NO = "contractNo";
    public static final String CONTRACT_DATE = "contractDate";
    public static final String TRANSFER_DATE = "transferDate";
    public static final String TRANSFER_REFERENCE = "transferReference";
    public static final String SCHEDULE_SUMMARY = "scheduleSummary";

    private Var() {}
  }

  /** The keys of one borrower row ({@link Var#BORROWER_ROWS}), as the forms name them. */
  public static final class BorrowerRow {
    public static final String NATIONAL_ID = "nationalId";
    public static final String AMOUNT = "amount";
    public static final String ACK_RELATION = "ackRelation";
    public static final String ACK_NAME = "ackName";
    public static final String ACK_DATE = "ackDate";

    private BorrowerRow() {}
  }
}
