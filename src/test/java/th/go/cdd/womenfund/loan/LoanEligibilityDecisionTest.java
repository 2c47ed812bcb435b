package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loan-eligibility table on its own (standalone DMN engine), at the boundaries of each
 * criterion.
 */
class LoanEligibilityDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        LoanEligibilityDecisionTest.class
            .getClassLoader()
            .getResourceAsStream("processes/loan-eligibility.dmn")) {
      decision = dmn.parseDecision(LoanApplicationProcess.ELIGIBILITY_DECISION, in);
    }
  }

  static EligibilityFacts ok() {
    return new EligibilityFacts(
        5, new BigDecimal("200000.00"), new BigDecimal("50000.00"), 36, 15, 6, true);
  }

  static List<EligibilityCheck> evaluate(EligibilityFacts f) {
    return dmn
        .evaluateDecisionTable(
            decision,
            Variables.createVariables()
                .putValue("groupSize", f.groupSize())
                .putValue("requestedAmount", f.requestedAmount())
                .putValue("maxBorrowerAmount", f.maxBorrowerAmount())
                .putValue("termMonths", f.termMonths())
                .putValue("youngestAge", f.youngestAge())
                .putValue("shortestResidenceMonths", f.shortestResidenceMonths())
                .putValue("allThaiWomen", f.allThaiWomen()))
        .getResultList()
        .stream()
        .map(DmnEligibilityRules::check)
        .toList();
  }

  static List<String> failed(EligibilityFacts f) {
    return evaluate(f).stream().filter(c -> !c.passed()).map(EligibilityCheck::criterion).toList();
  }

  @Test
  void everyCriterionPassesExactlyAtItsLimitAndEachIsReported() {
    List<EligibilityCheck> checks = evaluate(ok());
    assertThat(checks).hasSize(7).allMatch(EligibilityCheck::passed);
    assertThat(checks)
        .extracting(EligibilityCheck::criterion)
        .containsExactly(
            "groupSize",
            "requestedAmount",
            "maxBorrowerAmount",
            "termMonths",
            "youngestAge",
            "shortestResidenceMonths",
            "allThaiWomen");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "groupSize,4,200000.00,50000.00,36,15,6,true",
    "requestedAmount,5,200000.01,50000.00,36,15,6,true",
    "maxBorrowerAmount,5,200000.00,50000.01,36,15,6,true",
    "termMonths,5,200000.00,50000.00,37,15,6,true",
    "termMonths,5,200000.00,50000.00,5,15,6,true",
    "youngestAge,5,200000.00,50000.00,36,14,6,true",
    "shortestResidenceMonths,5,200000.00,50000.00,36,15,5,true",
    "allThaiWomen,5,200000.00,50000.00,36,15,6,false"
  })
  void justBeyondEachLimitOnlyThatCriterionFails(
      String criterion,
      int size,
      BigDecimal amount,
      BigDecimal perBorrower,
      int term,
      int age,
      int residence,
      boolean thaiWomen) {
    EligibilityFacts f =
        new EligibilityFacts(size, amount, perBorrower, term, age, residence, thaiWomen);
    assertThat(failed(f)).containsExactly(criterion);
    assertThat(evaluate(f))
        .filteredOn(c -> !c.passed())
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("ต้อง"));
  }

  @Test
  void lowerTermLimitAndSmallAmountsPass() {
    EligibilityFacts f =
        new EligibilityFacts(30, new BigDecimal("0.01"), new BigDecimal("0.01"), 6, 80, 600, true);
    assertThat(failed(f)).isEmpty();
  }

  @Test
  void severalFailuresAreAllReported() {
    EligibilityFacts f =
        new EligibilityFacts(
            3, new BigDecimal("250000"), new BigDecimal("90000"), 48, 14, 2, false);
    assertThat(failed(f)).hasSize(7);
  }
}
