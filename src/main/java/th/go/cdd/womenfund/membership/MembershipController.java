package th.go.cdd.womenfund.membership;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.security.OfficerDistricts;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.OwnAreas;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * /membership: a district officer registers women (individual members) and women's organisations of
 * her district; /membership/targets: the province's officers key the Department's recruitment
 * target.
 */
@Controller
@ThaiPage
public class MembershipController {

  private final MembershipService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;
  private final OfficerDistricts officerDistricts;

  public MembershipController(
      MembershipService service,
      CurrentUser currentUser,
      AreaRepository areas,
      OfficerDistricts officerDistricts) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
    this.officerDistricts = officerDistricts;
  }

  @GetMapping("/membership")
  public String page(@RequestParam(required = false) String district, Model model) {
    District d = district(district);
    model.addAttribute("district", d);
    model.addAttribute("districts", officerDistricts.of(currentUser.actor()));
    model.addAttribute("subDistricts", areas.subDistrictsOf(d.code()));
    model.addAttribute(
        "latest",
        service.latest(d.code()).stream()
            .map(
                l ->
                    new Row(
                        l.kind(),
                        l.name(),
                        l.nationalIdMasked(),
                        l.subDistrictName(),
                        ThaiDates.formatShort(l.registeredOn())))
            .toList());
    ThaiFiscalYear fy = ThaiFiscalYear.of(EngineClock.today());
    model.addAttribute("fiscalYear", fy.label());
    if (!model.containsAttribute("individual")) {
      model.addAttribute(
          "individual", new MembershipService.IndividualInput("", "", "", "", "", true, true));
    }
    if (!model.containsAttribute("organisation")) {
      model.addAttribute(
          "organisation", new MembershipService.OrganisationInput("", "", "", "", ""));
    }
    return "membership";
  }

  public record Row(
      String kind, String name, String nationalId, String subDistrict, String registeredOn) {}

  @PostMapping("/membership/individual")
  public String registerIndividual(
      @RequestParam String district,
      @RequestParam(required = false) String nationalId,
      @RequestParam(required = false) String fullName,
      @RequestParam(required = false) String birthDate,
      @RequestParam(required = false) String residentSince,
      @RequestParam(required = false) String subDistrictCode,
      @RequestParam(required = false) String thaiNationality,
      @RequestParam(required = false) String female,
      Model model,
      RedirectAttributes redirect) {
    MembershipService.IndividualInput in =
        new MembershipService.IndividualInput(
            nationalId,
            fullName,
            birthDate,
            residentSince,
            subDistrictCode,
            yesNo(thaiNationality),
            yesNo(female));
    try {
      MembershipService.Registered r =
          service.registerIndividual(in, currentUser.actor(), EngineClock.today());
      redirect.addFlashAttribute(
          "notice",
          "ลงทะเบียน"
              + r.fullName()
              + " เป็นสมาชิกประเภทบุคคลธรรมดาแล้ว ("
              + r.fiscalYear().label()
              + ")");
      return "redirect:/membership?district=" + district;
    } catch (ThaiValidationException e) {
      model.addAttribute("individual", in);
      model.addAttribute("problems", e.problems());
      return page(district, model);
    }
  }

  @PostMapping("/membership/organisation")
  public String registerOrganisation(
      @RequestParam String district,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String subDistrictCode,
      @RequestParam(required = false) String contactName,
      @RequestParam(required = false) String contactPhone,
      @RequestParam(required = false) String memberCount,
      Model model,
      RedirectAttributes redirect) {
    MembershipService.OrganisationInput in =
        new MembershipService.OrganisationInput(
            name, subDistrictCode, contactName, contactPhone, memberCount);
    try {
      ThaiFiscalYear fy =
          service.registerOrganisation(in, currentUser.actor(), EngineClock.today());
      redirect.addFlashAttribute(
          "notice", "ลงทะเบียนองค์กรสตรี \"" + name.strip() + "\" แล้ว (" + fy.label() + ")");
      return "redirect:/membership?district=" + district;
    } catch (ThaiValidationException e) {
      model.addAttribute("organisation", in);
      model.addAttribute("problems", e.problems());
      return page(district, model);
    }
  }

  @GetMapping("/membership/targets")
  public String targets(@RequestParam String province, Model model) {
    if (!currentUser.actor().maySetTargetOf(province)) {
      currentUser.requireProvince(province); // the province's committee and supervisors read it too
    }
    model.addAttribute("province", areas.province(province).orElseThrow());
    ThaiFiscalYear fy = ThaiFiscalYear.of(EngineClock.today());
    model.addAttribute("fiscalYear", fy.buddhistYear());
    model.addAttribute(
        "progress",
        List.of(service.progress(province, fy), service.progress(province, fy.previous())));
    model.addAttribute("mayEdit", currentUser.actor().maySetTargetOf(province));
    return "membership-targets";
  }

  @PostMapping("/membership/targets")
  public String setTarget(
      @RequestParam String province,
      @RequestParam(required = false) String fiscalYear,
      @RequestParam(required = false) String target,
      Model model,
      RedirectAttributes redirect) {
    try {
      service.setTarget(province, fiscalYear, target, currentUser.actor());
      redirect.addFlashAttribute(
          "notice", "บันทึกเป้าหมายปีงบประมาณ พ.ศ. " + fiscalYear.strip() + " แล้ว");
      return "redirect:/membership/targets?province=" + province;
    } catch (ThaiValidationException e) {
      model.addAttribute("problems", e.problems());
      return targets(province, model);
    }
  }

  private District district(String code) {
    return OwnAreas.choose(
        "การรับสมัครสมาชิกเป็นงานของเจ้าหน้าที่พัฒนาชุมชนอำเภอ",
        "ท่านรับสมัครสมาชิกได้เฉพาะในอำเภอที่ท่านรับผิดชอบ",
        officerDistricts.of(currentUser.actor()),
        District::code,
        code);
  }

  private static Boolean yesNo(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.equals("yes") || value.equals("true") || value.equals("on");
  }
}
