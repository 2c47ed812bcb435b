package th.go.cdd.womenfund.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Puts the {@link StepGuard} into every command the engine runs, inside its transaction. */
@Component
public class StepGuardPlugin extends AbstractProcessEnginePlugin {

  private final DutyLedger duties;
  private final StepModel model;
  private final SegregationOfDuties sod;

  public StepGuardPlugin(DutyLedger duties, StepModel model, SegregationOfDuties sod) {
    this.duties = duties;
    this.model = model;
    this.sod = sod;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration
        .getCustomPostCommandInterceptorsTxRequired()
        .add(new StepGuard(model, duties, sod));
  }
}
