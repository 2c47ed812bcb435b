package th.go.cdd.womenfund.system;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine (business rule tasks: the overdue ladder, restructuring eligibility) the
 * FEEL engine that parses each expression once ({@link ParsedFeelCache}). {@code womenfund.dmn.parsed-feel-cache=false}
 * leaves Camunda's own.
 */
@Component
public class ParsedFeelCachePlugin extends AbstractProcessEnginePlugin {

  private final boolean enabled;

  public ParsedFeelCachePlugin(DmnSettings settings) {
    this.enabled = settings.parsedFeelCache();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled || configuration.isDmnFeelEnableLegacyBehavior()) {
      return;
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    ParsedFeelCache.install(dmn);
  }
}
