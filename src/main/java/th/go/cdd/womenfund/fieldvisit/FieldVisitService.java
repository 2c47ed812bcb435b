package th.go.cdd.womenfund.fieldvisit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalQuarter;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Routine field visits of a district (duty 4.4 of the meeting report): the district's officers plan
 * each quarter's visits with the district sub-committee and the sub-district working group, then
 * record each visit as done with who went, the groups met, the problems found and the follow-up
 * actions agreed. Each action starts its own {@code field-visit-action} follow-up, as the system
 * (nobody holds the right to start it), so its owner gets a task with the action's due date and the
 * reminders every dated task gets.
 */
@Service
public class FieldVisitService {

  /** Follow-up action rows a visit may carry; rows left blank are ignored. */
  public static final int MAX_ACTIONS = 5;

  /** What the plan form sent, as typed. */
  public record PlanInput(
      String plannedOn,
      String subDistrict,
      String groupsToMeet,
      String districtCommittee,
      String subdistrictGroup) {}

  /** What the visit form sent, as typed. */
  public record VisitInput(
      String visitedOn,
      String team,
      String groupsMet,
      String problems,
      List<ActionInput> actions) {}

  /** One follow-up action row as typed: what, by whom (an {@link ActionOwner} name), by when. */
  public record ActionInput(String text, String owner, String dueOn) {

    boolean blank() {
      return empty(text) && empty(owner) && empty(dueOn);
    }
  }

  /** A visit as recorded, with its actions. */
  public record Visit(VisitPlanRepository.Plan plan, List<VisitPlanRepository.Action> actions) {}

