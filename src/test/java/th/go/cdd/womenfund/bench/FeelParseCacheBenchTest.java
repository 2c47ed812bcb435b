package th.go.cdd.womenfund.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.system.ParsedFeelCache;

/**
 * Evaluations per second of the loan application's screening table ({@code processes/loan-eligibility.dmn}, as
 * every application runs it) with Camunda's FEEL engine and with {@link ParsedFeelCache}, alternating in one JVM.
 * {@code -Dbench.feel.evaluations} per side and round (default 2,000), {@code -Dbench.feel.rounds} (default 5).
 */
@Tag("bench")
class FeelParseCacheBenchTest {

  static final int EVALUATIONS = Integer.getInteger("bench.feel.evaluations", 2_000);
  static final int ROUNDS = Integer.getInteger("bench.feel.rounds", 5);

  /** Four applications: one passing every criterion, three failing different ones. */
  static List<VariableMap> applications() {
    List<VariableMap> all = new ArrayList<>();
    int[][] shapes = {{7, 60000, 12000, 24, 35, 36}, {4, 60000, 15000, 24, 35, 36}, {8, 250000, 40000, 72, 14, 3},
        {5, 45000, 9000, 12, 62, 120}};
    for (int[] s : shapes) {
      all.add(Variables.createVariables().putValue("groupSize", s[0]).putValue("requestedAmount", new BigDecimal(s[1]))
          .putValue("maxBorrowerAmount", new BigDecimal(s[2])).putValue("termMonths", s[3]).putValue("youngestAge", s[4])
          .putValue("shortestResidenceMonths", s[5]).putValue("allThaiWomen", s[0] != 8));
    }
    return all;
  }

  static double perSecond(DmnEngine engine, DmnDecision table, List<VariableMap> inputs) {
    long t0 = System.nanoTime();
    for (int i = 0; i < EVALUATIONS; i++) {
      engine.evaluateDecisionTable(table, inputs.get(i % inputs.size()));
    }
    return EVALUATIONS / ((System.nanoTime() - t0) / 1e9);
  }

  static DmnDecision table(DmnEngine engine) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("processes", "loan-eligibility.dmn"))) {
      return engine.parseDecisions(in).get(0);
    }
  }

  @Test
  void screeningTableEvaluationsWithAndWithoutTheParseCache() throws IOException {
    DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine cached = ParsedFeelCache.install(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();
    DmnDecision camundaTable = table(camunda);
    DmnDecision cachedTable = table(cached);
    List<VariableMap> inputs = applications();
    for (int i = 0; i < 2; i++) { // warm-up
      perSecond(camunda, camundaTable, inputs);
      perSecond(cached, cachedTable, inputs);
    }
    StringBuilder md = new StringBuilder("### FEEL parse cache: `loan-eligibility` evaluations per second (" + EVALUATIONS
        + " per side and round, one thread)\n\n| round | Camunda's FEEL engine | parsed once | parsed once ÷ Camunda's |\n|---|---:|---:|---:|\n");
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      double plain;
      double once;
      if (round % 2 == 1) {
        plain = perSecond(camunda, camundaTable, inputs);
        once = perSecond(cached, cachedTable, inputs);
      } else {
        once = perSecond(cached, cachedTable, inputs);
        plain = perSecond(camunda, camundaTable, inputs);
      }
      ratios.add(once / plain);
      md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |%n", round, plain, once, once / plain));
    }
    ratios.sort(Double::compare);
    md.append(String.format(Locale.ROOT, "%nMedian: the table evaluates %.2f× as fast with each text parsed once.%n",
        ratios.get(ratios.size() / 2)));
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("feel-parse-cache.md"), md.toString(), StandardCharsets.UTF_8);
    System.out.println(md);
    assertThat(ratios).isNotEmpty();
  }
}
