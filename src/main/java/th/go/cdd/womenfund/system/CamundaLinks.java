package th.go.cdd.womenfund.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Addresses (relative to the app) of the Cockpit and Tasklist views behind a figure. */
@Component
public class CamundaLinks {

  public static final String COCKPIT = "/camunda/app/cockpit/default/#";
  public static final String TASKLIST = "/camunda/app/tasklist/default/#";

  private final RepositoryService repository;

  public CamundaLinks(RepositoryService repository) {
    this.repository = repository;
  }

  /**
   * The process definition's instances in Cockpit, filtered by a process variable when {@code
   * variable} is given.
   */
  public String processDefinition(String key, String variable, String value) {
    return filtered(processDefinition(key), variable, value);
  }

  /**
   * The latest version of the process definition in Cockpit: one engine query (with its
   * authorization checks), so a page with a link per row looks it up once and filters it per row
   * with {@link #filtered}.
   */
  public String processDefinition(String key) {
    ProcessDefinition pd =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return pd == null
        ? COCKPIT + "/processes"
        : COCKPIT + "/process-definition/" + pd.getId() + "/runtime";
  }

  /**
   * {@code definitionLink} (from {@link #processDefinition(String)}) filtered by a process
   * variable; unchanged when {@code variable} is null or the definition is not deployed.
   */
  public static String filtered(String definitionLink, String variable, String value) {
    if (variable == null || !definitionLink.endsWith("/runtime")) {
      return definitionLink;
    }
    String query =
        "[{\"type\":\"PIvariable\",\"operator\":\"eq\",\"value\":\""
            + value
            + "\",\"name\":\""
            + variable
            + "\"}]";
    return definitionLink + "?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  public String processInstance(String processInstanceId) {
    return COCKPIT + "/process-instance/" + processInstanceId + "/runtime";
  }

  public String decisionDefinition(String key) {
    DecisionDefinition dd =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return dd == null ? COCKPIT + "/decisions" : COCKPIT + "/decision-definition/" + dd.getId();
  }

  /** A Tasklist filter by name (its id is looked up by Tasklist); the whole list when none. */
  public String tasklist() {
    return TASKLIST + "/";
  }
}
