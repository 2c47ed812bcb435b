package th.go.cdd.womenfund.occupation;

import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.security.OfficerDistricts;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.OwnAreas;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /occupation: a district officer records the products, market channels and income of her
 * district's groups.
 */
@Controller
@ThaiPage
public class OccupationController {

  private final OccupationService service;
  private final CurrentUser currentUser;
  private final OfficerDistricts officerDistricts;

  public OccupationController(
      OccupationService service, CurrentUser currentUser, OfficerDistricts officerDistricts) {
    this.service = service;
    this.currentUser = currentUser;
    this.officerDistricts = officerDistricts;
  }

  /** A row of the latest records, formatted for Thai readers. */
  public record Row(String group, String product, String channel, String month, String income) {}

  @GetMapping("/occupation")
  public String page(@RequestParam(required = false) String district, Model model) {
    District d = district(district);
    model.addAttribute("district", d);
    model.addAttribute("districts", officerDistricts.of(currentUser.actor()));
    var groups = service.groupsOf(d.code());
    model.addAttribute("groups", groups);
    model.addAttribute("channels", Arrays.asList(MarketChannel.values()));
    model.addAttribute(
        "latest",
        service.latest(d.code()).stream()
            .map(
                s ->
                    new Row(
                        groups.stream()
                            .filter(g -> g.id() == s.groupId())
                            .map(g -> g.name())
                            .findFirst()
                            .orElse("-"),
                        s.product(),
                        s.channel().labelTh(),
                        monthText(s.periodMonth()),
                        Cells.text(s.income())))
            .toList());
    if (!model.containsAttribute("sale")) {
      model.addAttribute("sale", new OccupationService.SaleInput("", "", "", "", ""));
    }
    return "occupation";
  }

  @PostMapping("/occupation")
  public String record(
      @RequestParam String district,
      @RequestParam(required = false) String groupId,
      @RequestParam(required = false) String product,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String income,
      Model model,
      RedirectAttributes redirect) {
    District d = district(district);
    OccupationService.SaleInput in =
        new OccupationService.SaleInput(groupId, product, channel, period, income);
    try {
      OccupationService.Recorded r = service.record(in, currentUser.actor(), EngineClock.today());
      redirect.addFlashAttribute(
          "notice",
          "บันทึกรายได้ของ"
              + r.groupName()
              + " เดือน "
              + monthText(r.periodMonth())
              + " จำนวน "
              + Cells.text(r.income())
              + " บาท แล้ว");
      return "redirect:/occupation?district=" + d.code();
    } catch (NotYourAreaException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (ThaiValidationException e) {
      model.addAttribute("sale", in);
      model.addAttribute("problems", e.problems());
      model.asMap().remove("notice");
      return page(d.code(), model);
    }
  }

  /** "ส.ค. 2569". */
  static String monthText(LocalDate month) {
    return ThaiDates.formatShort(month).substring(2).strip();
  }

  private District district(String code) {
    return OwnAreas.choose(
        "การบันทึกการส่งเสริมอาชีพเป็นงานของเจ้าหน้าที่พัฒนาชุมชนอำเภอ",
        "ท่านบันทึกการส่งเสริมอาชีพได้เฉพาะกลุ่มสตรีในอำเภอที่ท่านรับผิดชอบ",
        officerDistricts.of(currentUser.actor()),
        District::code,
        code);
  }
}
