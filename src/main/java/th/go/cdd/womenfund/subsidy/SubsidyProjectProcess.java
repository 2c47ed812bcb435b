package th.go.cdd.womenfund.subsidy;

import java.util.List;

/** Names shared by {@code subsidy-project}, its forms, delegates and tests: one place each. */
public final class SubsidyProjectProcess {

  public static final String KEY = "subsidy-project";
  public static final String ELIGIBILITY_DECISION = "subsidy-project-eligibility";

  private SubsidyProjectProcess() {}

  /** Element ids a test or a listener needs. */
  public static final class Element {
    public static final String START = "start_event_project_keyed";
    public static final String REGISTER = "service_task_register_project";
    public static final String ENDORSEMENT = "user_task_subdistrict_endorsement";
    public static final String RECORD_ENDORSEMENT = "service_task_record_endorsement";
    public static final String DISTRICT_SCREENING = "user_task_district_screening";
    public static final String RECORD_DISTRICT_DECISION = "service_task_record_district_decision";
    public static final String PROVINCE_DECISION = "user_task_province_decision";
    public static final String RECORD_PROVINCE_DECISION = "service_task_record_province_decision";
    public static final String DISBURSEMENT = "user_task_record_disbursement";
    public static final String RECORD_DISBURSEMENT = "service_task_record_disbursement";
    public static final String GROUP_REPORT = "user_task_group_report";
    public static final String RECORD_REPORT = "service_task_record_report";
    public static final String CLOSED = "end_event_project_closed";
    public static final String REJECTED_BY_DISTRICT = "end_event_rejected_by_district";
    public static final String REJECTED_BY_PROVINCE = "end_event_rejected_by_province";

    private Element() {}
  }

  /** Process variables. Form field keys are these names. */
  public static final class Var {
    // start form
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String SUB_DISTRICT_CODE = "subDistrictCode";
    public static final String PROJECT_NAME = "projectName";
    public static final String OBJECTIVE = "projectObjective";
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String BUDGET_LINES = "budgetLines";
    public static final List<String> START_FIELDS =
        List.of(
            ORGANISATION_NAME,
            SUB_DISTRICT_CODE,
            PROJECT_NAME,
            OBJECTIVE,
            PERIOD_FROM,
            PERIOD_TO,
            BUDGET_LINES);
    // set by registration
    public static final String PROJECT_NO = "projectNo";
    public static final String AREA_NAME = "areaName";
    public static final String PROJECT_SUMMARY = "projectSummary";
    public static final String TOTAL_AMOUNT = "totalAmount";
    // sub-district working group
    public static final String ENDORSEMENT_DATE = "endorsementDate";
    public static final String ENDORSEMENT_REFERENCE = "endorsementReference";
    // committees
    public static final String DISTRICT_DECISION = "districtDecision";
    public static final String DISTRICT_DECISION_REASON = "districtDecisionReason";
    public static final String PROVINCE_DECISION = "provinceDecision";
    public static final String PROVINCE_DECISION_REASON = "provinceDecisionReason";
    // disbursement
    public static final String TRANSFER_DATE = "transferDate";
    public static final String TRANSFER_AMOUNT = "transferAmount";
    public static final String TRANSFER_REFERENCE = "transferReference";
    // the group's report on results
    public static final String REPORT_DATE = "reportDate";
    public static final String AMOUNT_SPENT = "amountSpent";
    public static final String REPORT_RESULTS = "reportResults";

    private Var() {}
  }
}
