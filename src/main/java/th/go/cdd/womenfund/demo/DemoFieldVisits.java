package th.go.cdd.womenfund.demo;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.fieldvisit.ActionOwner;
import th.go.cdd.womenfund.fieldvisit.FieldVisitService;
import th.go.cdd.womenfund.fieldvisit.FieldVisitService.ActionInput;
import th.go.cdd.womenfund.fieldvisit.FieldVisitService.PlanInput;
import th.go.cdd.womenfund.fieldvisit.FieldVisitService.VisitInput;
import th.go.cdd.womenfund.fieldvisit.VisitPlanRepository;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalQuarter;

/**
 * Demo of the routine field visits (issue 16, briefing 4.4) for Trat's current fiscal quarter,
 * through fieldvisit's service as each district's officer: เขาสมิง (2303) visited and agreed a
 * follow-up action (its task waits for the district's officers), คลองใหญ่ (2302) is past the day it
 * planned and has not recorded the visit, แหลมงอบ (2305) plans one later in the quarter; 2303 and
 * 2302 also plan one ahead. Idempotent: nothing when any of them has a plan this quarter.
 */
@Component
@Profile("demo")
@Order(45)
public class DemoFieldVisits implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFieldVisits.class);

  /** The district that visited and agreed a follow-up action. */
  public static final String VISITED = "2303";

  /** The district past the day it planned, visit not recorded. */
  public static final String BEHIND = "2302";

  /** The district whose visit is still ahead. */
  public static final String AHEAD = "2305";

  private final FieldVisitService visits;
  private final AreaRepository areas;

  public DemoFieldVisits(FieldVisitService visits, AreaRepository areas) {
    this.visits = visits;
    this.areas = areas;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = EngineClock.today();
    ThaiFiscalQuarter quarter = ThaiFiscalQuarter.of(today);
    if (List.of(VISITED, BEHIND, AHEAD).stream()
        .anyMatch(d -> !visits.visits(d, quarter).isEmpty())) {
      return;
    }
    LocalDate visitedOn = latest(quarter.firstDay(), today.minusDays(20));
    LocalDate missedOn = latest(quarter.firstDay(), today.minusDays(3));
    LocalDate soon = earliest(quarter.lastDay(), today.plusDays(7));
    LocalDate later = earliest(quarter.lastDay(), today.plusDays(14));

    VisitPlanRepository.Plan done =
        plan(VISITED, visitedOn, "กลุ่มสตรีจักสานกระจูด และกลุ่มสตรีปลูกผักปลอดสารพิษ");
    visits.recordVisit(
        done.id(),
        new VisitInput(
            ThaiDates.formatNumeric(visitedOn),
            "นางสาวพัชรินทร์ (พัฒนาการอำเภอ), นายสมศักดิ์ (อนุกรรมการฯ อำเภอ),"
                + " นางบุญเรือน (คณะทำงานฯ ตำบล)",
            "กลุ่มสตรีจักสานกระจูด (สมาชิก 12 คน)",
            "ยอดขายกระจูดลดลงหลังหมดฤดูท่องเที่ยว สมาชิก 2 รายผิดนัดชำระงวดล่าสุด",
            List.of(
                new ActionInput(
                    "ประสานร้านค้าประชารัฐและตลาดออนไลน์ของจังหวัดให้กลุ่มจักสานกระจูด"
                        + " และติดตามสมาชิก 2 รายที่ผิดนัด",
                    ActionOwner.DISTRICT_OFFICERS.name(),
                    ThaiDates.formatNumeric(today.plusDays(14))))),
        officer(VISITED));
    plan(VISITED, later, "กลุ่มสตรีแปรรูปผลไม้");
    plan(BEHIND, missedOn, "กลุ่มสตรีทำขนมพื้นบ้าน และกลุ่มสตรีเลี้ยงปลาในกระชัง");
    plan(BEHIND, later, "กลุ่มสตรีตัดเย็บเสื้อผ้า");
    plan(AHEAD, soon, "กลุ่มสตรีแปรรูปอาหารทะเล");
    LOG.info(
        "demo field visits of Trat planned for {} (one done, one past its day)", quarter.label());
  }

  private VisitPlanRepository.Plan plan(String district, LocalDate on, String groups) {
    String subDistrict = areas.subDistrictsOf(district).get(0).code();
    return visits.plan(
        district,
        new PlanInput(
            ThaiDates.formatNumeric(on),
            subDistrict,
            groups,
            "ประธานและอนุกรรมการกลั่นกรองและติดตามฯ อำเภอ 2 คน",
            "ประธานคณะทำงานขับเคลื่อนฯ ตำบล"),
        officer(district));
  }

  private static Actor officer(String district) {
    return new Actor("officer" + district, List.of(Roles.districtOfficers(district)));
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
