package th.go.cdd.womenfund.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a screening table (loan eligibility, membership
 * eligibility) without writing decision history.
 *
 * <p>At history level full the engine stores every evaluation: one decision instance, a row per
 * input and a row per output of every matched rule — 30 statements for one loan application (7
 * inputs, 7 criteria × 3 outputs; docs/PERFORMANCE.md, section 1). The outcome of these screenings
 * is already kept where officers and auditors read it: each criterion's line is in the
 * application's summary (a process variable, kept in history) and the refusal message names the
 * failed ones. So the latest deployed table is read through the repository (officers still change
 * the rules by deploying a new version; its parsed form is kept by definition id, which a new
 * version changes) and evaluated by a DMN engine of its own, which has no history listener. Public
 * engine API only. Tables whose evaluations are the audit trail (the overdue ladder, restructuring
 * eligibility) stay with {@link org.camunda.bpm.engine.DecisionService}.
 */
@Component
public class RuleTables {

  private final RepositoryService repository;
  private final DmnEngine dmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public RuleTables(RepositoryService repository) {
    this.repository = repository;
  }

  /** The rows of the latest deployed version of the table {@code key} for these inputs. */
  public DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) {
    DecisionDefinition latest =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(key)
            .latestVersion()
            .singleResult();
    if (latest == null) {
      throw new IllegalStateException("no decision table " + key + " is deployed");
    }
    DmnDecision table = parsed.computeIfAbsent(latest.getId(), id -> parse(latest));
    return dmnEngine.evaluateDecisionTable(table, Variables.fromMap(inputs));
  }

  private DmnDecision parse(DecisionDefinition definition) {
    try (InputStream xml = repository.getDecisionModel(definition.getId())) {
      return dmnEngine.parseDecision(definition.getKey(), xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
