package th.go.cdd.womenfund.document;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each task of a step that takes papers the address of its instance's document page, as the
 * task-local variable {@value #VARIABLE}: the step's form links to it ({@code
 * [เอกสารแนบของรายการนี้]({{documentsPage}})}). A link only: who may see or attach is decided by
 * {@link DocumentService} from the fund's records, whatever the variable says.
 */
@Component
public class DocumentLinks {

  public static final String VARIABLE = "documentsPage";

  private final List<DocumentSlots> sources;
  private volatile Set<String> steps;

  public DocumentLinks(List<DocumentSlots> sources) {
    this.sources = sources;
  }

  /** The engine's task events, published by the Spring Boot starter ({@code eventing.task}). */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void onCreate(DelegateTask task) {
    String definition = task.getProcessDefinitionId();
    if (definition == null || task.getProcessInstanceId() == null) {
      return;
    }
    String key = definition.split(":")[0] + "/" + task.getTaskDefinitionKey();
    if (steps().contains(key)) {
      task.setVariableLocal(VARIABLE, "/documents/instance/" + task.getProcessInstanceId());
    }
  }

  private Set<String> steps() {
    Set<String> s = steps;
    if (s == null) {
      // the kinds of paper change only with a migration (restructuring's checklist) or a release
      s =
          sources.stream()
              .flatMap(src -> src.slots().stream())
              .flatMap(slot -> slot.steps().stream().map(step -> slot.processKey() + "/" + step))
              .collect(Collectors.toUnmodifiableSet());
      steps = s;
    }
    return s;
  }
}
