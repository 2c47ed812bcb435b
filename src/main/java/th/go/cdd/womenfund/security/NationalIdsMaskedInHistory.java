package th.go.cdd.womenfund.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.system.FormJsonValues;

/**
 * Keeps full national ID numbers out of the engine's history (PDPA). Forms send them in full — a
 * loan application's list of borrowers, a death report — and the running process needs them until
 * it has registered the people (a returned application is corrected from the same text). History
 * keeps every value a variable ever had ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}) for years,
 * and supervisors read it in Cockpit, where the full number is never needed: every 13-digit number
 * in a text variable (or a form's JSON rows) is written to history masked like {@link
 * NationalId#masked()} (last 4 digits visible). The runtime value is not touched. The full number
 * stays only in the fund's member register.
 */
@Component
public class NationalIdsMaskedInHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Masking(configuration.getHistoryEventHandler()));
  }

  /** Masks variable values on their way to the history handler the engine would have used. */
  static final class Masking implements HistoryEventHandler {

    private final HistoryEventHandler next;

    Masking(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      next.handleEvent(masked(event));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(Masking::masked);
      next.handleEvents(events);
    }

    static HistoryEvent masked(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        variable.setTextValue(NationalId.maskAll(variable.getTextValue()));
        variable.setTextValue2(NationalId.maskAll(variable.getTextValue2()));
        if (FormJsonValues.TYPE_NAME.equals(variable.getSerializerName())
            && variable.getByteValue() != null) {
          // a form's rows (FormJsonValues): JSON text kept as bytes
          String json = new String(variable.getByteValue(), StandardCharsets.UTF_8);
          variable.setByteValue(NationalId.maskAll(json).getBytes(StandardCharsets.UTF_8));
        }
      }
      return event;
    }
  }
}
