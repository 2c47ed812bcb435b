package th.go.cdd.womenfund.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The subsidy-project-eligibility table on its own (standalone DMN engine), at each criterion's
 * boundary.
 */
class SubsidyProjectEligibilityDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        SubsidyProjectEligibilityDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/subsidy-project-eligibility.dmn")) {
      decision = dmn.parseDecision(SubsidyProjectProcess.ELIGIBILITY_DECISION, in);
    }
  }

  static List<Map<String, Object>> evaluate(
      String total, int registeredMonths, int members, int periodMonths) {
    return dmn.evaluateDecisionTable(
            decision,
            Variables.createVariables()
                .putValue("totalAmount", new BigDecimal(total))
                .putValue("registeredMonths", registeredMonths)
                .putValue("memberCount", members)
                .putValue("periodMonths", periodMonths))
        .getResultList();
  }

  @Test
  void aProjectAtEveryLimitPassesEachCriterionOnce() {
    List<Map<String, Object>> rows = evaluate("50000.00", 6, 5, 12);
    assertThat(rows).hasSize(4).allMatch(r -> Boolean.TRUE.equals(r.get("passed")));
    assertThat(rows)
        .extracting(r -> r.get("criterion"))
        .containsExactlyInAnyOrder(
            "totalAmount", "registeredMonths", "memberCount", "periodMonths");
  }

  @ParameterizedTest
  @CsvSource({
    "50000.01, 6, 5, 12, totalAmount, ไม่เกิน 50,000 บาทต่อโครงการ",
    "1000.00, 5, 5, 12, registeredMonths, อย่างน้อย 6 เดือนก่อนเสนอโครงการ",
    "1000.00, 6, 4, 12, memberCount, อย่างน้อย 5 คน",
    "1000.00, 6, 5, 13, periodMonths, ไม่เกิน 12 เดือน"
  })
  void oneCriterionFailsWithItsThaiReason(
      String total, int months, int members, int period, String criterion, String reason) {
    List<Map<String, Object>> rows = evaluate(total, months, members, period);
    assertThat(rows).hasSize(4);
    assertThat(rows)
        .filteredOn(r -> Boolean.FALSE.equals(r.get("passed")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("criterion")).isEqualTo(criterion))
        .satisfies(r -> assertThat((String) r.get("message")).contains(reason));
  }
}
