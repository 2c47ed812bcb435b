package th.go.cdd.womenfund.fieldvisit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.OwnAreas;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalQuarter;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /field-visits: a district officer plans her district's routine visits of a quarter and records
 * each one as done with its follow-up actions. /field-visits/province: the province's groups and
 * the Department read every district's visits of a quarter, read only.
 */
@Controller
@ThaiPage
public class FieldVisitController {

  private final FieldVisitService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;

  public FieldVisitController(
      FieldVisitService service, CurrentUser currentUser, AreaRepository areas) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
  }

  /** A follow-up action as the page lists it. */
  public record ActionRow(
      String text, String owner, String dueOn, String status, boolean late, String progress) {}

  /** A visit as the page lists it, dates in พ.ศ. */
  public record VisitRow(
      long id,
      String plannedOn,
      String subDistrict,
      String groupsToMeet,
      String districtCommittee,
      String subdistrictGroup,
      boolean done,
      String visitedOn,
      String team,
      String groupsMet,
      String problems,
      List<ActionRow> actions) {}

  /** One district's visits of the quarter, for the province's page. */
  public record DistrictVisits(String name, List<VisitRow> visits) {}

  @GetMapping("/field-visits")
  public String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String quarter,
      Model model) {
    District d = district(district);
    ThaiFiscalQuarter q = quarter(quarter);
    model.addAttribute("district", d);
    model.addAttribute("districts", mine());
    model.addAttribute("quarter", q);
    model.addAttribute("quarters", quarters());
    model.addAttribute("subDistricts", areas.subDistrictsOf(d.code()));
    model.addAttribute("owners", List.of(ActionOwner.values()));
    model.addAttribute("visits", rows(d.code(), q));
    model.addAttribute("actionRows", FieldVisitService.MAX_ACTIONS);
    if (!model.containsAttribute("plan")) {
      model.addAttribute("plan", new FieldVisitService.PlanInput("", "", "", "", ""));
    }
    if (!model.containsAttribute("visit")) {
      model.addAttribute("visit", new FieldVisitService.VisitInput("", "", "", "", List.of()));
      model.addAttribute("visitFor", -1L);
    }
    return "field-visits";
  }

  @PostMapping("/field-visits/plans")
  public String plan(
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    District d = district(form.getFirst("district"));
    FieldVisitService.PlanInput in =
        new FieldVisitService.PlanInput(
            form.getFirst("plannedOn"),
            form.getFirst("subDistrict"),
            form.getFirst("groupsToMeet"),
            form.getFirst("districtCommittee"),
            form.getFirst("subdistrictGroup"));
    try {
      VisitPlanRepository.Plan p = service.plan(d.code(), in, currentUser.actor());
      redirect.addFlashAttribute(
          "notice",
          "บันทึกแผนการลงพื้นที่วันที่ "
              + ThaiDates.format(p.plannedOn())
              + " ("
              + p.quarter().label()
              + ") แล้ว");
      return "redirect:/field-visits?district=" + d.code() + "&quarter=" + p.quarter().code();
    } catch (NotYourAreaException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (ThaiValidationException e) {
      model.addAttribute("plan", in);
      return refused(e, d, form.getFirst("quarter"), model, response);
    }
  }

  @PostMapping("/field-visits/visits")
  public String recordVisit(
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    long planId = planId(form.getFirst("planId"));
    List<FieldVisitService.ActionInput> actions = new ArrayList<>();
    int rows =
        Math.max(
            size(form, "actionText"), Math.max(size(form, "actionOwner"), size(form, "actionDue")));
    for (int i = 0; i < rows; i++) {
      actions.add(
          new FieldVisitService.ActionInput(
              nth(form, "actionText", i), nth(form, "actionOwner", i), nth(form, "actionDue", i)));
    }
    FieldVisitService.VisitInput in =
        new FieldVisitService.VisitInput(
            form.getFirst("visitedOn"),
            form.getFirst("team"),
            form.getFirst("groupsMet"),
            form.getFirst("problems"),
            actions);
    try {
      FieldVisitService.Visit v = service.recordVisit(planId, in, currentUser.actor());
      redirect.addFlashAttribute(
          "notice",
          "บันทึกผลการลงพื้นที่วันที่ "
              + ThaiDates.format(v.plan().visitedOn())
              + " และข้อเสนอแนะ "
              + v.actions().size()
              + " รายการแล้ว ระบบส่งงานติดตามให้ผู้รับผิดชอบใน Tasklist");
      return "redirect:/field-visits?district="
          + v.plan().districtCode()
          + "&quarter="
          + v.plan().quarter().code();
    } catch (NotYourAreaException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (ThaiValidationException e) {
      // the plan is hers (the service checked it before the input): show her district's page
      District d = district(service.districtOf(planId));
      model.addAttribute("visit", in);
      model.addAttribute("visitFor", planId);
      return refused(e, d, form.getFirst("quarter"), model, response);
    }
  }

  @GetMapping("/field-visits/province")
  public String province(
      @RequestParam String province, @RequestParam(required = false) String quarter, Model model) {
    Province p =
        areas
            .province(province)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "ไม่พบจังหวัดรหัส " + province));
    currentUser.requireProvinceOrDepartment(province);
    ThaiFiscalQuarter q = quarter(quarter);
    model.addAttribute("province", p);
    model.addAttribute("quarter", q);
    model.addAttribute("quarters", quarters());
    model.addAttribute(
        "districts",
        areas.districtsOf(province).stream()
            .map(d -> new DistrictVisits(d.nameTh(), rows(d.code(), q)))
            .toList());
    return "field-visits-province";
  }

  private String refused(
      ThaiValidationException e,
      District d,
      String quarter,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("problems", e.problems());
    model.asMap().remove("notice");
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return page(d.code(), quarter, model);
  }

  private List<VisitRow> rows(String districtCode, ThaiFiscalQuarter q) {
    Map<String, String> places =
        areas.subDistrictsOf(districtCode).stream()
            .collect(Collectors.toMap(SubDistrict::code, SubDistrict::nameTh));
    String districtName = areas.district(districtCode).map(District::nameTh).orElse(districtCode);
    var today = EngineClock.today();
    Function<VisitPlanRepository.Action, ActionRow> action =
        a ->
            new ActionRow(
                a.text(),
                a.owner() == ActionOwner.PROVINCE_OFFICERS
                    ? a.owner().labelTh()
                    : a.owner().labelTh() + districtName,
                ThaiDates.formatShort(a.dueOn()),
                a.done() ? "ดำเนินการแล้ว" : a.late(today) ? "เลยกำหนด" : "อยู่ระหว่างดำเนินการ",
                a.late(today),
                a.progressNote() == null ? "-" : a.progressNote());
    return service.visits(districtCode, q).stream()
        .map(
            v -> {
              VisitPlanRepository.Plan p = v.plan();
              return new VisitRow(
                  p.id(),
                  ThaiDates.formatShort(p.plannedOn()),
                  places.getOrDefault(p.subDistrictCode(), p.subDistrictCode()),
                  p.groupsToMeet(),
                  p.districtCommittee(),
                  p.subdistrictGroup(),
                  p.done(),
                  p.visitedOn() == null ? "" : ThaiDates.formatShort(p.visitedOn()),
                  p.team(),
                  p.groupsMet(),
                  p.problems(),
                  v.actions().stream().map(action).toList());
            })
        .toList();
  }

  /** The quarter asked for, or today's. */
  private static ThaiFiscalQuarter quarter(String code) {
    return code == null || code.isBlank()
        ? ThaiFiscalQuarter.of(EngineClock.today())
        : ThaiFiscalQuarter.parse(code, "ไตรมาส");
  }

  /** The quarters the page offers: last fiscal year's, this year's and next year's. */
  private static List<ThaiFiscalQuarter> quarters() {
    var year = ThaiFiscalQuarter.of(EngineClock.today()).year();
    List<ThaiFiscalQuarter> list = new ArrayList<>(ThaiFiscalQuarter.of(year.previous()));
    list.addAll(ThaiFiscalQuarter.of(year));
    list.addAll(ThaiFiscalQuarter.of(new ThaiFiscalYear(year.buddhistYear() + 1)));
    return list;
  }

  private static long planId(String text) {
    if (text == null || !text.strip().matches("\\d{1,18}")) {
      throw new ThaiValidationException("ไม่ได้ระบุแผนการลงพื้นที่ที่จะบันทึกผล");
    }
    return Long.parseLong(text.strip());
  }

  private District district(String code) {
    return OwnAreas.choose(
        "การวางแผนและบันทึกการลงพื้นที่ติดตามเป็นงานของเจ้าหน้าที่พัฒนาชุมชนอำเภอ",
        "ท่านวางแผนและบันทึกการลงพื้นที่ได้เฉพาะอำเภอที่ท่านรับผิดชอบ",
        mine(),
        District::code,
        code);
  }

  /**
   * The districts whose officers she is, from her groups; an administrator works on the demo
   * province's.
   */
  private List<District> mine() {
    Actor a = currentUser.actor();
    List<String> codes =
        a.isAdmin()
            ? areas.districtsOf("23").stream().map(District::code).toList()
            : a.officerDistricts();
    return codes.stream().map(areas::district).flatMap(Optional::stream).toList();
  }

  private static int size(MultiValueMap<String, String> form, String name) {
    List<String> values = form.get(name);
    return values == null ? 0 : values.size();
  }

  private static String nth(MultiValueMap<String, String> form, String name, int i) {
    List<String> values = form.get(name);
    return values == null || values.size() <= i ? "" : values.get(i);
  }
}
