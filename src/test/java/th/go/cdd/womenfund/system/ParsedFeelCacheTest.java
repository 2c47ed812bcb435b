package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses each text once answers exactly as Camunda's own: every input entry of every
 * decision table in {@code processes/} against values of every kind, every output entry, and whole tables; and it
 * parses each text only once.
 */
class ParsedFeelCacheTest {

  static final String CELL = "cellInput";
  static final List<Object> VALUES = Arrays.asList(null, 0, 1, 4, 5, 15, 29, 30, 31, 60, 61, 90, 91, 365, 2563, 2570,
      2571, -1, 1_000_000, 20000.5, "DISBURSED", "APPROVED", "REMINDER", "", "ไม่ทราบ", true, false,
      LocalDate.of(2026, 11, 28));

  final ScalaFeelEngine plain = new ScalaFeelEngine(List.of());
  final ParsedFeelCache.Engine cached = new ParsedFeelCache.Engine(List.of());

  static List<Path> tables() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  static Set<String> texts(Class<? extends org.camunda.bpm.model.dmn.instance.DmnElement> type,
                           java.util.function.Function<Object, String> text) throws IOException {
    Set<String> all = new LinkedHashSet<>();
    for (Path table : tables()) {
      DmnModelInstance model = Dmn.readModelFromFile(table.toFile());
      model.getModelElementsByType(type).forEach(e -> all.add(text.apply(e)));
    }
    return all;
  }

  /** The answer, or the exception's class and message: the two engines must agree on both. */
  static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void everyInputEntryOfEveryTableAnswersAsCamundasOwnEngineForValuesOfEveryKind() throws IOException {
    Set<String> tests = texts(InputEntry.class, e -> ((InputEntry) e).getText().getTextContent());
    assertThat(tests).hasSizeGreaterThan(20);
    List<String> differences = new ArrayList<>();
    for (String test : tests) {
      for (Object value : VALUES) {
        for (int round = 0; round < 2; round++) { // the second round reads the parsed form
          Object expected = outcome(() -> plain.evaluateSimpleUnaryTests(test, CELL,
              Variables.createVariables().putValue(CELL, value).asVariableContext()));
          Object actual = outcome(() -> cached.evaluateSimpleUnaryTests(test, CELL,
              Variables.createVariables().putValue(CELL, value).asVariableContext()));
          if (!expected.equals(actual)) {
            differences.add("[" + test + "] with " + value + ": " + expected + " != " + actual);
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void everyOutputEntryOfEveryTableAnswersAsCamundasOwnEngine() throws IOException {
    Set<String> outputs = texts(OutputEntry.class, e -> ((OutputEntry) e).getText().getTextContent());
    assertThat(outputs).hasSizeGreaterThan(10);
    for (String output : outputs) {
      Object expected = outcome(() -> plain.evaluateSimpleExpression(output, Variables.emptyVariableContext()));
      assertThat(outcome(() -> cached.evaluateSimpleExpression(output, Variables.emptyVariableContext())))
          .as(output).isEqualTo(expected);
      assertThat(outcome(() -> cached.evaluateSimpleExpression(output, Variables.emptyVariableContext())))
          .as(output).isEqualTo(expected);
    }
  }

  @Test
  void wrongTextFailsWithTheEnginesOwnMessage() {
    Object expected = outcome(() -> plain.evaluateSimpleUnaryTests("> > 5", CELL,
        Variables.createVariables().putValue(CELL, 3).asVariableContext()));
    assertThat(expected).asString().contains("FeelException");
    assertThat(outcome(() -> cached.evaluateSimpleUnaryTests("> > 5", CELL,
        Variables.createVariables().putValue(CELL, 3).asVariableContext()))).isEqualTo(expected);
    assertThat(outcome(() -> cached.evaluateSimpleExpression("unknownFunction(", Variables.emptyVariableContext())))
        .isEqualTo(outcome(() -> plain.evaluateSimpleExpression("unknownFunction(", Variables.emptyVariableContext())));
  }

  @Test
  void aWholeTableGivesTheSameRowsAndEachTextIsParsedOnce() throws IOException {
    DefaultDmnEngineConfiguration configuration = ParsedFeelCache.install(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    DmnEngine withCache = configuration.buildEngine();
    DmnEngine without = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    FeelEngine feel = configuration.getFeelEngine();
    assertThat(feel).isInstanceOf(ParsedFeelCache.Engine.class);

    Path table = Path.of("processes", "restructuring-eligibility.dmn");
    List<Map<String, Object>> inputs = List.of(
        Map.of("loanStatus", "DISBURSED", "daysOverdue", 45, "contractYearBE", 2566),
        Map.of("loanStatus", "DISBURSED", "daysOverdue", 0, "contractYearBE", 2566),
        Map.of("loanStatus", "DISBURSED", "daysOverdue", 10, "contractYearBE", 2571),
        Map.of("loanStatus", "APPROVED", "daysOverdue", 10, "contractYearBE", 2566));
    int afterFirst = -1;
    for (int round = 0; round < 3; round++) {
      for (Map<String, Object> in : inputs) {
        DmnDecisionTableResult expected = without.evaluateDecisionTable(
            without.parseDecisions(Files.newInputStream(table)).get(0), Variables.fromMap(in));
        DmnDecisionTableResult actual = withCache.evaluateDecisionTable(
            withCache.parseDecisions(Files.newInputStream(table)).get(0), Variables.fromMap(in));
        assertThat(actual.getResultList()).as(in.toString()).isEqualTo(expected.getResultList());
      }
      if (round == 0) {
        afterFirst = ((ParsedFeelCache.Engine) feel).parsedTexts();
      }
    }
    assertThat(afterFirst).isPositive();
    assertThat(((ParsedFeelCache.Engine) feel).parsedTexts()).isEqualTo(afterFirst);
  }
}
