package th.go.cdd.womenfund.holiday;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /holidays: the public-holiday table that working-day deadlines skip. Everyone signed in reads it;
 * the administrator and the Department add the Cabinet's announcements and remove cancelled days.
 */
@Controller
@ThaiPage
public class HolidayController {

  private final HolidayService service;
  private final List<WorkingDayDeadlines> deadlines;
  private final CurrentUser currentUser;

  public HolidayController(
      HolidayService service, List<WorkingDayDeadlines> deadlines, CurrentUser currentUser) {
    this.service = service;
    this.deadlines = List.copyOf(deadlines);
    this.currentUser = currentUser;
  }

  /** The years (พ.ศ.) the page shows: wide, but nothing the database's date type would refuse. */
  static final int FIRST_YEAR = 2500;

  static final int LAST_YEAR = 2700;

  public record Row(String date, String numeric, String weekday, String name, boolean weekend) {}

  @GetMapping("/holidays")
  public String page(@RequestParam(required = false) Integer year, Model model) {
    Actor actor = currentUser.actor();
    LocalDate today = EngineClock.today();
    int buddhistYear = year == null ? ThaiDates.buddhistYear(today) : year;
    if (buddhistYear < FIRST_YEAR || buddhistYear > LAST_YEAR) {
      model.addAttribute(
          "problems",
          List.of(
              "ปี พ.ศ. "
                  + year
                  + " อยู่นอกช่วงที่ตารางวันหยุดแสดงได้ ("
                  + FIRST_YEAR
                  + "–"
                  + LAST_YEAR
                  + "): แสดงปีปัจจุบันแทน"));
      buddhistYear = ThaiDates.buddhistYear(today);
    }
    List<Row> rows =
        service.ofYear(buddhistYear - ThaiDates.BUDDHIST_ERA_OFFSET).stream()
            .map(
                h ->
                    new Row(
                        ThaiDates.format(h.date()),
                        ThaiDates.formatNumeric(h.date()),
                        h.date().getDayOfWeek().getDisplayName(TextStyle.FULL, ThaiDates.THAI),
                        h.nameTh(),
                        h.onWeekend()))
            .toList();
    model.addAttribute("year", buddhistYear);
    model.addAttribute("rows", rows);
    model.addAttribute("mayKeep", HolidayService.mayKeep(actor));
    model.addAttribute("gaps", service.gaps(today));
    model.addAttribute(
        "workingDays", deadlines.stream().anyMatch(WorkingDayDeadlines::countsWorkingDays));
    if (!model.containsAttribute("dateText")) {
      model.addAttribute("dateText", "");
      model.addAttribute("nameText", "");
    }
    return "holidays";
  }

  @PostMapping("/holidays/add")
  public String add(
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Integer year,
      Model model,
      RedirectAttributes redirect) {
    try {
      return done(
          "เพิ่มวันหยุด",
          service.add(date, name, currentUser.actor(), EngineClock.today()),
          redirect);
    } catch (ThaiValidationException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("dateText", date == null ? "" : date);
      model.addAttribute("nameText", name == null ? "" : name);
      return page(year, model);
    }
  }

  @PostMapping("/holidays/remove")
  public String remove(
      @RequestParam(required = false) String date,
      @RequestParam(required = false) Integer year,
      Model model,
      RedirectAttributes redirect) {
    try {
      return done(
          "ยกเลิกวันหยุด",
          service.remove(date, currentUser.actor(), EngineClock.today()),
          redirect);
    } catch (ThaiValidationException e) {
      model.addAttribute("problems", e.problems());
      return page(year, model);
    }
  }

  /** Tells what was done ("เพิ่มวันหยุด ...") and its effects, back on the holiday's year. */
  private static String done(String what, HolidayService.Outcome o, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "notice",
        what + " " + ThaiDates.format(o.holiday().date()) + " (" + o.holiday().nameTh() + ") แล้ว");
    redirect.addFlashAttribute("effects", o.effects());
    return "redirect:/holidays?year=" + ThaiDates.buddhistYear(o.holiday().date());
  }
}
