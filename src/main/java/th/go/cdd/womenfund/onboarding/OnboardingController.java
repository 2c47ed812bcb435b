package th.go.cdd.womenfund.onboarding;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.limits.RequestLimits;

/**
 * /onboarding: a province's existing portfolio brought in from its books (issue 15). Templates to
 * download; an upload shows a preview (every refused row with its number, column and what is wrong,
 * and the file's totals) before anything is written; the import itself is a second step on the same
 * staged file, all or nothing. Province officers import for their province, district officers for
 * their district, admins anywhere.
 */
@Controller
@ThaiPage
public class OnboardingController {

  static final String STAGED = "onboarding.staged";

  private final PortfolioImport imports;
  private final CurrentUser currentUser;
  private final AreaRepository areas;
  private final RequestLimits limits;

  public OnboardingController(
      PortfolioImport imports,
      CurrentUser currentUser,
      AreaRepository areas,
      RequestLimits limits) {
    this.imports = imports;
    this.currentUser = currentUser;
    this.areas = areas;
    this.limits = limits;
  }

  /**
   * An uploaded file kept on disk between its preview and its import, for one session and one
   * person.
   */
  record Staged(
      String token,
      String path,
      PortfolioKind kind,
      String province,
      String userId,
      String fileName)
      implements Serializable {}

  public record ProblemRow(String row, String column, String message) {}

  public record Totals(
      String kind,
      String rows,
      String added,
      String existing,
      String refused,
      String principal,
      String interest,
      String paid,
      String outstanding) {}

  @GetMapping("/onboarding")
  public String page(@RequestParam String province, Model model) {
    scope(province);
    model.addAttribute(
        "province",
        areas
            .province(province)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "ไม่พบจังหวัดรหัส " + province)));
    model.addAttribute("kinds", Arrays.asList(PortfolioKind.values()));
    model.addAttribute("maxSize", RequestLimits.thai(limits.maxBytes("/onboarding/preview")));
    model.addAttribute(
        "restMaxSize", RequestLimits.thai(limits.maxBytes("/api/onboarding/members")));
    return "onboarding";
  }

  @GetMapping("/onboarding/templates/{name}")
  public ResponseEntity<byte[]> template(@PathVariable String name) {
    int dot = name.lastIndexOf('.');
    PortfolioKind kind = dot < 0 ? null : PortfolioKind.ofSlug(name.substring(0, dot)).orElse(null);
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (kind == null || !(ext.equals("csv") || ext.equals("xlsx"))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่มีแบบฟอร์มนี้");
    }
    boolean xlsx = ext.equals("xlsx");
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("แบบฟอร์ม-" + kind.labelTh() + "." + ext, StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(
            xlsx
                ? MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(xlsx ? PortfolioTemplates.xlsx(kind) : PortfolioTemplates.csv(kind));
  }

  @PostMapping("/onboarding/preview")
  public String preview(
      @RequestParam String province,
      @RequestParam String kind,
      @RequestParam(required = false) MultipartFile file,
      HttpSession session,
      Model model)
      throws IOException {
    PortfolioImport.Scope scope = scope(province);
    PortfolioKind k =
        PortfolioKind.ofSlug(kind)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "ไม่มีข้อมูลประเภทนี้"));
    if (file == null || file.isEmpty()) {
      model.addAttribute("fileProblem", "กรุณาเลือกไฟล์ .xlsx หรือ .csv ที่จะนำเข้า");
      return page(province, model);
    }
    long max = limits.maxBytes("/onboarding/preview");
    if (file.getSize() > max) {
      model.addAttribute(
          "fileProblem",
          "ไฟล์มีขนาดเกิน " + RequestLimits.thai(max) + ": กรุณาแบ่งไฟล์แล้วนำเข้าทีละไฟล์");
      return page(province, model);
    }
    discard(session);
    Path staged = Files.createTempFile("womenfund-import-", ".upload");
    try (InputStream in = file.getInputStream()) {
      Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
    }
    Staged s =
        new Staged(
            UUID.randomUUID().toString(),
            staged.toString(),
            k,
            province,
            scope.actor().userId(),
            file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
    PortfolioImport.Report report = imports.preview(k, staged, scope, EngineClock.today());
    if (report.accepted()) {
      session.setAttribute(STAGED, s);
    } else {
      Files.deleteIfExists(staged);
    }
    show(report, s, model);
    return page(province, model);
  }

  @PostMapping("/onboarding/apply")
  public String apply(
      @RequestParam String province, @RequestParam String token, HttpSession session, Model model)
      throws IOException {
    PortfolioImport.Scope scope = scope(province);
    Staged s = session.getAttribute(STAGED) instanceof Staged st ? st : null;
    if (s == null
        || !s.token().equals(token)
        || !s.province().equals(province)
        || !s.userId().equals(scope.actor().userId())) {
      model.addAttribute(
          "fileProblem",
          "ไม่พบไฟล์ที่ตรวจสอบไว้ (อาจหมดเวลาหรือนำเข้าไปแล้ว): กรุณาอัปโหลดไฟล์อีกครั้ง");
      return page(province, model);
    }
    session.removeAttribute(STAGED);
    Path path = Path.of(s.path());
    try {
      PortfolioImport.Report report = imports.apply(s.kind(), path, scope, EngineClock.today());
      show(report, s, model);
    } finally {
      Files.deleteIfExists(path);
    }
    return page(province, model);
  }

  private void discard(HttpSession session) throws IOException {
    if (session.getAttribute(STAGED) instanceof Staged old) {
      Files.deleteIfExists(Path.of(old.path()));
      session.removeAttribute(STAGED);
    }
  }

  private static void show(PortfolioImport.Report r, Staged s, Model model) {
    model.addAttribute("report", r);
    model.addAttribute("staged", s);
    model.addAttribute(
        "problems",
        r.problems().stream()
            .map(
                p ->
                    new ProblemRow(
                        p.row() == 0 ? "-" : Long.toString(p.row()),
                        p.column().isEmpty() ? "-" : p.column(),
                        p.message()))
            .toList());
    model.addAttribute(
        "totals",
        new Totals(
            r.kind().labelTh(),
            count(r.rows()),
            count(r.added()),
            count(r.existing()),
            count(r.refusedRows()),
            baht(r.principal()),
            baht(r.interest()),
            baht(r.paid()),
            baht(r.outstanding())));
  }

  private static String count(long n) {
    return String.format("%,d", n);
  }

  private static String baht(BigDecimal b) {
    return b == null ? "-" : ThaiMoney.amount(b);
  }

  private PortfolioImport.Scope scope(String province) {
    PortfolioImport.Scope scope = new PortfolioImport.Scope(province, currentUser.actor());
    if (!province.matches("[0-9]{2}") || !scope.mayImport()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "การนำเข้าข้อมูลของจังหวัดนี้ทำได้เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดหรืออำเภอในจังหวัดนั้นเท่านั้น");
    }
    return scope;
  }
}
