package th.go.cdd.womenfund.restructuring;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Downloads of a restructuring round, for the province's groups and the Department (which receives
 * the submission). The round is named as Tasklist shows it ({@code RS-23-1}) or by its number.
 */
@RestController
public class RestructuringController {

  private final SubmissionExport export;
  private final RoundOverview overview;
  private final CurrentUser currentUser;

  public RestructuringController(
      SubmissionExport export, RoundOverview overview, CurrentUser currentUser) {
    this.export = export;
    this.overview = overview;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/restructuring/rounds/{reference}/submission.xlsx")
  public ResponseEntity<byte[]> submission(@PathVariable String reference) {
    RoundReference ref = RoundReference.parse(reference);
    String province = overview.provinceOf(ref);
    currentUser.requireProvinceOrDepartment(province);
    byte[] body = export.xlsx(ref.roundId(), EngineClock.today());
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("restructuring-" + RoundReference.of(province, ref.roundId()) + ".xlsx")
                .build()
                .toString())
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }
}
