package th.go.cdd.womenfund.security;

import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The four Tasklist filters every role works from, in every profile: งานของฉัน, งานของกลุ่ม,
 * ใกล้ครบกำหนด, เกินกำหนด; and two more for those who oversee an area ({@link #AREA_NAMES}). The
 * same filters serve every role and area: their queries use the logged-in user and her groups, and
 * the engine's authorizations keep each officer inside her district. Each sorts by due date (the
 * most urgent first), then by creation.
 *
 * <p>Runs on every start, after the admin account and before the demo data: creates a missing
 * filter, brings an existing one (found by its name) back to the definition here, and lets every
 * group that may use Tasklist read the four. Groups created later get the same right from {@link
 * RoleAuthorizations}.
 */
@Component
@Order(5)
public class TasklistFilters implements ApplicationRunner {

  public static final String MINE = "งานของฉัน";
  public static final String GROUP = "งานของกลุ่ม";
  public static final String DUE_SOON = "ใกล้ครบกำหนด";
  public static final String OVERDUE = "เกินกำหนด";

  /** In the order Tasklist lists them. */
  public static final List<String> NAMES = List.of(GROUP, MINE, DUE_SOON, OVERDUE);

  /**
   * For those who oversee an area without working on its tasks (a province's supervisors, the
   * Department): every task they may read that is due soon or late, whoever holds it. Their area is
   * what the engine lets them read (per task, {@link ProvinceTaskVisibility}); the four filters
   * above show only one's own and one's groups' tasks, so a supervisor's "เกินกำหนด" stayed empty
   * while her province's work was late (issue 13).
   */
  public static final String DUE_SOON_AREA = "ใกล้ครบกำหนดทั้งพื้นที่";

  public static final String OVERDUE_AREA = "เกินกำหนดทั้งพื้นที่";
  public static final List<String> AREA_NAMES = List.of(DUE_SOON_AREA, OVERDUE_AREA);

  /** "Due soon" means due within this many days from now. */
  public static final int DUE_SOON_DAYS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService auth;
  private final RoleAuthorizations roles;

  public TasklistFilters(ProcessEngine engine, RoleAuthorizations roles) {
    this.filters = engine.getFilterService();
    this.tasks = engine.getTaskService();
    this.auth = engine.getAuthorizationService();
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> ids = ensure();
    List<String> groups = groupsWithTasklistAccess();
    roles.grantFilters(groups, ids);
    List<String> overseers = groups.stream().filter(TasklistFilters::oversees).toList();
    roles.grantFilters(overseers, existingAreaIds(filters));
    LOG.info(
        "Tasklist filters {} readable by {} groups, {} by {}",
        NAMES,
        groups.size(),
        AREA_NAMES,
        overseers.size());
  }

  /**
   * Groups that oversee an area's work without doing it: a province's supervisors, the Department.
   */
  static boolean oversees(String group) {
    return Roles.DEPARTMENT.equals(group)
        || (group.startsWith("province-") && group.endsWith("-supervisors"));
  }

  /** Creates or updates the four filters; returns their ids in {@link #NAMES} order. */
  public List<String> ensure() {
    List<String> ids = new ArrayList<>();
    // Tasklist opens the first filter by priority: the group's unclaimed work for officers and
    // committees
    ids.add(
        save(
            GROUP,
            "งานของกลุ่มที่ยังไม่มีผู้รับ กด \"รับงาน\" ก่อนทำ",
            -10,
            null,
            tasks
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned()));
    ids.add(
        save(
            MINE,
            "งานที่ฉันรับไว้แล้ว เรียงตามวันครบกำหนด",
            -5,
            null,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    ids.add(
        save(
            DUE_SOON,
            "งานของฉันหรือของกลุ่มที่ครบกำหนดภายใน " + DUE_SOON_DAYS + " วัน",
            0,
            "#e5a100",
            mineOrGroups()
                .dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}")));
    ids.add(
        save(
            OVERDUE,
            "งานของฉันหรือของกลุ่มที่เลยวันครบกำหนดแล้ว",
            5,
            "#b5152b",
            mineOrGroups().dueBeforeExpression("${now()}")));
    // no criterion on people: the engine's read rights alone keep each overseer inside her area.
    // The late one
    // comes before every other (priority -20): those who oversee have no tasks of their own, so
    // Tasklist opens it
    save(
        DUE_SOON_AREA,
        "ทุกงานในพื้นที่ที่ท่านดูแลที่ครบกำหนดภายใน "
            + DUE_SOON_DAYS
            + " วัน ไม่ว่าใครรับผิดชอบ (ดูได้อย่างเดียว)",
        -15,
        "#e5a100",
        tasks
            .createTaskQuery()
            .dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}"));
    save(
        OVERDUE_AREA,
        "ทุกงานในพื้นที่ที่ท่านดูแลที่เลยวันครบกำหนดแล้ว ไม่ว่าใครรับผิดชอบ (ดูได้อย่างเดียว)",
        -20,
        "#b5152b",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    return ids;
  }

  /** Ids of the overseers' two filters that exist now. */
  public static List<String> existingAreaIds(FilterService filters) {
    List<String> ids = new ArrayList<>();
    for (String name : AREA_NAMES) {
      Filter f = filters.createFilterQuery().filterName(name).singleResult();
      if (f != null) {
        ids.add(f.getId());
      }
    }
    return ids;
  }

  /** Ids of the four filters that exist now (any missing one is left out). */
  public static List<String> existingIds(FilterService filters) {
    List<String> ids = new ArrayList<>();
    for (String name : NAMES) {
      Filter f = filters.createFilterQuery().filterName(name).singleResult();
      if (f != null) {
        ids.add(f.getId());
      }
    }
    return ids;
  }

  /** Groups granted the Tasklist application (by name or by "any"). */
  List<String> groupsWithTasklistAccess() {
    List<String> groups = new ArrayList<>();
    for (String app : List.of("tasklist", Authorization.ANY)) {
      for (Authorization a :
          auth.createAuthorizationQuery()
              .resourceType(Resources.APPLICATION)
              .resourceId(app)
              .hasPermission(Permissions.ACCESS)
              .list()) {
        if (a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
            && a.getGroupId() != null
            && !groups.contains(a.getGroupId())) {
          groups.add(a.getGroupId());
        }
      }
    }
    return groups;
  }

  private TaskQuery mineOrGroups() {
    return tasks
        .createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  private String save(
      String name, String description, int priority, String color, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    if (color != null) {
      properties.put("color", color);
    }
    properties.put(
        "variables",
        List.of(
            Map.of("name", Var.APPLICATION_NO, "label", "เลขที่คำขอ"),
            Map.of("name", Var.GROUP_NAME, "label", "กลุ่ม"),
            Map.of("name", Var.AREA_NAME, "label", "พื้นที่")));
    query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    if (f == null) {
      f = filters.newTaskFilter(name);
    }
    f.setProperties(properties).setQuery(query);
    filters.saveFilter(f);
    return f.getId();
  }
}
