package th.go.cdd.womenfund.fieldvisit;

/**
 * Names shared by {@code processes/field-visit-action.bpmn}, its form, its steps and tests: one
 * place each.
 */
public final class FieldVisitActionProcess {

  public static final String KEY = "field-visit-action";
  public static final String FORM = "field-visit-action-follow-up";

  /** The business key of an action's instance: this prefix and the action's id. */
  public static final String BUSINESS_KEY_PREFIX = "visit-action-";

  private FieldVisitActionProcess() {}

  public static final class Element {
    public static final String START = "start_event_action_agreed";
    public static final String REGISTER = "service_task_register_action";
    public static final String AGAIN = "gateway_report_again";
    public static final String REPORT = "user_task_report_action";
    public static final String RECORD = "service_task_record_action_progress";
    public static final String DONE_GATEWAY = "gateway_action_done";
    public static final String DONE = "end_event_action_done";

    private Element() {}
  }

  public static final class Var {
    /** What the owner reads in Tasklist: written from the fund's record, never read back. */
    public static final String SUMMARY = "visitActionSummary";

    // the follow-up form: every variable its completion sets
    public static final String NOTE = "actionProgress";
    public static final String DONE = "actionDone";

    private Var() {}
  }
}
