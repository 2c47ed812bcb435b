package th.go.cdd.womenfund.demo;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
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
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Demo profile (on by default): Trat province (23), its 7 districts' officers and committees, the
 * province's officers, committee and supervisors, their rights (including the Tasklist filters of
 * {@link th.go.cdd.womenfund.security.TasklistFilters}, which exist in every profile), and a dozen
 * loan applications spread over the steps. Idempotent: each part is created only when missing.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

  public static final String PROVINCE = "23";

  /** The province's second officer (four eyes at the province office). */
  public static final String PROVINCE_CLERK = "provclerk" + PROVINCE;

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final AreaRepository areas;
  private final AccountSettings settings;
  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final RoleAuthorizations roles;
  private final DemoMeetingFigures meetingFigures;

  public DemoData(
      AreaRepository areas,
      AccountSettings settings,
      JdbcClient jdbc,
      ProcessEngine engine,
      RoleAuthorizations roles,
      DemoMeetingFigures meetingFigures) {
    this.meetingFigures = meetingFigures;
    this.engine = engine;
    this.roles = roles;
    this.areas = areas;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<District> districts = areas.districtsOf(PROVINCE);
    users(engine.getIdentityService(), districts);
    if (jdbc.sql("select count(*) from loan_project").query(Integer.class).single() == 0) {
      meetingFigures.ensureMembers(); // the borrowers come from the member register
      applications(engine, districts);
    }
  }

  private void users(IdentityService identity, List<District> districts) {
    for (District d : districts) {
      roles.ensureDistrict(d);
    }
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    roles.ensureDepartment();
    // with the directory (profile ldap) the people are the directory's: no demo accounts are
    // created
    if (identity.isReadOnly()
        || identity.createUserQuery().userId("supervisor" + PROVINCE).count() > 0) {
      return;
    }
    String password =
        settings.demo().hasPassword()
            ? settings.demo().password()
            : AdminAccount.generatePassword();
    int n = 0;
    for (District d : districts) {
      areas.setOfficeEmail(d.code(), "cdd" + d.code() + "@womenfund.example");
      user(
          identity,
          "officer" + d.code(),
          DemoPeople.FIRST.get(n++),
          "เจ้าหน้าที่อำเภอ" + d.nameTh(),
          password,
          Roles.districtOfficers(d.code()));
      user(
          identity,
          "committee" + d.code(),
          DemoPeople.FIRST.get(n++),
          "อนุกรรมการอำเภอ" + d.nameTh(),
          password,
          Roles.districtCommittee(d.code()));
      // a second officer per district: the one who keys an application does not record its contract
      // (four eyes)
      user(
          identity,
          DemoPeople.contractOfficer(d.code()),
          DemoPeople.FIRST.get((n + 5) % DemoPeople.FIRST.size()),
          "เจ้าหน้าที่สัญญาและการเงิน อำเภอ" + d.nameTh(),
          password,
          Roles.districtOfficers(d.code()));
    }
    user(
        identity,
        "provofficer23",
        "กาญจนา",
        "เจ้าหน้าที่จังหวัดตราด",
        password,
        Roles.provinceOfficers(PROVINCE));
    // a second province officer: the one who records a restructuring package's receipt and
    // submission does not record the Department's decision, and a bank statement or budget change
    // one of them keys is approved by the other (four eyes)
    user(
        identity,
        PROVINCE_CLERK,
        "อำไพ",
        "เจ้าหน้าที่การเงินจังหวัดตราด",
        password,
        Roles.provinceOfficers(PROVINCE));
    user(
        identity,
        "provcommittee23",
        "วิไล",
        "อนุกรรมการจังหวัดตราด",
        password,
        Roles.provinceCommittee(PROVINCE));
    user(
        identity,
        "supervisor23",
        "ศิริพร",
        "พัฒนาการจังหวัดตราด",
        password,
        Roles.provinceSupervisors(PROVINCE));
    user(
        identity,
        "department",
        "สำนักเสริมสร้างความเข้มแข็งชุมชน",
        "กรมการพัฒนาชุมชน",
        password,
        Roles.DEPARTMENT);
    if (!settings.demo().hasPassword()) {
      System.out.println(
          "\n==== womenfund: รหัสผ่านของผู้ใช้ตัวอย่างทุกคน (แสดงครั้งเดียว) ====\n  รหัสผ่าน: "
              + password
              + "\n  ผู้ใช้: officer2301..officer2307, clerk2301..clerk2307, committee2301..committee2307, provofficer23, provclerk23, provcommittee23, supervisor23, department"
              + "\n==========================================================\n");
    }
    LOG.info("demo users of Trat created");
  }

  private static void user(
      IdentityService identity,
      String id,
      String first,
      String last,
      String password,
      String group) {
    User u = identity.newUser(id);
    u.setFirstName(first);
    u.setLastName(last);
    u.setEmail(id + "@womenfund.example");
    u.setPassword(password);
    identity.saveUser(u);
    identity.createMembership(id, group);
  }

  private List<DemoApplications.Person> membersNotBorrowing(
      String districtCode, LocalDate today, int count) {
    return jdbc
        .sql(
            "select m.national_id, m.full_name, m.birth_date, m.resident_since from fund_membership f"
                + " join member m on m.id = f.member_id where f.district_code = ? and f.registered_on <= ?"
                + " and not exists (select 1 from loan_borrower b where b.member_id = m.id) order by f.id")
        .params(districtCode, today)
        .query(
            (rs, n) ->
                new DemoApplications.Person(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getDate(4).toLocalDate()))
        .list()
        .stream()
        .limit(count)
        .toList();
  }

  /** Twelve applications, each taken as far as its stage by the officers who would do it. */
  private void applications(ProcessEngine engine, List<District> districts) {
    String[] stages = {
      "endorsement",
      "endorsement",
      "screening",
      "screening",
      "screening-after-fix",
      "fix",
      "province",
      "province",
      "contract",
      "transfer",
      "endorsement",
      "screening"
    };
    String[] groups = {
      "กลุ่มแม่บ้านเกษตรกร",
      "กลุ่มสตรีทอผ้า",
      "กลุ่มแปรรูปอาหารทะเล",
      "กลุ่มสตรีเลี้ยงไก่ไข่",
      "กลุ่มจักสานกระจูด",
      "กลุ่มสตรีค้าขายชุมชน",
      "กลุ่มทำขนมไทย",
      "กลุ่มปลูกผักปลอดสาร",
      "กลุ่มนวดแผนไทย",
      "กลุ่มเลี้ยงปูนิ่ม",
      "กลุ่มตัดเย็บเสื้อผ้า",
      "กลุ่มทำผ้ามัดย้อม"
    };
    LocalDate today = EngineClock.today();
    RuntimeService runtime = engine.getRuntimeService();
    IdentityService identity = engine.getIdentityService();
    try {
      for (int i = 0; i < stages.length; i++) {
        District d = districts.get(i % districts.size());
        List<SubDistrict> subs = areas.subDistrictsOf(d.code());
        SubDistrict s = subs.get(i % subs.size());
        // borrowers are members of the fund in the district (issue 13): the demo's registered
        // members who borrow
        // nothing yet
        Map<String, Object> vars =
            DemoApplications.application(
                i,
                groups[i] + "บ้าน" + s.nameTh(),
                s.code(),
                today,
                membersNotBorrowing(d.code(), today, DemoApplications.size(i)));
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

  /**
   * Two tasks made late and one due tomorrow, so the filters and Cockpit have something to show.
   */
  private static void overdueExamples(TaskService tasks) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processDefinitionKey(LoanApplicationProcess.KEY)
            .orderByTaskCreateTime()
            .asc()
            .list();
    long day = 24L * 3600 * 1000;
    for (int i = 0; i < open.size() && i < 3; i++) {
      Task t = open.get(i);
      t.setDueDate(new Date(System.currentTimeMillis() + (i < 2 ? -(i + 2) * day : day)));
      tasks.saveTask(t);
    }
  }
}
