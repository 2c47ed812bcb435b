package th.go.cdd.womenfund.budget;

/** Names shared by {@code subsidy-allocation}, its forms, delegates and tests: one place each. */
public final class SubsidyAllocationProcess {

  public static final String KEY = "subsidy-allocation";

  private SubsidyAllocationProcess() {}

  public static final class Element {
    public static final String START = "start_event_allocation_proposed";
    public static final String CALCULATE = "service_task_calculate_proposal";
    public static final String APPROVAL = "user_task_subcommittee_approval";
    public static final String RECORD_DECISION = "service_task_record_decision";
    public static final String RECORD_ALLOCATION = "service_task_record_allocation";
    public static final String RECORDED = "end_event_allocation_recorded";
    public static final String REVISE = "user_task_revise_proposal";
    public static final String REJECTED = "end_event_allocation_rejected";

    private Element() {}
  }

  public static final class Var {
    // start form (and the revise form for the last five)
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String FISCAL_YEAR = "fiscalYear";
    public static final String BUDGET = "subsidyBudget";
    public static final String BASIS = "allocationBasis";
    public static final String WEIGHT_SUB_DISTRICTS = "weightSubDistricts";
    public static final String WEIGHT_MEMBERS = "weightMembers";
    public static final String WEIGHT_OVERDUE = "weightOverdue";
    // set by the calculation
    public static final String ALLOCATION_ID = "allocationId";
    public static final String PROVINCE_NAME = "provinceName";
    public static final String PROPOSAL_SUMMARY = "proposalSummary";
    // the sub-committee
    public static final String DECISION = "subcommitteeDecision";
    public static final String REASON = "subcommitteeReason";

    private Var() {}
  }
}
