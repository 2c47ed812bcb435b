package th.go.cdd.womenfund.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.go.cdd.womenfund.provisioning.AccountProvisioningController.Report;

/**
 * {@code POST /api/admin/accounts/import}, administrators only (403 in Thai for anyone else): the
 * file as the multipart field {@code file}, or as the body ({@code text/csv}, or the xlsx type).
 * 200 with what was created and mailed; 422 with the Thai list of bad rows, nothing created.
 */
@RestController
public class AccountProvisioningApi {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final AccountProvisioningController pages;

  public AccountProvisioningApi(AccountProvisioningController pages) {
    this.pages = pages;
  }

  @PostMapping(path = "/api/admin/accounts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Report> importFile(@RequestPart("file") MultipartFile file)
      throws IOException {
    if (!pages.isAdmin()) {
      return refused();
    }
    try (InputStream in = file.getInputStream()) {
      return answer(pages.run(in, file.getOriginalFilename()));
    }
  }

  @PostMapping(
      path = "/api/admin/accounts/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, XLSX})
  public ResponseEntity<Report> importBody(InputStream body) {
    if (!pages.isAdmin()) {
      return refused();
    }
    return answer(pages.run(body, null));
  }

  private static ResponseEntity<Report> refused() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(new Report(0, 0, 0, 0, 0, 0, List.of(AccountProvisioningController.REFUSED)));
  }

  private static ResponseEntity<Report> answer(Report report) {
    return ResponseEntity.status(
            report.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .body(report);
  }
}
