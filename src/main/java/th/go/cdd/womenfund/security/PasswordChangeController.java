package th.go.cdd.womenfund.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * {@code /password/change}: the signed-in person chooses her own password — must, while her
 * password is one-time ({@link OneTimePasswords}, {@link PasswordChangeGate}), may at any other
 * time. She gives the password she signed in with and the new one twice; the new one must follow
 * {@link PasswordPolicy} and differ from the old. A refusal is the page again with the Thai reasons
 * (422) and nothing changed; a wrong current password is counted like a failed login ({@link
 * LoginThrottle}). On success the password is stored and the one-time mark cleared in one
 * transaction, and she goes on to her home page. With the directory (profile {@code ldap})
 * passwords are the directory's and the page says so.
 */
@Controller
@ThaiPage
public class PasswordChangeController {

  public static final String PATH = "/password/change";
  static final String WRONG_CURRENT = "รหัสผ่านปัจจุบันไม่ถูกต้อง: ไม่ได้เปลี่ยนรหัสผ่าน";
  static final String DIRECTORY =
      "รหัสผ่านของท่านอยู่ในทะเบียนผู้ใช้ของกรม (LDAP): เปลี่ยนรหัสผ่านได้ที่ระบบของกรมเท่านั้น";
  static final String CHANGED = "เปลี่ยนรหัสผ่านเรียบร้อยแล้ว";

  private final CurrentUser currentUser;
  private final IdentityService identity;
  private final OneTimePasswords oneTime;
  private final PasswordPolicy policy;
  private final TransactionTemplate transaction;

  public PasswordChangeController(
      CurrentUser currentUser,
      IdentityService identity,
      OneTimePasswords oneTime,
      PasswordPolicy policy,
      PlatformTransactionManager transactions) {
    this.currentUser = currentUser;
    this.identity = identity;
    this.oneTime = oneTime;
    this.policy = policy;
    this.transaction = new TransactionTemplate(transactions);
  }

  @GetMapping(PATH)
  public String page(Model model) {
    String userId = currentUser.actor().userId();
    model.addAttribute("userId", userId);
    model.addAttribute("required", oneTime.mustChange(userId));
    model.addAttribute("directory", !oneTime.applies() || identity.isReadOnly());
    model.addAttribute("rule", policy.thai());
    model.addAttribute("minLength", policy.minLength());
    return "password-change";
  }

  @PostMapping(PATH)
  public String change(
      @RequestParam(name = "current", defaultValue = "") String current,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = "confirm", defaultValue = "") String confirm,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String userId = currentUser.actor().userId();
    List<String> problems = new ArrayList<>();
    if (!oneTime.applies() || identity.isReadOnly()) {
      problems.add(DIRECTORY);
    } else if (current.isEmpty()) {
      problems.add("กรุณากรอกรหัสผ่านปัจจุบัน (รหัสผ่านชั่วคราวที่ได้รับทางอีเมล)");
    } else {
      problems.addAll(policy.problems(userId, current, password, confirm));
      // checked last: a wrong one is counted for this client address like a failed login
      if (problems.isEmpty() && !identity.checkPassword(userId, current)) {
        problems.add(WRONG_CURRENT);
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(422);
      model.addAttribute("problems", problems);
      return page(model);
    }
    transaction.executeWithoutResult(
        status -> {
          User user = identity.createUserQuery().userId(userId).singleResult();
          user.setPassword(password);
          identity.saveUser(user);
          oneTime.cleared(userId);
        });
    redirect.addFlashAttribute("pageMessage", CHANGED);
    return "redirect:/home";
  }
}
