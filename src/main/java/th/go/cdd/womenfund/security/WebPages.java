package th.go.cdd.womenfund.security;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.system.ThaiPage;

/** The Thai login page and the home page with what the signed-in person may open. */
@Controller
@ThaiPage
public class WebPages {

  private final CurrentUser currentUser;
  private final AreaRepository areas;

  public WebPages(CurrentUser currentUser, AreaRepository areas) {
    this.currentUser = currentUser;
    this.areas = areas;
  }

  @GetMapping("/login")
  public String login() {
    return "login";
  }

  @GetMapping("/home")
  public String home(Model model) {
    Actor a = currentUser.actor();
    boolean all = a.isAdmin() || a.groups().contains(Roles.DEPARTMENT);
    List<Province> provinces = areas.provinces();
    model.addAttribute("allProvinces", all ? provinces : List.of());
    model.addAttribute(
        "supervisedProvinces",
        all
            ? List.of()
            : provinces.stream()
                .filter(p -> a.groups().contains(Roles.provinceSupervisors(p.code())))
                .toList());
    model.addAttribute(
        "officerProvinces",
        provinces.stream()
            .filter(p -> a.isAdmin() || a.groups().contains(Roles.provinceOfficers(p.code())))
            .toList());
    model.addAttribute("admin", a.isAdmin());
    // the restructuring rounds and the late work of a province: its groups, the Department (all
    // provinces), admins
    model.addAttribute(
        "provincePages",
        all
            ? provinces
            : provinces.stream()
                .filter(
                    p ->
                        a.groups().stream()
                            .anyMatch(g -> g.startsWith("province-" + p.code() + "-")))
                .toList());
    model.addAttribute("everyProvince", all);
    model.addAttribute(
        "districtOfficer",
        a.isAdmin()
            || a.groups().stream()
                .anyMatch(g -> g.startsWith("district-") && g.endsWith("-officers")));
    return "home";
  }
}
