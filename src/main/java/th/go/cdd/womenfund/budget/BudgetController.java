package th.go.cdd.womenfund.budget;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.approval.MoneyApprovalSteps;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /budget: the districts' administrative budget of a province and year; its officers key budgets
 * and disbursements, which take effect once another province officer approves them in Tasklist
 * (money-approval).
 */
@Controller
@ThaiPage
public class BudgetController {

  static final String PENDING_NOTICE =
      "บันทึกแล้ว รอการอนุมัติ: เจ้าหน้าที่พัฒนาชุมชนจังหวัดอีกคนหนึ่งต้องอนุมัติใน Tasklist"
          + " ก่อน ตัวเลขในหน้านี้จะเปลี่ยนเมื่อได้รับอนุมัติแล้วเท่านั้น";

  private final AdminBudgetService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;
  private final MoneyApprovalSteps approvals;

  public BudgetController(
      AdminBudgetService service,
      CurrentUser currentUser,
      AreaRepository areas,
      MoneyApprovalSteps approvals) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
    this.approvals = approvals;
  }

  public record Row(
      String district, String budget, String disbursed, String remaining, String percent) {}

  public record Paid(String district, String paidOn, String amount, String description) {}

  public record Waiting(String what, String requestedBy, String requestedOn) {}

  @GetMapping("/budget")
  public String page(
      @RequestParam String province, @RequestParam(required = false) Integer year, Model model) {
    if (!currentUser.actor().groups().contains(Roles.DEPARTMENT)) {
      currentUser.requireProvince(province);
    }
    ThaiFiscalYear fy =
        year == null ? ThaiFiscalYear.of(EngineClock.today()) : new ThaiFiscalYear(year);
    AdminBudgetService.Summary s = service.summary(province, fy);
    model.addAttribute("province", areas.province(province).orElseThrow());
    model.addAttribute("districts", areas.districtsOf(province));
    model.addAttribute("fiscalYear", fy);
    model.addAttribute(
        "rows",
        s.districts().stream()
            .map(
                d ->
                    new Row(
                        d.districtName(),
                        ThaiMoney.amount(d.budget()),
                        ThaiMoney.amount(d.disbursed()),
                        ThaiMoney.amount(d.remaining()),
                        d.percentDisbursed() == null ? "-" : d.percentDisbursed() + "%"))
            .toList());
    model.addAttribute(
        "total",
        new Row(
            "รวม",
            ThaiMoney.amount(s.budget()),
            ThaiMoney.amount(s.disbursed()),
            ThaiMoney.amount(s.budget().subtract(s.disbursed())),
            s.percentDisbursed() == null ? "-" : s.percentDisbursed() + "%"));
    model.addAttribute(
        "paid",
        service.disbursements(province, fy).stream()
            .map(
                p ->
                    new Paid(
                        p.districtName(),
                        ThaiDates.formatShort(p.paidOn()),
                        ThaiMoney.amount(p.amount()),
                        p.description()))
            .toList());
    model.addAttribute(
        "waiting",
        service.pending(province).stream()
            .map(
                w ->
                    new Waiting(
                        w.what(),
                        w.requestedBy(),
                        ThaiDates.formatShort(
                            w.requestedAt().atZone(ThaiDates.BANGKOK).toLocalDate())))
            .toList());
    model.addAttribute(
        "mayEdit",
        currentUser.actor().isAdmin()
            || currentUser.actor().groups().contains(Roles.provinceOfficers(province)));
    model.addAttribute("today", ThaiDates.formatNumeric(EngineClock.today()));
    return "budget";
  }

  @PostMapping("/budget/allotment")
  public String setBudget(
      @RequestParam String province,
      @RequestParam int year,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String amount,
      Model model,
      RedirectAttributes redirect) {
    try {
      service.requestBudget(
          district, Integer.toString(year), amount, currentUser.actor(), approvals::start);
      redirect.addFlashAttribute("notice", PENDING_NOTICE);
      return "redirect:/budget?province=" + province + "&year=" + year;
    } catch (ThaiValidationException e) {
      model.addAttribute("problems", e.problems());
      return page(province, year, model);
    }
  }

  @PostMapping("/budget/disbursement")
  public String disburse(
      @RequestParam String province,
      @RequestParam int year,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String paidOn,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String description,
      Model model,
      RedirectAttributes redirect) {
    try {
      service.requestDisbursement(
          district,
          Integer.toString(year),
          paidOn,
          amount,
          description,
          currentUser.actor(),
          EngineClock.today(),
          approvals::start);
      redirect.addFlashAttribute("notice", PENDING_NOTICE);
      return "redirect:/budget?province=" + province + "&year=" + year;
    } catch (ThaiValidationException e) {
      model.addAttribute("problems", e.problems());
      return page(province, year, model);
    }
  }
}
