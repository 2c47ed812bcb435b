package th.go.cdd.womenfund.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.security.OpenTasks.OpenTask;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.MistypedParameterException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * {@code /late-work?province=23}: every open task of the province that is late or due within {@link
 * TasklistFilters#DUE_SOON_DAYS} days, by district, with who holds it and how late it is. For the
 * province's groups (the supervisors above all), the Department and admins; read-only.
 */
@Controller
@ThaiPage
public class LateWorkPage {

  private final OpenTasks openTasks;
  private final CurrentUser currentUser;
  private final AreaRepository areas;

  public LateWorkPage(OpenTasks openTasks, CurrentUser currentUser, AreaRepository areas) {
    this.openTasks = openTasks;
    this.currentUser = currentUser;
    this.areas = areas;
  }

  /** One district's part of the page. */
  public record DistrictWork(String name, List<OpenTask> late, List<OpenTask> near) {}

  @GetMapping("/late-work")
  public String page(@RequestParam String province, Model model) {
    String shown = province.length() > 20 ? province.substring(0, 20) + "…" : province;
    Province p =
        (province.matches("\\d{2}") ? areas.province(province) : Optional.<Province>empty())
            .orElseThrow(
                () ->
                    new MistypedParameterException(
                        "province",
                        "ไม่พบจังหวัดรหัส \""
                            + shown
                            + "\": รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 23"));
    currentUser.requireProvinceOrDepartment(p.code());
    List<District> districts = areas.districtsOf(p.code());
    List<OpenTask> tasks = openTasks.lateOrNear(p.code(), TasklistFilters.DUE_SOON_DAYS);
    Map<String, List<OpenTask>> byDistrict =
        OpenTasks.byDistrict(tasks, districts.stream().map(District::code).toList());
    List<DistrictWork> work =
        byDistrict.entrySet().stream()
            .map(
                e ->
                    new DistrictWork(
                        e.getKey().isEmpty()
                            ? "งานระดับจังหวัด"
                            : districts.stream()
                                .filter(d -> d.code().equals(e.getKey()))
                                .map(d -> "อำเภอ" + d.nameTh())
                                .findFirst()
                                .orElse(e.getKey()),
                        e.getValue().stream().filter(OpenTask::late).toList(),
                        e.getValue().stream().filter(t -> !t.late()).toList()))
            .toList();
    model.addAttribute("province", p);
    model.addAttribute("work", work);
    model.addAttribute("lateCount", tasks.stream().filter(OpenTask::late).count());
    model.addAttribute("nearCount", tasks.stream().filter(t -> !t.late()).count());
    model.addAttribute("nearDays", TasklistFilters.DUE_SOON_DAYS);
    model.addAttribute("asOf", ThaiDates.format(EngineClock.today()));
    model.addAttribute("dates", new Dates());
    return "late-work";
  }

  /** Thymeleaf's access to Thai dates. */
  public static class Dates {
    public String shortDate(LocalDate d) {
      return d == null ? "-" : ThaiDates.formatShort(d);
    }
  }
}
