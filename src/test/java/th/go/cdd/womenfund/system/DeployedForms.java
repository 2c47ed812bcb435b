package th.go.cdd.womenfund.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The deployed Camunda Forms and the names they bind: field keys and {{variables}} they show. */
public final class DeployedForms {

  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "datetime");
  private static final Pattern TEMPLATE_VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployedForms() {}

  /**
   * Form id -> the form's JSON, for every .form deployed with the latest process definitions;
   * throws when a form's id is not its file name.
   */
  public static Map<String, JsonNode> all(ProcessEngine engine) {
    RepositoryService repo = engine.getRepositoryService();
    Map<String, JsonNode> forms = new HashMap<>();
    for (ProcessDefinition pd : repo.createProcessDefinitionQuery().latestVersion().list()) {
      for (Resource r : repo.getDeploymentResources(pd.getDeploymentId())) {
        if (r.getName().endsWith(".form")) {
          try (InputStream in = repo.getResourceAsStream(pd.getDeploymentId(), r.getName())) {
            JsonNode form = JSON.readTree(in);
            String id = form.get("id").asText();
            if (!r.getName().endsWith("/" + id + ".form")) { // form id = file name
              throw new IllegalStateException(
                  "form id " + id + " is not the name of its file " + r.getName());
            }
            forms.put(id, form);
          } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return forms;
  }

  /** The formRefs of a process's start events and user tasks. */
  public static Set<String> refsOf(ProcessEngine engine, String processKey) {
    RepositoryService repo = engine.getRepositoryService();
    ProcessDefinition pd =
        repo.createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    BpmnModelInstance model = repo.getBpmnModelInstance(pd.getId());
    Set<String> ids = new TreeSet<>();
    model.getModelElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef)
        .filter(r -> r != null)
        .forEach(ids::add);
    model.getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef)
        .forEach(ids::add);
    return ids;
  }

  /** Every variable name a form binds (field keys) or shows ({{name}} in text components). */
  public static Set<String> boundNames(JsonNode form) {
    Set<String> names = new TreeSet<>();
    for (JsonNode c : form.get("components")) {
      String type = c.get("type").asText();
      if (INPUT_TYPES.contains(type)) {
        names.add(c.get("key").asText());
      }
      if (type.equals("text")) {
        Matcher m = TEMPLATE_VARIABLE.matcher(c.get("text").asText());
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
