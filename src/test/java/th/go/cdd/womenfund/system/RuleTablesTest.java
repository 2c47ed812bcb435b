package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A screening table is evaluated in its latest deployed version, with the engine's result, and
 * leaves no history.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class RuleTablesTest {

  static final String KEY = "rule-tables-test";

  @Autowired ProcessEngine engine;
  @Autowired RuleTables tables;

  static String table(String cap) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="test">
          <decision id="%s" name="t" camunda:historyTimeToLive="P1D">
            <decisionTable id="dt" hitPolicy="COLLECT">
              <input id="i"><inputExpression id="ie" typeRef="integer"><text>size</text></inputExpression></input>
              <output id="o" name="passed" typeRef="boolean"/>
              <rule id="r1"><inputEntry id="e1"><text>&gt;= %s</text></inputEntry><outputEntry id="o1"><text>true</text></outputEntry></rule>
              <rule id="r2"><inputEntry id="e2"><text>&lt; %s</text></inputEntry><outputEntry id="o2"><text>false</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(KEY, cap, cap)
        .strip();
  }

  /** The test's tables leave again: every test context shares the database. */
  @AfterEach
  void undeploy() {
    engine
        .getRepositoryService()
        .createDeploymentQuery()
        .deploymentName(KEY)
        .list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  void deploy(String cap) {
    engine
        .getRepositoryService()
        .createDeployment()
        .name(KEY)
        .addInputStream(
            KEY + ".dmn", new ByteArrayInputStream(table(cap).getBytes(StandardCharsets.UTF_8)))
        .deploy();
  }

  @Test
  void latestVersionSameResultAsTheEngineNoHistory() {
    deploy("5");
    long historyBefore =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(KEY)
            .count();
    assertThat(
            (Object) tables.evaluate(KEY, Map.of("size", 4)).getSingleResult().getEntry("passed"))
        .isEqualTo(false);
    assertThat(
            (Object) tables.evaluate(KEY, Map.of("size", 5)).getSingleResult().getEntry("passed"))
        .isEqualTo(true);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(KEY)
                .count())
        .isEqualTo(historyBefore);
    // the engine's own evaluation gives the same rows (and does write history: the difference
    // RuleTables removes)
    assertThat(
            (Object)
                engine
                    .getDecisionService()
                    .evaluateDecisionTableByKey(KEY, Map.of("size", 4))
                    .getSingleResult()
                    .getEntry("passed"))
        .isEqualTo(false);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(KEY)
                .count())
        .isEqualTo(historyBefore + 1);

    deploy("3"); // officers change the rule: the next evaluation uses it
    assertThat(
            (Object) tables.evaluate(KEY, Map.of("size", 4)).getSingleResult().getEntry("passed"))
        .isEqualTo(true);
  }
}
