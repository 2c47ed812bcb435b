package th.go.cdd.womenfund.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.WomenGroups;
import th.go.cdd.womenfund.meeting.MeetingRepository;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess;
import th.go.cdd.womenfund.meeting.MeetingService;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.occupation.MarketChannel;
import th.go.cdd.womenfund.occupation.OccupationService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Demo of the meeting's remaining duties (issue 16) for Trat, each through its capability's Java
 * API or its process: what some groups sold and where (occupation, briefing 4.3); the provincial
 * working group's meeting ครั้งที่ 9 with three resolutions from the Trat report, one done, one
 * late and one open (meeting); women's organisations registered over a year ago and two
 * subsidy-type projects, one at the district committee and one approved awaiting the transfer
 * (subsidy). Idempotent: each part only when missing.
 */
@Component
@Profile("demo")
@Order(40)
public class DemoPromotion implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPromotion.class);
  static final String PROVINCE = DemoData.PROVINCE;

  /** The demo's meeting number (ครั้งที่ 9, as the Trat report's), in the year it was held. */
  public static final int MEETING_NO = 9;

  static final List<String> SALES_DISTRICTS = List.of("2301", "2302", "2303", "2305");

  /** How many days ago the demo's meeting was held. */
  static final int MEETING_DAYS_AGO = 20;

  /**
   * Women's organisations registered 14 months ago (subsidy projects need 6): district → name.
   * 2305's has no project yet, so one can be proposed in Tasklist (the guide and the browser
   * journey do).
   */
  public static final Map<String, String> ORGANISATIONS =
      Map.of(
          "2301", "กลุ่มสตรีแปรรูปผลไม้ตำบล",
          "2303", "กลุ่มสตรีจักสานกระจูดตำบล",
          "2305", "กลุ่มสตรีแปรรูปอาหารทะเลตำบล");

  private final ProcessEngine engine;
  private final AreaRepository areas;
  private final OccupationService occupation;
  private final MeetingService meetings;
  private final MembershipService membership;

  public DemoPromotion(
      ProcessEngine engine,
      AreaRepository areas,
      OccupationService occupation,
      MeetingService meetings,
      MembershipService membership) {
    this.engine = engine;
    this.areas = areas;
    this.occupation = occupation;
    this.meetings = meetings;
    this.membership = membership;
  }

  /** The organisation's registered name in its district's first sub-district. */
  public static String organisationName(String districtCode, AreaRepository areas) {
    return ORGANISATIONS.get(districtCode) + firstSubDistrict(districtCode, areas).nameTh();
  }

  static SubDistrict firstSubDistrict(String districtCode, AreaRepository areas) {
    return areas.subDistrictsOf(districtCode).get(0);
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = EngineClock.today();
    if (SALES_DISTRICTS.stream().allMatch(d -> occupation.latest(d).isEmpty())) {
      sales(today);
    }
    if (meetings.meetings(PROVINCE, 1).isEmpty()) {
      meeting(today);
    }
    if (engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(SubsidyProjectProcess.KEY)
            .count()
        == 0) {
      subsidyProjects(today);
    }
  }

  /**
   * This month's and last month's sales of the first groups of four districts, through each
   * channel.
   */
  private void sales(LocalDate today) {
    String[][] products = {
      {"ผลไม้แปรรูป (ทุเรียนกวน)", "LOCAL_MARKET", "18500.00"},
      {"ผ้าทอมือ", "FAIR", "32750.50"},
      {"อาหารทะเลแห้ง", "ONLINE", "41200.00"},
      {"ขนมไทย", "PROVINCE_EVENT", "9800.00"}
    };
    int n = 0;
    for (String district : SALES_DISTRICTS) {
      List<WomenGroups.Group> groups = occupation.groupsOf(district);
      if (groups.isEmpty()) {
        continue;
      }
      Actor officer = new Actor("officer" + district, List.of(Roles.districtOfficers(district)));
      WomenGroups.Group g = groups.get(0);
      for (int back = 1; back >= 0; back--, n++) {
        String[] p = products[n % products.length];
        LocalDate month = today.minusMonths(back);
        occupation.record(
            new OccupationService.SaleInput(
                Long.toString(g.id()),
                p[0],
                MarketChannel.valueOf(p[1]).name(),
                String.format(
                    "%02d/%d",
                    month.getMonthValue(), month.getYear() + ThaiDates.BUDDHIST_ERA_OFFSET),
                p[2]),
            officer,
            today);
      }
    }
    LOG.info("demo occupation and market records of Trat created");
  }

  /**
   * The working group's meeting {@value #MEETING_DAYS_AGO} days ago, with three of the Trat
   * report's resolutions: the overdue one done by แหลมงอบ, the restructuring papers of คลองใหญ่
   * late, the online-marketing training of the province open.
   */
  private void meeting(LocalDate today) {
    LocalDate heldOn = today.minusDays(MEETING_DAYS_AGO);
    Actor provinceOfficer = new Actor("provofficer23", List.of(Roles.provinceOfficers(PROVINCE)));
    MeetingService.MeetingRecord m =
        meetings.record(
            PROVINCE,
            new MeetingService.MeetingInput(
                MEETING_NO + "/" + (heldOn.getYear() + ThaiDates.BUDDHIST_ERA_OFFSET),
                ThaiDates.formatNumeric(heldOn),
                "หัวหน้าคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีจังหวัด พัฒนาการจังหวัดตราด"
                    + " คณะทำงานขับเคลื่อนกองทุนฯ จังหวัด และเจ้าหน้าที่กองทุนฯ จังหวัด",
                List.of("1", "2", "4.3"),
                List.of(
                    new MeetingService.ResolutionInput(
                        "1",
                        "เร่งรัดติดตามหนี้เกินกำหนดชำระ ให้หนี้ค้างชำระเหลือไม่เกินร้อยละ 5",
                        "2305",
                        ThaiDates.formatNumeric(heldOn.plusDays(30))),
                    new MeetingService.ResolutionInput(
                        "2",
                        "ตรวจสอบสมาชิกที่มีสิทธิ์ปรับโครงสร้างหนี้ รวบรวมเอกสารส่งจังหวัดภายใน 15 วัน",
                        "2302",
                        ThaiDates.formatNumeric(heldOn.plusDays(15))),
                    new MeetingService.ResolutionInput(
                        "4.3",
                        "จัดโครงการอบรมช่องทางการตลาดออนไลน์ให้กลุ่มสตรีที่กู้ยืมเงินกองทุนฯ",
                        MeetingService.PROVINCE_OWNER,
                        ThaiDates.formatNumeric(heldOn.plusDays(60))))),
            provinceOfficer);
    MeetingRepository.Resolution first = m.resolutions().get(0);
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    try {
      identity.setAuthentication("officer2305", List.of(Roles.districtOfficers("2305")));
      Task t = tasks.createTaskQuery().processInstanceId(first.processInstanceId()).singleResult();
      tasks.complete(
          t.getId(),
          Map.of(
              MeetingResolutionProcess.Var.PROGRESS_NOTE,
              "ลงพื้นที่ติดตามกลุ่มที่ค้างชำระครบทุกกลุ่ม หนี้ค้างชำระเหลือร้อยละ 4.8",
              MeetingResolutionProcess.Var.DONE,
              true));
    } finally {
      identity.clearAuthentication();
    }
    LOG.info("demo meeting of Trat and its resolutions recorded");
  }

  /**
   * The organisations, then two projects: 2301's waits for the district committee, 2303's is
   * approved by the province and waits for the transfer.
   */
  private void subsidyProjects(LocalDate today) {
    for (String district : List.of("2301", "2303", "2305")) {
      Actor officer = new Actor("officer" + district, List.of(Roles.districtOfficers(district)));
      membership.registerOrganisation(
          new MembershipService.OrganisationInput(
              organisationName(district, areas),
              firstSubDistrict(district, areas).code(),
              DemoPeople.woman(700 + Integer.parseInt(district.substring(2))),
              "0812345" + district.substring(1),
              "18"),
          officer,
          today.minusMonths(14));
    }
    IdentityService identity = engine.getIdentityService();
    try {
      String a =
          project(
              "2301",
              "โครงการพัฒนาบรรจุภัณฑ์ผลไม้แปรรูป",
              "ค่าบรรจุภัณฑ์, 18,000.00\nค่าอบรมการออกแบบฉลาก, 7,500.00",
              today);
      endorse(a, "2301", today);
      String b =
          project(
              "2303",
              "โครงการเพิ่มช่องทางการตลาดออนไลน์ผลิตภัณฑ์กระจูด",
              "ค่าอบรมการขายออนไลน์, 12,000.00\nค่าถ่ายภาพสินค้า, 4,250.50\nค่าวัสดุ, 8,000.00",
              today);
      endorse(b, "2303", today);
      complete(
          b,
          "committee2303",
          Roles.districtCommittee("2303"),
          Map.of(
              SubsidyProjectProcess.Var.DISTRICT_DECISION,
              "APPROVE",
              SubsidyProjectProcess.Var.DISTRICT_DECISION_REASON,
              "โครงการเป็นไปได้ องค์กรมีความพร้อม"));
      complete(
          b,
          "provcommittee23",
          Roles.provinceCommittee(PROVINCE),
          Map.of(
              SubsidyProjectProcess.Var.PROVINCE_DECISION,
              "APPROVE",
              SubsidyProjectProcess.Var.PROVINCE_DECISION_REASON,
              "อนุมัติตามที่อำเภอเสนอ"));
    } finally {
      identity.clearAuthentication();
    }
    LOG.info("demo subsidy-type projects of Trat started");
  }

  private String project(String district, String name, String lines, LocalDate today) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SubsidyProjectProcess.Var.ORGANISATION_NAME, organisationName(district, areas));
    vars.put(SubsidyProjectProcess.Var.SUB_DISTRICT_CODE, firstSubDistrict(district, areas).code());
    vars.put(SubsidyProjectProcess.Var.PROJECT_NAME, name);
    vars.put(SubsidyProjectProcess.Var.OBJECTIVE, "เพิ่มรายได้ของสมาชิกองค์กรจากผลิตภัณฑ์ของกลุ่ม");
    vars.put(SubsidyProjectProcess.Var.PERIOD_FROM, ThaiDates.formatNumeric(today.plusDays(30)));
    vars.put(SubsidyProjectProcess.Var.PERIOD_TO, ThaiDates.formatNumeric(today.plusMonths(7)));
    vars.put(SubsidyProjectProcess.Var.BUDGET_LINES, lines);
    engine
        .getIdentityService()
        .setAuthentication("officer" + district, List.of(Roles.districtOfficers(district)));
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(SubsidyProjectProcess.KEY, vars)
        .getId();
  }

  private void endorse(String pid, String district, LocalDate today) {
    complete(
        pid,
        "officer" + district,
        Roles.districtOfficers(district),
        Map.of(
            SubsidyProjectProcess.Var.ENDORSEMENT_DATE,
            ThaiDates.formatNumeric(today.minusDays(1)),
            SubsidyProjectProcess.Var.ENDORSEMENT_REFERENCE,
            "ครั้งที่ 2/" + (today.getYear() + ThaiDates.BUDDHIST_ERA_OFFSET)));
  }

  private void complete(String pid, String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    TaskService tasks = engine.getTaskService();
    Task t = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    tasks.complete(t.getId(), vars);
  }
}
