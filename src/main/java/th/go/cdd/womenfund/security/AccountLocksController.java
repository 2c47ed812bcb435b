package th.go.cdd.womenfund.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * /admin/locks, for administrators ({@code camunda-admin}) only: the accounts the engine slows down
 * after wrong passwords (ACT_ID_USER's attempts and lock time) and the client addresses {@link
 * LoginThrottle} makes wait, each with a button that lifts it at once (for an account: {@code
 * identityService.unlockUser}, which also sets its count of wrong passwords back to zero).
 */
@Controller
@ThaiPage
public class AccountLocksController {

  private final CurrentUser currentUser;
  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final JdbcClient jdbc;
  private final String tablePrefix;

  public AccountLocksController(
      CurrentUser currentUser,
      IdentityService identity,
      LoginThrottle throttle,
      JdbcClient jdbc,
      ProcessEngineConfiguration engineConfiguration) {
    this.currentUser = currentUser;
    this.identity = identity;
    this.throttle = throttle;
    this.jdbc = jdbc;
    String prefix =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineConfiguration)
            .getDatabaseTablePrefix();
    this.tablePrefix = prefix == null ? "" : prefix;
  }

  /**
   * An account with wrong passwords counted: how many, and until when it waits (null: it may try
   * now).
   */
  public record AccountRow(
      String userId, String name, int attempts, String until, boolean waiting) {}

  public record AddressRow(
      String address, int failures, String lastFailure, String until, boolean waiting) {}

  private void requireAdmin() {
    if (!currentUser.actor().isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "หน้านี้สำหรับผู้ดูแลระบบเท่านั้น");
    }
  }

  static String when(Instant at) {
    if (at == null) {
      return "";
    }
    var local = at.atZone(ThaiDates.BANGKOK);
    return ThaiDates.formatShort(local.toLocalDate())
        + " "
        + DateTimeFormatter.ofPattern("HH:mm:ss").format(local);
  }

  static String until(Instant until, Instant now) {
    return until == null || !until.isAfter(now)
        ? ""
        : when(until) + " (อีก " + LoginThrottleFilter.thaiWait(Duration.between(now, until)) + ")";
  }

  @GetMapping("/admin/locks")
  public String page(Model model) {
    requireAdmin();
    Instant now = LoginThrottle.now();
    List<AccountRow> accounts =
        jdbc.sql(
                "select ID_, FIRST_, LAST_, ATTEMPTS_, LOCK_EXP_TIME_ from "
                    + tablePrefix
                    + "ACT_ID_USER where ATTEMPTS_ > 0 or LOCK_EXP_TIME_ > ? order by ID_")
            .param(Timestamp.from(now))
            .query(
                (rs, n) -> {
                  Timestamp lock = rs.getTimestamp(5);
                  Instant until = lock == null ? null : lock.toInstant();
                  String name =
                      ((rs.getString(2) == null ? "" : rs.getString(2))
                              + " "
                              + (rs.getString(3) == null ? "" : rs.getString(3)))
                          .strip();
                  return new AccountRow(
                      rs.getString(1),
                      name,
                      rs.getInt(4),
                      until(until, now),
                      until != null && until.isAfter(now));
                })
            .list();
    List<AddressRow> addresses =
        throttle.throttled().stream()
            .map(
                t ->
                    new AddressRow(
                        t.address(),
                        t.failures(),
                        when(t.lastFailure()),
                        until(t.blockedUntil(), now),
                        t.blockedAt(now)))
            .toList();
    model.addAttribute("accounts", accounts);
    model.addAttribute("addresses", addresses);
    model.addAttribute("freeFailures", throttle.freeFailures());
    return "admin-locks";
  }

  @PostMapping("/admin/locks/account")
  public String liftAccount(@RequestParam("userId") String userId, RedirectAttributes redirect) {
    requireAdmin();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      redirect.addFlashAttribute("notice", "ไม่พบบัญชีผู้ใช้ " + userId);
    } else {
      identity.unlockUser(userId);
      redirect.addFlashAttribute(
          "notice", "ปลดการระงับบัญชี " + userId + " แล้ว: เข้าสู่ระบบได้ทันที");
    }
    return "redirect:/admin/locks";
  }

  @PostMapping("/admin/locks/address")
  public String liftAddress(@RequestParam("address") String address, RedirectAttributes redirect) {
    requireAdmin();
    redirect.addFlashAttribute(
        "notice",
        throttle.lift(address)
            ? "ปลดการระงับเครื่อง " + address + " แล้ว: เข้าสู่ระบบจากเครื่องนี้ได้ทันที"
            : "เครื่อง " + address + " ไม่ได้ถูกระงับอยู่แล้ว");
    return "redirect:/admin/locks";
  }
}
