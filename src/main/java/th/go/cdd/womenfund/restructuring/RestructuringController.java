package th.go.cdd.womenfund.restructuring;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.EngineClock;

/** Downloads of a restructuring round, for the province's groups. */
@RestController
public class RestructuringController {

  private final SubmissionExport export;
  private final CurrentUser currentUser;

  public RestructuringController(SubmissionExport export, CurrentUser currentUser) {
    this.export = export;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/restructuring/rounds/{roundId}/submission.xlsx")
  public ResponseEntity<byte[]> submission(@PathVariable long roundId) {
    String province;
    try {
      province = export.round(roundId).provinceCode();
    } catch (EmptyResultDataAccessException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบรอบการปรับโครงสร้างหนี้เลขที่ " + roundId);
    }
    currentUser.requireProvince(province);
    byte[] body = export.xlsx(roundId, EngineClock.today());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("restructuring-round-" + roundId + ".xlsx").build().toString())
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }
}
