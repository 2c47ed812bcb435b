package th.go.cdd.womenfund.overdue;

import java.time.Duration;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Step;

/**
 * The follow-up ladder: the next step for a loan this many days behind, after the last step taken.
 */
public interface LadderRules {

  record Rung(Step step, Duration waitAfter, String reason) {}

  Rung next(int daysOverdue, Step lastStep);
}
