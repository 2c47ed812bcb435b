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
    ProcessDefinition pd =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    if (pd == null) {
      return COCKPIT + "/processes";
    }
    String link = COCKPIT + "/process-definition/" + pd.getId() + "/runtime";
    if (variable != null) {
      String query =
          "[{\"type\":\"PIvariable\",\"operator\":\"eq\",\"value\":\""
              + value
              + "\",\"name\":\""
              + variable
              + "\"}]";
      link += "?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
    return link;
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
