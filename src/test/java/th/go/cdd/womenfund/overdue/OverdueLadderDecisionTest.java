package th.go.cdd.womenfund.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Step;

/**
 * The overdue ladder on its own (standalone DMN engine): the rung for the days behind, never a step
 * back.
 */
class OverdueLadderDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        OverdueLadderDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/overdue-follow-up-ladder.dmn")) {
      decision = dmn.parseDecision(OverdueFollowUpProcess.LADDER_DECISION, in);
    }
  }

  static LadderRules.Rung next(int days, Step last) {
    return DmnLadderRules.rung(
        dmn.evaluateDecisionTable(
                decision,
                Variables.createVariables()
                    .putValue("daysOverdue", days)
                    .putValue("lastStep", last.name()))
            .getSingleResult()
            .getEntryMap());
  }

  @ParameterizedTest(name = "{0} days after {1} -> {2}")
  @CsvSource({
    "1, NONE, REMINDER, 14",
    "30, NONE, REMINDER, 14",
    "31, NONE, CONTACT, 14",
    "60, NONE, CONTACT, 14",
    "61, NONE, FIELD_VISIT, 30",
    "90, NONE, FIELD_VISIT, 30",
    "91, NONE, ESCALATION, 30",
    // after a step the next rung comes, even if the days alone would not call for it
    "5, REMINDER, CONTACT, 14",
    "20, CONTACT, FIELD_VISIT, 30",
    "40, FIELD_VISIT, ESCALATION, 30",
    "50, ESCALATION, ESCALATION, 30",
    // and the days can push higher than the next rung
    "95, REMINDER, ESCALATION, 30",
    "70, REMINDER, FIELD_VISIT, 30"
  })
  void theRungForTheDaysBehindAndTheLastStep(int days, Step last, Step expected, int waitDays) {
    LadderRules.Rung rung = next(days, last);
    assertThat(rung.step()).isEqualTo(expected);
    assertThat(rung.waitAfter()).isEqualTo(Duration.ofDays(waitDays));
    assertThat(rung.reason()).isNotBlank();
  }
}
