package th.go.cdd.womenfund.overdue;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Step;

/**
 * Evaluates the deployed {@code overdue-follow-up-ladder} table (latest version) through the
 * engine.
 */
@Component
public class DmnLadderRules implements LadderRules {

  private final DecisionService decisions;

  public DmnLadderRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Rung next(int daysOverdue, Step lastStep) {
    DmnDecisionTableResult result =
        decisions.evaluateDecisionTableByKey(
            OverdueFollowUpProcess.LADDER_DECISION,
            Variables.createVariables()
                .putValue("daysOverdue", daysOverdue)
                .putValue("lastStep", lastStep.name()));
    return rung(result.getSingleResult().getEntryMap());
  }

  static Rung rung(Map<String, Object> row) {
    return new Rung(
        Step.valueOf((String) row.get("step")),
        Duration.parse((String) row.get("wait")),
        (String) row.get("reason"));
  }
}
