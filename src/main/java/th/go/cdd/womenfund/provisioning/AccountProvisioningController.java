package th.go.cdd.womenfund.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.ThaiPage;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Bulk provisioning, administrators ({@code camunda-admin}) only; anyone else gets 403. The page
 * {@code /admin/accounts}: upload a CSV or xlsx, see what happened, the invitations still waiting
 * for a mail (with a button that sends them now). The API is {@link AccountProvisioningApi}.
 */
@Controller
@ThaiPage
public class AccountProvisioningController {

  static final String REFUSED = "หน้านี้สำหรับผู้ดูแลระบบเท่านั้น";
  static final String CONFLICT =
      "นำเข้าไม่สำเร็จเพราะมีการแก้ไขผู้ใช้หรือกลุ่มเดียวกันพร้อมกัน: ไม่ได้สร้างผู้ใช้ใด ๆ"
          + " กรุณาส่งไฟล์อีกครั้ง";
  private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioningController.class);

  private final CurrentUser currentUser;
  private final AccountProvisioning provisioning;
  private final AccountInvitations invitations;

  public AccountProvisioningController(
      CurrentUser currentUser, AccountProvisioning provisioning, AccountInvitations invitations) {
    this.currentUser = currentUser;
    this.provisioning = provisioning;
    this.invitations = invitations;
  }

  /** The answer of the API and what the page shows after an upload. */
  public record Report(
      int rows,
      int created,
      int unchanged,
      int membershipsAdded,
      int mailsSent,
      int mailsPending,
      List<String> problems)
      implements Serializable {}

  @GetMapping("/admin/accounts")
  public String page(Model model) {
    requireAdmin();
    model.addAttribute("columns", AccountFile.Column.values());
    model.addAttribute("roles", AccountRole.values());
    model.addAttribute("maxRows", AccountFile.MAX_ROWS);
    model.addAttribute("pending", invitations.pending());
    return "admin-accounts";
  }

  @PostMapping(path = "/admin/accounts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public String upload(@RequestPart("file") MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    requireAdmin();
    try (InputStream in = file.getInputStream()) {
      redirect.addFlashAttribute("report", run(in, file.getOriginalFilename()));
    }
    return "redirect:/admin/accounts";
  }

  @PostMapping("/admin/accounts/resend")
  public String resend(RedirectAttributes redirect) {
    requireAdmin();
    AccountInvitations.Sent sent = invitations.sendPending();
    redirect.addFlashAttribute(
        "notice",
        "ส่งอีเมลแล้ว "
            + sent.sent()
            + " ราย"
            + (sent.failed() > 0
                ? " ยังส่งไม่สำเร็จ " + sent.failed() + " ราย (ระบบจะลองใหม่เอง)"
                : ""));
    return "redirect:/admin/accounts";
  }

  /** Reads and provisions; a refusal becomes the report's problems (nothing was created). */
  Report run(InputStream in, String fileName) {
    AccountProvisioning.Outcome outcome;
    try {
      outcome = provisioning.provision(AccountFile.read(in, fileName));
    } catch (ThaiValidationException refused) {
      return new Report(0, 0, 0, 0, 0, invitations.pending().size(), refused.problems());
    } catch (RuntimeException concurrent) {
      // e.g. the same file sent twice at once: the second transaction meets the first's accounts
      // and rolls back
      LOG.warn("provisioning file refused after a conflict, nothing created", concurrent);
      return new Report(0, 0, 0, 0, 0, invitations.pending().size(), List.of(CONFLICT));
    }
    AccountInvitations.Sent sent = invitations.sendPending();
    return new Report(
        outcome.rows(),
        outcome.created(),
        outcome.unchanged(),
        outcome.membershipsAdded(),
        sent.sent(),
        invitations.pending().size(),
        List.of());
  }

  boolean isAdmin() {
    return currentUser.actor().isAdmin();
  }

  private void requireAdmin() {
    if (!isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, REFUSED);
    }
  }
}
