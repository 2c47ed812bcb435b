package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The four Tasklist filters exist without the demo profile, sort by due date, are readable by every
 * group that uses Tasklist (and no other), and show an officer her district's tasks split by
 * deadline.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest {

  static final String DISTRICT = "2306"; // เกาะกูด: no other test works there
  static final long DAY = 24L * 3600 * 1000;

  @Autowired ProcessEngine engine;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  FilterService filters;
  TaskService tasks;

  @BeforeEach
  void setUp() {
    filters = engine.getFilterService();
    tasks = engine.getTaskService();
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    roles.ensureProvince(areas.province("22").orElseThrow());
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
  }

  Filter filter(String name) {
    Filter f = filters.createFilterQuery().filterName(name).singleResult();
    assertThat(f).as(name).isNotNull();
    return f;
  }

  void actAs(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
  }

  List<String> readableFilterNames() {
    return filters.createFilterQuery().list().stream()
        .map(Filter::getName)
        .filter(TasklistFilters.NAMES::contains)
        .toList();
  }

  @Test
  void theFourFiltersExistInEveryProfileOnceEachAndSortByDueDateThenCreation() {
    tasklistFilters.run(null); // a second start changes nothing
    for (String name : TasklistFilters.NAMES) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
      Filter f = filter(name);
      assertThat(f.getResourceType()).isEqualTo("Task");
      assertThat((String) f.getProperties().get("description")).matches(".*[ก-๙].*");
      List<QueryOrderingProperty> order = ((TaskQueryImpl) f.getQuery()).getOrderingProperties();
      assertThat(order).hasSize(2);
      assertThat(order.get(0).getQueryProperty()).isEqualTo(TaskQueryProperty.DUE_DATE);
      assertThat(order.get(0).getDirection()).isEqualTo(Direction.ASCENDING);
      assertThat(order.get(1).getQueryProperty()).isEqualTo(TaskQueryProperty.CREATE_TIME);
    }
    // Tasklist lists filters by priority: group work, own work, due soon, overdue
    List<Integer> priorities =
        TasklistFilters.NAMES.stream()
            .map(n -> ((Number) filter(n).getProperties().get("priority")).intValue())
            .toList();
    assertThat(priorities).isSorted();
  }

  @Test
  void everyGroupWithTasklistAccessMayReadTheFiltersAndOtherGroupsMayNot() {
    actAs("someone", Roles.districtOfficers(DISTRICT));
    assertThat(readableFilterNames()).containsExactlyInAnyOrderElementsOf(TasklistFilters.NAMES);
    actAs("someone", Roles.districtCommittee(DISTRICT));
    assertThat(readableFilterNames()).containsExactlyInAnyOrderElementsOf(TasklistFilters.NAMES);
    engine.getIdentityService().clearAuthentication();

    // a group an administrator made by hand, with Tasklist access: it gets the filters at the next
    // start
    String helpdesk = "test-filters-helpdesk";
    String outsiders = "test-filters-no-tasklist";
    for (String g : List.of(helpdesk, outsiders)) {
      if (engine.getIdentityService().createGroupQuery().groupId(g).count() == 0) {
        Group group = engine.getIdentityService().newGroup(g);
        group.setName(g);
        engine.getIdentityService().saveGroup(group);
      }
    }
    if (engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .groupIdIn(helpdesk)
            .resourceType(Resources.APPLICATION)
            .count()
        == 0) {
      Authorization a =
          engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(helpdesk);
      a.setResource(Resources.APPLICATION);
      a.setResourceId("tasklist");
      a.addPermission(Permissions.ACCESS);
      engine.getAuthorizationService().saveAuthorization(a);
    }
    tasklistFilters.run(null);
    actAs("someone", helpdesk);
    assertThat(readableFilterNames()).containsExactlyInAnyOrderElementsOf(TasklistFilters.NAMES);
    actAs("someone", outsiders);
    assertThat(readableFilterNames()).isEmpty();
  }

  @Test
  void anOfficerSeesHerDistrictsTasksMostUrgentFirstSplitByDeadline() {
    String officer = "filters-officer" + DISTRICT;
    String group = Roles.districtOfficers(DISTRICT);
    String subDistrict = areas.subDistrictsOf(DISTRICT).get(0).code();
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    List<Task> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      actAs(officer, group);
      String pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  LoanApplicationProcess.KEY,
                  DemoApplications.application(
                      40 + i, "กลุ่มทดสอบตัวกรอง " + i, subDistrict, today))
              .getId();
      engine.getIdentityService().clearAuthentication();
      mine.add(tasks.createTaskQuery().processInstanceId(pid).singleResult());
    }
    long now = System.currentTimeMillis();
    Task later = due(mine.get(0), now + 5 * DAY);
    Task soon = due(mine.get(1), now + DAY);
    Task late = due(mine.get(2), now - 2 * DAY);

    actAs(officer, group);
    List<Task> groupTasks = filters.list(filter(TasklistFilters.GROUP).getId());
    List<String> ids = groupTasks.stream().map(Task::getId).toList();
    assertThat(ids).contains(later.getId(), soon.getId(), late.getId());
    assertThat(ids.indexOf(late.getId())).isLessThan(ids.indexOf(soon.getId()));
    assertThat(ids.indexOf(soon.getId())).isLessThan(ids.indexOf(later.getId()));
    assertThat(groupTasks.stream().map(Task::getDueDate).toList())
        .isSortedAccordingTo(Date::compareTo);

    assertThat(ids(TasklistFilters.OVERDUE))
        .contains(late.getId())
        .doesNotContain(soon.getId(), later.getId());
    assertThat(ids(TasklistFilters.DUE_SOON))
        .contains(soon.getId())
        .doesNotContain(late.getId(), later.getId());
    assertThat(ids(TasklistFilters.MINE)).doesNotContain(later.getId(), soon.getId(), late.getId());

    tasks.claim(later.getId(), officer);
    assertThat(ids(TasklistFilters.MINE)).contains(later.getId());
    assertThat(ids(TasklistFilters.GROUP)).doesNotContain(later.getId()).contains(soon.getId());

    // another district's officer sees none of them
    actAs("filters-officer2301", Roles.districtOfficers("2301"));
    for (String name : TasklistFilters.NAMES) {
      assertThat(ids(name)).as(name).doesNotContain(later.getId(), soon.getId(), late.getId());
    }
    assertThat(filters.createFilterQuery().list().stream().map(Filter::getName))
        .doesNotContainAnyElementsOf(TasklistFilters.AREA_NAMES);

    // the province's supervisors: no task is offered to them, so their own "เกินกำหนด" is empty
    // (issue 13: six of
    // Trat's tasks late, supervisor23's filter showed 0); the area filters show every late or near
    // task, read-only
    engine.getIdentityService().clearAuthentication();
    roles.ensureProvince(areas.province("23").orElseThrow());
    roles.ensureProvince(areas.province("20").orElseThrow());
    actAs("filters-supervisor23", Roles.provinceSupervisors("23"));
    assertThat(ids(TasklistFilters.OVERDUE)).doesNotContain(late.getId());
    assertThat(ids(TasklistFilters.OVERDUE_AREA))
        .contains(late.getId())
        .doesNotContain(soon.getId(), later.getId());
    assertThat(ids(TasklistFilters.DUE_SOON_AREA))
        .contains(soon.getId())
        .doesNotContain(late.getId(), later.getId());
    engine.getIdentityService().clearAuthentication();
    tasks.claim(late.getId(), officer);
    actAs("filters-supervisor23", Roles.provinceSupervisors("23"));
    assertThat(ids(TasklistFilters.OVERDUE_AREA))
        .as("taken by an officer, still listed")
        .contains(late.getId());
    assertThatThrownBy(() -> tasks.complete(late.getId()))
        .as("read-only")
        .isInstanceOf(AuthorizationException.class);
    actAs("filters-supervisor20", Roles.provinceSupervisors("20"));
    assertThat(ids(TasklistFilters.OVERDUE_AREA)).doesNotContain(late.getId());
    assertThat(ids(TasklistFilters.DUE_SOON_AREA)).doesNotContain(soon.getId());
  }

  /** Tasklist opens the readable filter with the lowest priority: where each role's work waits. */
  @Test
  void eachRoleOpensOnTheFilterThatHoldsItsWork() {
    tasklistFilters.run(null);
    actAs("someone", Roles.districtOfficers(DISTRICT));
    assertThat(firstFilter()).isEqualTo(TasklistFilters.GROUP);
    actAs("someone", Roles.districtCommittee(DISTRICT));
    assertThat(firstFilter()).isEqualTo(TasklistFilters.GROUP);
    actAs("someone", Roles.provinceCommittee("23"));
    assertThat(firstFilter()).isEqualTo(TasklistFilters.GROUP);
    assertThat(readableFilterNames()).doesNotContain(TasklistFilters.OVERDUE_AREA);
    actAs("someone", Roles.provinceSupervisors("23"));
    assertThat(firstFilter()).isEqualTo(TasklistFilters.OVERDUE_AREA);
  }

  String firstFilter() {
    return filters.createFilterQuery().list().stream()
        .filter(
            f ->
                TasklistFilters.NAMES.contains(f.getName())
                    || TasklistFilters.AREA_NAMES.contains(f.getName()))
        .min(Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
        .map(Filter::getName)
        .orElseThrow();
  }

  List<String> ids(String filterName) {
    return filters.<Task>list(filter(filterName).getId()).stream().map(Task::getId).toList();
  }

  Task due(Task t, long millis) {
    engine.getIdentityService().clearAuthentication();
    t.setDueDate(new Date(millis));
    tasks.saveTask(t);
    return t;
  }
}
