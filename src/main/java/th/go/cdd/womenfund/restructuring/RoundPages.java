package th.go.cdd.womenfund.restructuring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.MistypedParameterException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiPages;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The restructuring rounds for the province and the Department: {@code /restructuring/rounds} lists
 * the rounds the signed-in person may see (her provinces; every province for the Department),
 * {@code /restructuring/rounds/RS-23-1} shows one round's district packages, deadlines, states and
 * open tasks, with the submission spreadsheet; {@code /restructuring/rounds/RS-23-1/letter} is the
 * province's covering letter for it.
 */
@Controller
@ThaiPage
public class RoundPages {

  private final RoundOverview overview;
  private final CurrentUser currentUser;
  private final AreaRepository areas;
  private final RestructuringSettings settings;
  private final CoveringLetter letters;

  public RoundPages(
      RoundOverview overview,
      CurrentUser currentUser,
      AreaRepository areas,
      RestructuringSettings settings,
      CoveringLetter letters) {
    this.overview = overview;
    this.currentUser = currentUser;
    this.areas = areas;
    this.settings = settings;
    this.letters = letters;
  }

  @GetMapping("/restructuring/rounds")
  public String rounds(@RequestParam(required = false) String province, Model model) {
    Actor a = currentUser.actor();
    boolean everywhere = a.isAdmin() || a.groups().contains(Roles.DEPARTMENT);
    List<String> mine = new ArrayList<>();
    for (Province p : areas.provinces()) {
      if (everywhere
          || a.groups().stream().anyMatch(g -> g.startsWith("province-" + p.code() + "-"))) {
        mine.add(p.code());
      }
    }
    if (province != null && !province.isBlank()) {
      if (!province.matches("\\d{2}") || areas.province(province).isEmpty()) {
        throw new MistypedParameterException(
            "province",
            "ไม่พบจังหวัดรหัส \""
                + abbreviate(province)
                + "\": รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 23");
      }
      currentUser.requireProvinceOrDepartment(province);
      mine = List.of(province);
    }
    model.addAttribute(
        "rounds",
        overview.rounds(everywhere && (province == null || province.isBlank()) ? null : mine));
    model.addAttribute("provinces", everywhere ? areas.provinces() : List.of());
    model.addAttribute("province", province == null ? "" : province);
    model.addAttribute("dates", new ThaiDateFormat());
    return "restructuring-rounds";
  }

  /**
   * The form "เลขที่รอบ": the round page of the reference typed, or the list again with the reason.
   */
  @GetMapping("/restructuring/round")
  public String open(
      @RequestParam(required = false) String reference, RedirectAttributes redirect) {
    try {
      RoundReference ref = RoundReference.parse(reference);
      return "redirect:/restructuring/rounds/" + ref;
    } catch (ThaiValidationException e) {
      redirect.addFlashAttribute(ThaiPages.PAGE_MESSAGE, e.getMessage());
      return "redirect:/restructuring/rounds";
    }
  }

  @GetMapping("/restructuring/rounds/{reference}")
  public String round(@PathVariable String reference, Model model) {
    RoundReference ref = RoundReference.parse(reference);
    currentUser.requireProvinceOrDepartment(overview.provinceOf(ref));
    RoundOverview.Round r = overview.round(ref, EngineClock.today());
    model.addAttribute("r", r);
    model.addAttribute("asOf", ThaiDates.format(EngineClock.today()));
    model.addAttribute("deadlineRule", settings.deadlineText());
    model.addAttribute("hasSubmission", RoundOverview.hasSubmission(r));
    model.addAttribute("dates", new ThaiDateFormat());
    return "restructuring-round";
  }

  /**
   * The province's covering letter to the Department for the round, ready to print: who may see the
   * round may print it.
   */
  @GetMapping("/restructuring/rounds/{reference}/letter")
  public String letter(@PathVariable String reference, Model model) {
    RoundReference ref = RoundReference.parse(reference);
    currentUser.requireProvinceOrDepartment(overview.provinceOf(ref));
    model.addAttribute("l", letters.of(ref, EngineClock.today()));
    return "restructuring-letter";
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  /** Thymeleaf's access to Thai dates: "6 ธ.ค. 2569", or "-" for none. */
  public static class ThaiDateFormat {
    public String shortDate(LocalDate d) {
      return d == null ? "-" : ThaiDates.formatShort(d);
    }
  }
}
