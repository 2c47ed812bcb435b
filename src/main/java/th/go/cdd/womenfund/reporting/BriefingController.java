package th.go.cdd.womenfund.reporting;

import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.MistypedParameterException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * /briefing: the meeting's agenda and briefing from live figures, printable, and /briefing.docx.
 * For the province's supervisors, its officers (the secretariat who prepare the meeting) and the
 * Department.
 */
@Controller
@ThaiPage
public class BriefingController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final BriefingService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;

  public BriefingController(
      BriefingService service, CurrentUser currentUser, AreaRepository areas) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
  }

  BriefingService.Briefing load(String province, String date) {
    if (areas.province(province).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบจังหวัดรหัส " + province);
    }
    Actor a = currentUser.actor();
    if (!a.groups().contains(Roles.provinceOfficers(province))) {
      currentUser.requireSupervisorOf(province);
    }
    LocalDate today = EngineClock.today();
    LocalDate meeting =
        date == null || date.isBlank()
            ? today
            : MistypedParameterException.reading(
                "date", () -> ThaiDates.parseBuddhist(date, "วันที่ประชุม"));
    return service.briefing(province, meeting, today);
  }

  @GetMapping("/briefing")
  public String page(
      @RequestParam(defaultValue = "23") String province,
      @RequestParam(required = false) String date,
      Model model) {
    BriefingService.Briefing b = load(province, date);
    model.addAttribute("b", b);
    model.addAttribute("province", province);
    model.addAttribute("date", ThaiDates.formatNumeric(b.meetingDate()));
    model.addAttribute("cells", new DashboardController.CellFormatter());
    return "briefing";
  }

  @GetMapping("/briefing.docx")
  public ResponseEntity<byte[]> docx(
      @RequestParam(defaultValue = "23") String province,
      @RequestParam(required = false) String date) {
    BriefingService.Briefing b = load(province, date);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("briefing-" + province + "-" + b.meetingDate() + ".docx")
                .build()
                .toString())
        .contentType(DOCX)
        .body(service.docx(b));
  }
}