  private final VisitPlanRepository repo;
  private final AreaRepository areas;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public FieldVisitService(
      VisitPlanRepository repo,
      AreaRepository areas,
      RuntimeService runtime,
      IdentityService identity) {
    this.repo = repo;
    this.areas = areas;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Only the district's officers (or an administrator) plan and record its visits. */
  public static boolean mayKeep(Actor actor, String districtCode) {
    return actor.isAdmin() || actor.groups().contains(Roles.districtOfficers(districtCode));
  }

  /** The district's visits of a quarter, each with its actions, by date. */
  public List<Visit> visits(String districtCode, ThaiFiscalQuarter quarter) {
    return repo.plans(districtCode, quarter).stream()
        .map(p -> new Visit(p, repo.actions(p.id())))
        .toList();
  }

  /** The district of a planned visit (the page of a refused record shows it again). */
  public String districtOf(long planId) {
    return repo.plan(planId).map(VisitPlanRepository.Plan::districtCode).orElse(null);
  }

  /** Plans one visit of the district; its quarter is the one its date falls in. */
  @Transactional
  public VisitPlanRepository.Plan plan(String districtCode, PlanInput in, Actor actor) {
    requireKeeper(actor, districtCode);
    List<String> problems = new ArrayList<>();
    LocalDate on =
        ThaiValidationException.collect(
            problems, () -> ThaiDates.parseBuddhist(in.plannedOn(), "วันที่จะลงพื้นที่"));
    ThaiFiscalYear thisYear = ThaiFiscalYear.of(EngineClock.today());
    if (on != null && on.isBefore(thisYear.firstDay())) {
      problems.add(
          "วันที่จะลงพื้นที่ต้องอยู่ใน"
              + thisYear.label()
              + " หรือหลังจากนั้น (ตั้งแต่ "
              + ThaiDates.format(thisYear.firstDay())
              + ")");
    }
    String subDistrict = empty(in.subDistrict()) ? null : in.subDistrict().strip();
    if (subDistrict == null) {
      problems.add("กรุณาเลือกตำบลที่จะลงพื้นที่");
    } else if (areas.subDistrictsOf(districtCode).stream()
        .noneMatch(s -> s.code().equals(subDistrict))) {
      problems.add("ตำบลที่เลือกไม่อยู่ในอำเภอนี้");
    }
    String groups =
        ThaiValidationException.collect(
            problems, () -> required(in.groupsToMeet(), "กลุ่มสตรีที่จะพบ", 1000));
    String committee =
        ThaiValidationException.collect(
            problems,
            () ->
                required(in.districtCommittee(), "ผู้ร่วมลงพื้นที่จากคณะอนุกรรมการฯ อำเภอ", 1000));
    String workingGroup =
        ThaiValidationException.collect(
            problems,
            () -> required(in.subdistrictGroup(), "ผู้ร่วมลงพื้นที่จากคณะทำงานฯ ตำบล", 1000));
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    long id =
        repo.insertPlan(
            districtCode, on, subDistrict, groups, committee, workingGroup, actor.userId());
    return repo.plan(id).orElseThrow();
  }

  /**
   * Records a planned visit as done, with its follow-up actions, and starts each action's
   * follow-up; all or nothing.
   */
  @Transactional
  public Visit recordVisit(long planId, VisitInput in, Actor actor) {
    VisitPlanRepository.Plan plan =
        repo.plan(planId)
            .filter(p -> mayKeep(actor, p.districtCode()))
            .orElseThrow(
                () ->
                    new NotYourAreaException(
                        "ไม่พบแผนการลงพื้นที่นี้ในอำเภอที่ท่านรับผิดชอบ: ท่านบันทึกผลได้เฉพาะการลงพื้นที่ของอำเภอตนเอง"));
    if (plan.done()) {
      throw new ThaiValidationException(
          "บันทึกผลการลงพื้นที่ครั้งนี้ไว้แล้ว (วันที่ "
              + ThaiDates.format(plan.visitedOn())
              + ")");
    }
    List<String> problems = new ArrayList<>();
    LocalDate today = EngineClock.today();
    LocalDate visitedOn =
        ThaiValidationException.collect(
            problems, () -> ThaiDates.parseBuddhist(in.visitedOn(), "วันที่ลงพื้นที่"));
    if (visitedOn != null && visitedOn.isAfter(today)) {
      problems.add("วันที่ลงพื้นที่ต้องไม่เลยวันนี้: บันทึกผลได้เมื่อลงพื้นที่แล้ว");
    }
    String team =
        ThaiValidationException.collect(
            problems, () -> required(in.team(), "ผู้ที่ลงพื้นที่", 2000));
    String groupsMet =
        ThaiValidationException.collect(
            problems, () -> required(in.groupsMet(), "กลุ่มที่ได้พบ", 2000));
    String found =
        ThaiValidationException.collect(
            problems, () -> required(in.problems(), "ปัญหาที่พบ", 4000));
    List<ActionInput> rows =
        in.actions() == null ? List.of() : in.actions().stream().filter(a -> !a.blank()).toList();
    if (rows.size() > MAX_ACTIONS) {
      problems.add("บันทึกข้อเสนอแนะได้ไม่เกิน " + MAX_ACTIONS + " รายการต่อครั้ง");
    }
    record Agreed(String text, ActionOwner owner, LocalDate dueOn) {}
    List<Agreed> agreed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ActionInput row = rows.get(i);
      List<String> rowProblems = new ArrayList<>();
      String text =
          ThaiValidationException.collect(
              rowProblems, () -> required(row.text(), "สิ่งที่ต้องดำเนินการ", 2000));
      ActionOwner owner =
          ActionOwner.named(empty(row.owner()) ? "" : row.owner().strip()).orElse(null);
      if (owner == null) {
        rowProblems.add("กรุณาเลือกผู้รับผิดชอบจากรายการ");
      }
      LocalDate due =
          ThaiValidationException.collect(
              rowProblems, () -> ThaiDates.parseBuddhist(row.dueOn(), "วันที่กำหนดเสร็จ"));
      if (due != null && visitedOn != null && due.isBefore(visitedOn)) {
        rowProblems.add("วันที่กำหนดเสร็จต้องไม่ก่อนวันที่ลงพื้นที่");
      }
      String label = "ข้อเสนอแนะที่ " + (i + 1) + ": ";
      rowProblems.forEach(p -> problems.add(label + p));
      agreed.add(new Agreed(text, owner, due));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    if (!repo.markDone(planId, visitedOn, team, groupsMet, found, actor.userId())) {
      throw new ThaiValidationException("บันทึกผลการลงพื้นที่ครั้งนี้ไว้แล้ว");
    }
    VisitPlanRepository.Plan done = repo.plan(planId).orElseThrow();
    for (Agreed a : agreed) {
      long actionId = repo.insertAction(done, a.text(), a.owner(), a.dueOn());
      asTheSystem(
          () ->
              runtime.startProcessInstanceByKey(
                  FieldVisitActionProcess.KEY,
                  FieldVisitActionProcess.BUSINESS_KEY_PREFIX + actionId));
    }
    return new Visit(done, repo.actions(planId));
  }

  /**
   * Ties the action named by the business key the system gave ({@code visit-action-12}) to its
   * instance, once.
   */
  VisitPlanRepository.Action tieAction(String businessKey, String processInstanceId) {
    String prefix = FieldVisitActionProcess.BUSINESS_KEY_PREFIX;
    String id = businessKey == null ? "" : businessKey.replaceFirst("^" + prefix, "");
    boolean named =
        businessKey != null && businessKey.startsWith(prefix) && id.matches("\\d{1,18}");
    if (!named || !repo.tie(Long.parseLong(id), processInstanceId)) {
      throw new IllegalStateException("no untied visit action for business key " + businessKey);
    }
    return repo.actionOf(processInstanceId).orElseThrow();
  }

  /** What the owner reads in Tasklist: the visit, the problem and the action, in Thai. */
  String summary(VisitPlanRepository.Action a) {
    VisitPlanRepository.Plan p = repo.plan(a.planId()).orElseThrow();
    String district =
        areas.district(p.districtCode()).map(District::nameTh).orElse(p.districtCode());
    String subDistrict =
        areas.subDistrict(p.subDistrictCode()).map(SubDistrict::nameTh).orElse(p.subDistrictCode());
    return "การลงพื้นที่ติดตาม ตำบล"
        + subDistrict
        + " อำเภอ"
        + district
        + " วันที่ "
        + ThaiDates.format(p.visitedOn())
        + " ปัญหาที่พบ: "
        + p.problems()
        + " — สิ่งที่ต้องดำเนินการ: "
        + a.text()
        + " ผู้รับผิดชอบ: "
        + a.owner().labelTh()
        + " กำหนดเสร็จ "
        + ThaiDates.format(a.dueOn());
  }

  /** The owner's report on an action (from its task's form), kept on the action. */
  void reportProgress(String processInstanceId, Object note, Object done) {
    VisitPlanRepository.Action a =
        repo.actionOf(processInstanceId)
            .orElseThrow(
                () -> new IllegalStateException("no visit action for " + processInstanceId));
    List<String> problems = new ArrayList<>();
    String text =
        ThaiValidationException.collect(
            problems, () -> required(note instanceof String s ? s : null, "ผลการดำเนินการ", 2000));
    if (!(done instanceof Boolean finished)) {
      problems.add("กรุณาระบุว่าดำเนินการเสร็จแล้วหรือยัง");
      throw new ThaiValidationException(problems);
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.reportProgress(a.id(), text, finished);
  }

  private void requireKeeper(Actor actor, String districtCode) {
    if (!mayKeep(actor, districtCode)) {
      throw new NotYourAreaException(
          "ท่านวางแผนและบันทึกการลงพื้นที่ได้เฉพาะอำเภอที่ท่านรับผิดชอบ");
    }
  }

  /** Runs {@code work} with no signed-in person: the system, not the officer, starts follow-ups. */
  private void asTheSystem(Runnable work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private static String required(String value, String label, int max) {
    if (empty(value)) {
      throw new ThaiValidationException("กรุณากรอก" + label);
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new ThaiValidationException(label + "ยาวเกิน " + max + " ตัวอักษร");
    }
    return v;
  }

  private static boolean empty(String s) {
    return s == null || s.isBlank();
  }
}
