package th.go.cdd.womenfund.onboarding;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The portfolio import over REST ({@code /api}, HTTP Basic), for files larger than the page's
 * upload: the file is the request body (.csv or .xlsx, up to {@code womenfund.limits} for {@code
 * /api/onboarding/**}), copied to disk as it streams in and read row by row. {@code apply=false}
 * previews; {@code apply=true} imports, all or nothing. A file with refused rows is 422 with every
 * problem; another area's officer is 403.
 */
@RestController
@RequestMapping("/api/onboarding")
public class OnboardingApi {

  private final PortfolioImport imports;
  private final CurrentActor currentActor;

  public OnboardingApi(PortfolioImport imports, CurrentActor currentActor) {
    this.imports = imports;
    this.currentActor = currentActor;
  }

  @PostMapping("/{kind}")
  public ResponseEntity<PortfolioImport.Report> upload(
      @PathVariable String kind,
      @RequestParam String province,
      @RequestParam(defaultValue = "false") boolean apply,
      HttpServletRequest request)
      throws IOException {
    Actor actor =
        currentActor.get().orElseThrow(() -> new ThaiValidationException("กรุณาเข้าสู่ระบบ"));
    PortfolioImport.Scope scope = new PortfolioImport.Scope(province, actor);
    if (!province.matches("[0-9]{2}") || !scope.mayImport()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "การนำเข้าข้อมูลของจังหวัดนี้ทำได้เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดหรืออำเภอในจังหวัดนั้นเท่านั้น");
    }
    PortfolioKind k =
        PortfolioKind.ofSlug(kind)
            .orElseThrow(
                () ->
                    new ThaiValidationException(
                        "ไม่มีข้อมูลประเภท \""
                            + (kind.length() > 20 ? kind.substring(0, 20) : kind)
                            + "\": ใช้ members, groups, loans, schedules หรือ payments"));
    Path file = Files.createTempFile("womenfund-import-", ".upload");
    try {
      try (InputStream in = request.getInputStream()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      PortfolioImport.Report report =
          apply
              ? imports.apply(k, file, scope, EngineClock.today())
              : imports.preview(k, file, scope, EngineClock.today());
      return ResponseEntity.status(
              report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
          .body(report);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
