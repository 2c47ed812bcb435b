package th.go.cdd.womenfund.security;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The open user tasks of an area, for the pages that show who holds what (a restructuring round, a
 * province's late work). The area of a task is its instance's record in {@code process_scope},
 * never a variable. The caller has checked that the signed-in person may see the area: the engine
 * is read as the system, since the Department holds no right on single tasks.
 */
@Service
public class OpenTasks {

  /**
   * One open task: what, of which instance and district, due when, and who holds it (a person or a
   * group).
   */
  public record OpenTask(
      String taskId,
      String name,
      String processName,
      String businessKey,
      String processInstanceId,
      String districtCode,
      LocalDate due,
      long daysToDue,
      String assignee,
      String holder) {

    public boolean late() {
      return daysToDue < 0;
    }

    /** "เลยกำหนด 3 วัน", "ครบกำหนดวันนี้", "เหลือ 2 วัน"; empty without a due date. */
    public String dueText() {
      if (due == null) {
        return "";
      }
      return daysToDue < 0
          ? "เลยกำหนด " + (-daysToDue) + " วัน"
          : daysToDue == 0 ? "ครบกำหนดวันนี้" : "เหลือ " + daysToDue + " วัน";
    }
  }

  private static final int CHUNK = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ManagementService management;
  private final JdbcClient jdbc;

  public OpenTasks(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      IdentityService identity,
      ManagementService management,
      JdbcClient jdbc) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.management = management;
    this.jdbc = jdbc;
  }

  /**
   * The open tasks of the instances with this business key (a restructuring round's district
   * packages).
   */
  public List<OpenTask> ofBusinessKey(String businessKey) {
    List<String> pids =
        asSystem(
            () ->
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey)
                    .list()
                    .stream()
                    .map(ProcessInstance::getId)
                    .toList());
    return ofInstances(pids);
  }

  /** The open tasks of these instances. */
  public List<OpenTask> ofInstances(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return asSystem(
        () -> {
          List<Task> found = new ArrayList<>();
          List<String> ids = List.copyOf(processInstanceIds);
          for (int i = 0; i < ids.size(); i += CHUNK) {
            found.addAll(
                tasks
                    .createTaskQuery()
                    .processInstanceIdIn(
                        ids.subList(i, Math.min(ids.size(), i + CHUNK)).toArray(String[]::new))
                    .orderByDueDate()
                    .asc()
                    .list());
          }
          return describe(found, districts(found));
        });
  }

  /**
   * The province's active tasks that are late or due within {@code nearDays} days (today counts as
   * near), most late first.
   *
   * <p>One query joins the engine's task table to {@code process_scope} on the province, so only
   * the province's own tasks are read: a national deployment has thousands of due tasks in other
   * provinces, and a province thousands of instances (too many for an id list).
   */
  public List<OpenTask> lateOrNear(String provinceCode, int nearDays) {
    LocalDate today = EngineClock.today();
    Date horizon =
        Date.from(today.plusDays(nearDays + 1L).atStartOfDay(ThaiDates.BANGKOK).toInstant());
    return asSystem(
        () -> {
          List<Task> ours =
              tasks
                  .createNativeTaskQuery()
                  .sql(
                      "select RES.* from "
                          + management.getTableName(Task.class)
                          + " RES join process_scope S on S.process_instance_id = RES.PROC_INST_ID_"
                          + " where S.province_code = #{province} and RES.SUSPENSION_STATE_ = 1"
                          + " and RES.DUE_DATE_ < #{horizon} order by RES.DUE_DATE_ asc, RES.ID_ asc")
                  .parameter("province", provinceCode)
                  .parameter("horizon", horizon)
                  .list();
          return describe(ours, districts(ours));
        });
  }

  /** The district of each task's instance, from the fund's records. */
  private Map<String, String> districts(List<Task> found) {
    Map<String, String> districts = new HashMap<>();
    List<String> pids =
        found.stream().map(Task::getProcessInstanceId).filter(p -> p != null).distinct().toList();
    for (int i = 0; i < pids.size(); i += CHUNK) {
      List<String> part = pids.subList(i, Math.min(pids.size(), i + CHUNK));
      String marks = String.join(",", Collections.nCopies(part.size(), "?"));
      jdbc.sql(
              "select process_instance_id, district_code, province_code from process_scope"
                  + " where process_instance_id in ("
                  + marks
                  + ")")
          .params(List.copyOf(part))
          .query(
              (rs, n) -> {
                if (rs.getString(2) != null) {
                  districts.put(rs.getString(1), rs.getString(2));
                }
                return null;
              })
          .list();
    }
    return districts;
  }

  private List<OpenTask> describe(List<Task> found, Map<String, String> districts) {
    LocalDate today = EngineClock.today();
    Map<String, String> processNames = new HashMap<>();
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> pids =
        found.stream().map(Task::getProcessInstanceId).filter(p -> p != null).distinct().toList();
    for (int i = 0; i < pids.size(); i += CHUNK) {
      for (ProcessInstance pi :
          runtime
              .createProcessInstanceQuery()
              .processInstanceIds(new HashSet<>(pids.subList(i, Math.min(pids.size(), i + CHUNK))))
              .list()) {
        businessKeys.put(pi.getId(), pi.getBusinessKey());
      }
    }
    List<OpenTask> out = new ArrayList<>();
    for (Task t : found) {
      String processName =
          t.getProcessDefinitionId() == null
              ? ""
              : processNames.computeIfAbsent(
                  t.getProcessDefinitionId(),
                  id ->
                      Optional.ofNullable(repository.getProcessDefinition(id))
                          .map(ProcessDefinition::getName)
                          .orElse(""));
      LocalDate due =
          t.getDueDate() == null
              ? null
              : t.getDueDate().toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
      long days = due == null ? 0 : ChronoUnit.DAYS.between(today, due);
      out.add(
          new OpenTask(
              t.getId(),
              t.getName(),
              processName,
              businessKeys.get(t.getProcessInstanceId()),
              t.getProcessInstanceId(),
              districts.get(t.getProcessInstanceId()),
              due,
              days,
              t.getAssignee(),
              holder(t, names)));
    }
    return out;
  }

  /**
   * Who holds the task: the person who took it, else the groups it is offered to, by their names.
   */
  private String holder(Task t, Map<String, String> names) {
    if (t.getAssignee() != null) {
      return names.computeIfAbsent(
          "u:" + t.getAssignee(),
          k -> {
            User u = identity.createUserQuery().userId(t.getAssignee()).singleResult();
            String name =
                u == null
                    ? ""
                    : ((u.getFirstName() == null ? "" : u.getFirstName())
                            + " "
                            + (u.getLastName() == null ? "" : u.getLastName()))
                        .strip();
            return name.isEmpty() ? t.getAssignee() : name + " (" + t.getAssignee() + ")";
          });
    }
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(
            names.computeIfAbsent(
                "g:" + link.getGroupId(),
                k -> {
                  Group g = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
                  return g == null || g.getName() == null ? link.getGroupId() : g.getName();
                }));
      }
    }
    return groups.isEmpty()
        ? "ยังไม่มีผู้รับผิดชอบ"
        : "รอผู้รับงานจาก " + String.join(", ", groups);
  }

  private <T> T asSystem(Supplier<T> read) {
    Authentication saved = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (saved != null) {
        identity.setAuthentication(saved);
      }
    }
  }

  /** Late and near tasks grouped by district code (in the order given), for a page. */
  public static Map<String, List<OpenTask>> byDistrict(
      List<OpenTask> list, List<String> districtOrder) {
    Map<String, List<OpenTask>> out = new LinkedHashMap<>();
    districtOrder.forEach(d -> out.put(d, new ArrayList<>()));
    for (OpenTask t : list) {
      out.computeIfAbsent(t.districtCode() == null ? "" : t.districtCode(), k -> new ArrayList<>())
          .add(t);
    }
    return out;
  }
}
