package th.go.cdd.womenfund.meeting;

/**
 * Names shared by {@code processes/meeting-resolution.bpmn}, its form, its steps and tests: one
 * place each.
 */
public final class MeetingResolutionProcess {

  public static final String KEY = "meeting-resolution";
  public static final String FORM = "meeting-resolution-follow-up";

  /** The business key of a resolution's instance: this prefix and the resolution's id. */
  public static final String BUSINESS_KEY_PREFIX = "resolution-";

  private MeetingResolutionProcess() {}

  public static final class Element {
    public static final String START = "start_event_resolution_recorded";
    public static final String REGISTER = "service_task_register_resolution";
    public static final String MERGE = "gateway_follow_up_again";
    public static final String FOLLOW_UP = "user_task_follow_up_resolution";
    public static final String RECORD_PROGRESS = "service_task_record_progress";
    public static final String DONE_GATEWAY = "gateway_resolution_done";
    public static final String DONE = "end_event_resolution_done";

    private Element() {}
  }

  public static final class Var {
    /** What the owner reads in Tasklist: set from the fund's record, never read back. */
    public static final String SUMMARY = "resolutionSummary";

    // the follow-up form: every variable its completion sets
    public static final String PROGRESS_NOTE = "progressNote";
    public static final String DONE = "resolutionDone";

    private Var() {}
  }
}
