package th.go.cdd.womenfund.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What the model says about one step (a user task or a start event): the inputs it accepts and the
 * duty it is part of. Inputs are the field keys of the deployed Camunda Form the step names ({@code
 * camunda:formRef}), or, for a step without a form, the names listed in its extension property
 * {@code inputs} (comma-separated; none when absent). The duty is the extension property {@code
 * duty}, else the element id: one person performs at most one duty of an instance ({@link
 * DutyLedger}). Read once per process definition and element; a new deployment clears what was
 * read.
 */
@org.springframework.stereotype.Component
public class StepModel {

  public static final String INPUTS_PROPERTY = "inputs";
  public static final String DUTY_PROPERTY = "duty";

  /** One step of one process definition. */
  public record Step(
      String processDefinitionId, String elementId, String name, String duty, Set<String> inputs) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Step> cache = new ConcurrentHashMap<>();

  /** The step; {@code deployedForm} reads the deployed form of the step when it has one. */
  public Step step(
      RepositoryService repository,
      String processDefinitionId,
      String elementId,
      FormReader deployedForm) {
    return cache.computeIfAbsent(
        processDefinitionId + "#" + elementId,
        k -> read(repository, processDefinitionId, elementId, deployedForm));
  }

  public void forget() {
    cache.clear();
  }

  /** Reads the deployed form of a step (an engine call). */
  @FunctionalInterface
  public interface FormReader {
    InputStream read();
  }

  private static Step read(
      RepositoryService repository, String processDefinitionId, String elementId, FormReader form) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    BaseElement element = model.getModelElementById(elementId);
    if (element == null) {
      return new Step(processDefinitionId, elementId, elementId, elementId, Set.of());
    }
    String name = element instanceof FlowElement f && f.getName() != null ? f.getName() : elementId;
    String duty = property(element, DUTY_PROPERTY);
    Set<String> inputs = new LinkedHashSet<>();
    String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    if (formRef != null && !formRef.isBlank()) {
      try (InputStream in = form.read()) {
        collectKeys(JSON.readTree(in), inputs);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the form of " + elementId, e);
      }
    }
    String listed = property(element, INPUTS_PROPERTY);
    if (listed != null) {
      for (String n : listed.split(",")) {
        if (!n.isBlank()) {
          inputs.add(n.strip());
        }
      }
    }
    return new Step(
        processDefinitionId, elementId, name, duty == null ? elementId : duty, Set.copyOf(inputs));
  }

  private static String property(BaseElement element, String name) {
    ExtensionElements ext = element.getExtensionElements();
    if (ext == null) {
      return null;
    }
    Collection<CamundaProperties> all =
        ext.getElementsQuery().filterByType(CamundaProperties.class).list();
    for (CamundaProperties props : all) {
      for (CamundaProperty p : props.getCamundaProperties()) {
        if (name.equals(p.getCamundaName())) {
          return p.getCamundaValue();
        }
      }
    }
    return null;
  }

  /**
   * The variables a form-js form submits: the first segment of each field's key; a container with a
   * {@code path} (group, dynamic list) submits under that path.
   */
  static void collectKeys(JsonNode node, Set<String> keys) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectKeys(n, keys));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode path = node.get("path");
    if (path != null && path.isTextual() && !path.asText().isBlank() && node.has("components")) {
      keys.add(firstSegment(path.asText()));
      return;
    }
    JsonNode key = node.get("key");
    if (key != null
        && key.isTextual()
        && !key.asText().isBlank()
        && !"button".equals(node.path("type").asText())) {
      keys.add(firstSegment(key.asText()));
    }
    collectKeys(node.get("components"), keys);
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
