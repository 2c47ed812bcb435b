package th.go.cdd.womenfund.meeting;

import java.util.ArrayList;
import java.util.List;
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
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /meetings: the province's officers record the working group's meeting and its resolutions, and
 * follow them.
 */
@Controller
@ThaiPage
public class MeetingController {

  /** Resolution rows the form offers; rows left blank are ignored. */
  static final int ROWS = 5;

  private final MeetingService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;

  public MeetingController(MeetingService service, CurrentUser currentUser, AreaRepository areas) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
  }

  /** A resolution as the page lists it. */
  public record Row(
      String agendaItem,
      String text,
      String owner,
      String dueOn,
      String status,
      boolean late,
      String progress) {}

  /** A meeting as the page lists it. */
  public record Shown(
      String number, String heldOn, String attendees, List<String> agenda, List<Row> resolutions) {}

  @GetMapping("/meetings")
  public String page(@RequestParam String province, Model model) {
    requireOfficer(province);
    model.addAttribute("province", areas.province(province).orElseThrow());
    model.addAttribute("agenda", service.agenda(province, EngineClock.today()));
    model.addAttribute("owners", service.owners(province));
    var today = EngineClock.today();
    model.addAttribute(
        "meetings",
        service.meetings(province, 10).stream()
            .map(
                m ->
                    new Shown(
                        m.meeting().numberText(),
                        ThaiDates.format(m.meeting().heldOn()),
                        m.meeting().attendees(),
                        List.of(m.meeting().agenda().split("\n")),
                        m.resolutions().stream()
                            .map(
                                r ->
                                    new Row(
                                        r.agendaItem(),
                                        r.text(),
                                        service.ownerName(r),
                                        ThaiDates.formatShort(r.dueOn()),
                                        r.status(today).labelTh(),
                                        r.status(today) == ResolutionStatus.LATE,
                                        r.progressNote() == null ? "-" : r.progressNote()))
                            .toList()))
            .toList());
    if (!model.containsAttribute("input")) {
      List<MeetingService.ResolutionInput> rows = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        rows.add(new MeetingService.ResolutionInput("", "", "", ""));
      }
      model.addAttribute("input", new MeetingService.MeetingInput("", "", "", List.of(), rows));
    }
    return "meetings";
  }

  @PostMapping("/meetings")
  public String record(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    String province = form.getFirst("province");
    if (province == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ไม่ได้ระบุจังหวัด");
    }
    requireOfficer(province);
    List<MeetingService.ResolutionInput> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(
          new MeetingService.ResolutionInput(
              nth(form, "agendaItem", i),
              nth(form, "text", i),
              nth(form, "owner", i),
              nth(form, "dueOn", i)));
    }
    MeetingService.MeetingInput in =
        new MeetingService.MeetingInput(
            form.getFirst("number"),
            form.getFirst("heldOn"),
            form.getFirst("attendees"),
            form.getOrDefault("agenda", List.of()),
            rows);
    try {
      MeetingService.MeetingRecord r = service.record(province, in, currentUser.actor());
      redirect.addFlashAttribute(
          "notice",
          "บันทึกการประชุมครั้งที่ "
              + r.meeting().numberText()
              + " และมติ "
              + r.resolutions().size()
              + " รายการแล้ว ระบบส่งงานติดตามมติให้ผู้รับผิดชอบใน Tasklist");
      return "redirect:/meetings?province=" + province;
    } catch (NotYourAreaException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (ThaiValidationException e) {
      model.addAttribute("input", in);
      model.addAttribute("problems", e.problems());
      return page(province, model);
    }
  }

  private void requireOfficer(String province) {
    if (areas.province(province).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบจังหวัดรหัส " + province);
    }
    if (!MeetingService.mayRecord(currentUser.actor(), province)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "หน้านี้สำหรับเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้น: ท่านไม่มีสิทธิ์บันทึกการประชุมของจังหวัดนี้");
    }
  }

  private static String nth(MultiValueMap<String, String> form, String name, int i) {
    List<String> values = form.get(name);
    return values == null || values.size() <= i ? "" : values.get(i);
  }
}
