package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Outcome;

/**
 * What restructuring asks of the overdue follow-up when the Department approved a loan's
 * restructuring: its follow-up, at whatever step, ends (message {@link
 * OverdueFollowUpProcess#MESSAGE_LOAN_RESCHEDULED}, correlated by the system: the province officer
 * who records the decision may not correlate messages herself). A follow-up claimed by the nightly
 * scan but not yet started is closed directly.
 */
@Service
@Transactional
public class RescheduledLoans {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final FollowUpRepository followUps;

  public RescheduledLoans(
      RuntimeService runtime, IdentityService identity, FollowUpRepository followUps) {
    this.runtime = runtime;
    this.identity = identity;
    this.followUps = followUps;
  }

  /**
   * Ends the loan's follow-up, if one is open; returns how many running follow-ups the message
   * ended.
   */
  public int endFollowUp(long loanId, String applicationNo, LocalDate on) {
    Authentication who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    int ended;
    try {
      ended =
          runtime
              .createMessageCorrelation(OverdueFollowUpProcess.MESSAGE_LOAN_RESCHEDULED)
              .processInstanceBusinessKey(applicationNo)
              .correlateAllWithResult()
              .size();
    } finally {
      if (who != null) {
        identity.setAuthentication(who);
      }
    }
    followUps
        .openOf(loanId)
        .ifPresent(
            f -> {
              if (followUps.close(f.id(), Outcome.RESCHEDULED, on)) {
                followUps.addEvent(
                    f.id(),
                    Outcome.RESCHEDULED.name(),
                    on,
                    "กรมอนุมัติปรับโครงสร้างหนี้ ชำระตามตารางใหม่",
                    "system");
              }
            });
    return ended;
  }
}
