package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine of {@link ProcessModel} is the bare engine: none of the app's plugins (StepGuard, the
 * FEEL cache, the identity and history guards), no extra command interceptors or parse listeners,
 * no job executor, no authorization checks. A model test proves the BPMN's paths; the guards have
 * their own Spring tests.
 */
@ModelTest
class PlainEngineModelTest {

  @RegisterExtension static final ProcessModel model = ProcessModel.of();

  @Test
  void noPluginGuardOrListenerOfTheApp() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) model.engine().getProcessEngineConfiguration();

    assertThat(configuration.getProcessEnginePlugins()).isEmpty();
    assertThat(ours(configuration.getCommandInterceptorsTxRequired())).isEmpty();
    assertThat(ours(configuration.getCustomPreBPMNParseListeners())).isEmpty();
    assertThat(ours(configuration.getCustomPostBPMNParseListeners())).isEmpty();
    assertThat(ours(configuration.getCustomHistoryEventHandlers())).isEmpty();
    assertThat(configuration.isJobExecutorActivate()).isFalse();
    assertThat(configuration.isAuthorizationEnabled()).isFalse();
  }

  /** The app's own classes among {@code parts}. */
  private static List<String> ours(List<?> parts) {
    return parts == null
        ? List.of()
        : parts.stream()
            .map(p -> p.getClass().getName())
            .filter(name -> name.startsWith("th.go.cdd."))
            .toList();
  }
}
