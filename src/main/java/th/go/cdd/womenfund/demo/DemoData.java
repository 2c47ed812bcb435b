package th.go.cdd.womenfund.demo;

import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.security.AccountSettings;
import th.go.cdd.womenfund.security.AdminAccount;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Demo profile (on by default): Trat province (23), its 7 districts' officers and committees, the
 * province's officers, committee and supervisors, their rights, Tasklist filters, and a dozen loan
 * applications spread over the steps. Idempotent: each part is created only when missing.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

  public static final String PROVINCE = "23";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** Tasklist filters: the same names for every role; the query does the scoping. */
  public static final String FILTER_MINE = "งานของฉัน";
  public static final String FILTER_GROUP = "งานของกลุ่ม";
  public static final String FILTER_DUE_SOON = "ใกล้ครบกำหนด";
  public static final String FILTER_OVERDUE = "เกินกำหนด";

  private final AreaRepository areas;
  private final AccountSettings settings;
  private final JdbcClient jdbc;
  private final ProcessEngine engine;

  public DemoData(AreaRepository areas, AccountSettings settings, JdbcClient jdbc, ProcessEngine engine) {
    this.engine = engine;
    this.areas = areas;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<District> districts = areas.districtsOf(PROVINCE);
    users(engine.getIdentityService(), engine.getAuthorizationService(), districts);
    List<String> filterIds = filters(engine.getFilterService(), engine.getTaskService());
    grantFilters(engine.getAuthorizationService(), districts, filterIds);
    if (jdbc.sql("select count(*) from loan_project").query(Integer.class).single() == 0) {
      applications(engine, districts);
    }
  }

  public static List<String> tratGroups(List<District> districts) {
    List<String> groups = new ArrayList<>();
    for (District d : districts) {
      groups.add(Roles.districtOfficers(d.code()));
      groups.add(Roles.districtCommittee(d.code()));
    }
    groups.add(Roles.provinceOfficers(PROVINCE));
    groups.add(Roles.provinceCommittee(PROVINCE));
    groups.add(Roles.provinceSupervisors(PROVINCE));
    return groups;
  }

  private void users(IdentityService identity, AuthorizationService auth, List<District> districts) {
    if (identity.createGroupQuery().groupId(Roles.provinceSupervisors(PROVINCE)).count() > 0) {
      return;
    }
    String password = settings.demo().hasPassword() ? settings.demo().password() : AdminAccount.generatePassword();
    int n = 0;
    for (District d : districts) {
      areas.setOfficeEmail(d.code(), "cdd" + d.code() + "@womenfund.example");
      group(identity, Roles.districtOfficers(d.code()), "เจ้าหน้าที่พัฒนาชุมชนอำเภอ" + d.nameTh());
      group(identity, Roles.districtCommittee(d.code()), "คณะอนุกรรมการกลั่นกรองฯ อำเภอ" + d.nameTh());
      user(identity, "officer" + d.code(), DemoPeople.FIRST.get(n++), "เจ้าหน้าที่อำเภอ" + d.nameTh(), password,
          Roles.districtOfficers(d.code()));
      user(identity, "committee" + d.code(), DemoPeople.FIRST.get(n++), "อนุกรรมการอำเภอ" + d.nameTh(), password,
          Roles.districtCommittee(d.code()));
      grant(auth, Roles.districtOfficers(d.code()), Resources.PROCESS_DEFINITION, LoanApplicationProcess.KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(auth, Roles.districtOfficers(d.code()), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    group(identity, Roles.provinceOfficers(PROVINCE), "เจ้าหน้าที่พัฒนาชุมชนจังหวัดตราด");
    group(identity, Roles.provinceCommittee(PROVINCE), "คณะอนุกรรมการกองทุนพัฒนาบทบาทสตรีจังหวัดตราด");
    group(identity, Roles.provinceSupervisors(PROVINCE), "ผู้บังคับบัญชา สำนักงานพัฒนาชุมชนจังหวัดตราด");
    user(identity, "provofficer23", "กาญจนา", "เจ้าหน้าที่จังหวัดตราด", password, Roles.provinceOfficers(PROVINCE));
    user(identity, "provcommittee23", "วิไล", "อนุกรรมการจังหวัดตราด", password, Roles.provinceCommittee(PROVINCE));
    user(identity, "supervisor23", "ศิริพร", "พัฒนาการจังหวัดตราด", password, Roles.provinceSupervisors(PROVINCE));

    for (String g : tratGroups(districts)) {
      grant(auth, g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    String sup = Roles.provinceSupervisors(PROVINCE);
    grant(auth, sup, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auth, sup, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auth, sup, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grant(auth, sup, Resources.TASK, Authorization.ANY, Permissions.READ);
    grant(auth, sup, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auth, sup, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    if (!settings.demo().hasPassword()) {
      System.out.println("\n==== womenfund: รหัสผ่านของผู้ใช้ตัวอย่างทุกคน (แสดงครั้งเดียว) ====\n  รหัสผ่าน: " + password
          + "\n  ผู้ใช้: officer2301..officer2307, committee2301..committee2307, provofficer23, provcommittee23, supervisor23"
          + "\n==========================================================\n");
    }
    LOG.info("demo users and groups of Trat created");
  }

  private List<String> filters(FilterService filters, TaskService tasks) {
    List<String> ids = new ArrayList<>();
    ids.add(filter(filters, FILTER_MINE, "งานที่มอบหมายให้ฉัน", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    ids.add(filter(filters, FILTER_GROUP, "งานของกลุ่มที่ยังไม่มีผู้รับ", -5,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()));
    ids.add(filter(filters, FILTER_DUE_SOON, "งานที่ครบกำหนดภายใน 3 วัน", 0,
        mineOrGroups(tasks).dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")));
    ids.add(filter(filters, FILTER_OVERDUE, "งานที่เลยวันครบกำหนดแล้ว", 5,
        mineOrGroups(tasks).dueBeforeExpression("${now()}")));
    return ids;
  }

  private static TaskQuery mineOrGroups(TaskService tasks) {
    return tasks.createTaskQuery().or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  private static String filter(FilterService filters, String name, String description, int priority, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", Var.APPLICATION_NO, "label", "เลขที่คำขอ"),
        Map.of("name", Var.GROUP_NAME, "label", "กลุ่ม"),
        Map.of("name", Var.AREA_NAME, "label", "พื้นที่")));
    query.orderByDueDate().asc();
    Filter f = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(f);
    return f.getId();
  }

  private static void grantFilters(AuthorizationService auth, List<District> districts, List<String> filterIds) {
    for (String g : tratGroups(districts)) {
      for (String id : filterIds) {
        if (auth.createAuthorizationQuery().groupIdIn(g).resourceType(Resources.FILTER).resourceId(id).count() == 0) {
          grant(auth, g, Resources.FILTER, id, Permissions.READ);
        }
      }
    }
  }

  private static void group(IdentityService identity, String id, String name) {
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType("WORKFLOW");
    identity.saveGroup(g);
  }

  private static void user(IdentityService identity, String id, String first, String last, String password, String group) {
    User u = identity.newUser(id);
    u.setFirstName(first);
    u.setLastName(last);
    u.setEmail(id + "@womenfund.example");
    u.setPassword(password);
    identity.saveUser(u);
    identity.createMembership(id, group);
  }

  static void grant(AuthorizationService auth, String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    auth.saveAuthorization(a);
  }

  /** Twelve applications, each taken as far as its stage by the officers who would do it. */
  private void applications(ProcessEngine engine, List<District> districts) {
    String[] stages = {"endorsement", "endorsement", "screening", "screening", "screening-after-fix", "fix",
        "province", "province", "contract", "transfer", "endorsement", "screening"};
    String[] groups = {"กลุ่มแม่บ้านเกษตรกร", "กลุ่มสตรีทอผ้า", "กลุ่มแปรรูปอาหารทะเล", "กลุ่มสตรีเลี้ยงไก่ไข่",
        "กลุ่มจักสานกระจูด", "กลุ่มสตรีค้าขายชุมชน", "กลุ่มทำขนมไทย", "กลุ่มปลูกผักปลอดสาร", "กลุ่มนวดแผนไทย",
        "กลุ่มเลี้ยงปูนิ่ม", "กลุ่มตัดเย็บเสื้อผ้า", "กลุ่มทำผ้ามัดย้อม"};
    LocalDate today = EngineClock.today();
    RuntimeService runtime = engine.getRuntimeService();
    IdentityService identity = engine.getIdentityService();
    try {
      for (int i = 0; i < stages.length; i++) {
        District d = districts.get(i % districts.size());
        List<SubDistrict> subs = areas.subDistrictsOf(d.code());
        SubDistrict s = subs.get(i % subs.size());
        Map<String, Object> vars = DemoApplications.application(i, groups[i] + "บ้าน" + s.nameTh(), s.code(), today);
        identity.setAuthentication("officer" + d.code(), List.of(Roles.districtOfficers(d.code())));
        String pid = runtime.startProcessInstanceByKey(LoanApplicationProcess.KEY, vars).getId();
        DemoApplications.advance(engine, pid, d.code(), stages[i], today);
      }
      identity.clearAuthentication();
      overdueExamples(engine.getTaskService());
    } finally {
      identity.clearAuthentication();
    }
    LOG.info("demo loan applications created");
  }

  /** Two tasks made late and one due tomorrow, so the filters and Cockpit have something to show. */
  private static void overdueExamples(TaskService tasks) {
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(LoanApplicationProcess.KEY)
        .orderByTaskCreateTime().asc().list();
    long day = 24L * 3600 * 1000;
    for (int i = 0; i < open.size() && i < 3; i++) {
      Task t = open.get(i);
      t.setDueDate(new Date(System.currentTimeMillis() + (i < 2 ? -(i + 2) * day : day)));
      tasks.saveTask(t);
    }
  }
}
