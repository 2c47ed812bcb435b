package th.go.cdd.womenfund.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who is told about a task, from the Camunda identity service: its assignee, or else its candidate
 * users and the members of its candidate groups. Users without an email address are left out.
 */
@Component
public class TaskRecipients {

  private final TaskService tasks;
  private final IdentityService identity;

  public TaskRecipients(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** user id -> email. */
  public Map<String, String> of(Task task) {
    Map<String, String> result = new LinkedHashMap<>();
    if (task.getAssignee() != null) {
      add(result, identity.createUserQuery().userId(task.getAssignee()).list());
      return result;
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        add(result, identity.createUserQuery().userId(link.getUserId()).list());
      }
      if (link.getGroupId() != null) {
        add(result, identity.createUserQuery().memberOfGroup(link.getGroupId()).list());
      }
    }
    return result;
  }

  /** The groups a user belongs to. */
  public List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId())
        .toList();
  }

  public User user(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }

  private static void add(Map<String, String> result, List<User> users) {
    for (User u : users) {
      if (u.getEmail() != null && !u.getEmail().isBlank()) {
        result.putIfAbsent(u.getId(), u.getEmail());
      }
    }
  }
}
