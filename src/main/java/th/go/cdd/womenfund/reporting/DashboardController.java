package th.go.cdd.womenfund.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * /dashboard: a province's live figures for its supervisors (the Department: every province), with
 * charts and each table as .xlsx.
 */
@Controller
@ThaiPage
public class DashboardController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final DashboardService service;
  private final CurrentUser currentUser;
  private final AreaRepository areas;
  private final ObjectMapper json;

  public DashboardController(
      DashboardService service, CurrentUser currentUser, AreaRepository areas, ObjectMapper json) {
    this.service = service;
    this.currentUser = currentUser;
    this.areas = areas;
    this.json = json;
  }

  DashboardService.Dashboard load(String province, Integer year) {
    if (areas.province(province).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบจังหวัดรหัส " + province);
    }
    currentUser.requireSupervisorOf(province);
    ThaiFiscalYear fy =
        year == null ? ThaiFiscalYear.of(EngineClock.today()) : new ThaiFiscalYear(year);
    return service.dashboard(province, fy, EngineClock.today());
  }

  @GetMapping("/dashboard")
  public String dashboard(
      @RequestParam(defaultValue = "23") String province,
      @RequestParam(required = false) Integer year,
      Model model)
      throws JsonProcessingException {
    DashboardService.Dashboard d = load(province, year);
    model.addAttribute("d", d);
    model.addAttribute("asOf", ThaiDates.format(d.asOf()));
    // JSON inside a non-executed <script type="application/json">: no "<" may close it early
    model.addAttribute("chartJson", json.writeValueAsString(d.charts()).replace("<", "\\u003c"));
    model.addAttribute("cells", new CellFormatter());
    return "dashboard";
  }

  @GetMapping("/dashboard/{table}.xlsx")
  public ResponseEntity<byte[]> xlsx(
      @PathVariable String table,
      @RequestParam(defaultValue = "23") String province,
      @RequestParam(required = false) Integer year) {
    DashboardService.Dashboard d = load(province, year);
    Table t =
        d.table(table)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่มีตาราง " + table));
    byte[] body =
        TableExport.xlsx(
            t,
            "จังหวัด"
                + d.province().nameTh()
                + " "
                + d.fiscalYear().label()
                + " ข้อมูล ณ วันที่ "
                + ThaiDates.format(d.asOf()));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(table + "-" + province + "-" + d.fiscalYear().buddhistYear() + ".xlsx")
                .build()
                .toString())
        .contentType(XLSX)
        .body(body);
  }

  /** Thymeleaf's access to {@link Cells}. */
  public static class CellFormatter {
    public String text(Object v) {
      return Cells.text(v);
    }

    public String pct(java.math.BigDecimal v) {
      return Cells.text(new Table.Percent(v));
    }

    public boolean numeric(Object v) {
      return Cells.numeric(v);
    }
  }
}
