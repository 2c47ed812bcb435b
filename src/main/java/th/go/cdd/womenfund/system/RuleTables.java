package th.go.cdd.womenfund.system;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a screening table (loan eligibility, membership eligibility) without
 * writing decision history.
 *
 * <p>At history level full the engine stores every evaluation: one decision instance, a row per input and a row
 * per output of every matched rule — 30 statements for one loan application (7 inputs, 7 criteria × 3 outputs;
 * docs/PERFORMANCE.md, section 1). The outcome of these screenings is already kept where officers and auditors
 * read it: each criterion's line is in the application's summary (a process variable, kept in history) and the
 * refusal message names the failed ones. So the table is read from the engine's deployment cache (officers
 * still change the rules by deploying a new version) and evaluated by a DMN engine of its own, which has no
 * history listener. Tables whose evaluations are the audit trail (the overdue ladder, restructuring
 * eligibility) stay with {@link org.camunda.bpm.engine.DecisionService}.
 */
@Component
public class RuleTables {

  private final ProcessEngineConfigurationImpl configuration;
  private final DmnEngine dmnEngine;

  /** {@link DmnSettings#parsedFeelCache()}: each FEEL text of the tables parsed once ({@link ParsedFeelCache}), as for the engine. */
  public RuleTables(ProcessEngine engine, DmnSettings settings) {
    boolean parsedFeelCache = settings.parsedFeelCache();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    this.dmnEngine = (parsedFeelCache ? ParsedFeelCache.install(dmn) : dmn).buildEngine();
  }

  /** The rows of the latest deployed version of the table {@code key} for these inputs. */
  public DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) {
    DmnDecision table = configuration.getCommandExecutorTxRequired().execute(context -> (DmnDecision)
        context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(key));
    return dmnEngine.evaluateDecisionTable(table, Variables.fromMap(inputs));
  }
}
