package th.go.cdd.womenfund.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fund's rule for a password a person chooses herself ({@code womenfund.password}): at least
 * {@code min-length} characters (default 10), at most 128, with at least one letter and one digit,
 * not containing her user id, and not the one-time password she signed in with. Checked on {@code
 * /password/change} ({@link PasswordChangeController}); the engine's own password policy stays off,
 * since the passwords the system generates and the administrators' environment variables are not
 * chosen by a person at a form.
 */
@ConfigurationProperties("womenfund.password")
public record PasswordPolicy(Integer minLength) {

  public static final int MAX_LENGTH = 128;

  public PasswordPolicy {
    minLength = minLength == null || minLength < 8 ? 10 : minLength;
  }

  /** The rule in one Thai sentence, for the page. */
  public String thai() {
    return "อย่างน้อย "
        + minLength
        + " ตัวอักษร มีทั้งตัวอักษรภาษาอังกฤษและตัวเลข ไม่มีชื่อผู้ใช้ของท่านอยู่ในรหัสผ่าน"
        + " และต้องไม่ซ้ำกับรหัสผ่านชั่วคราว";
  }

  /**
   * What is wrong with {@code chosen} as {@code userId}'s new password (empty: acceptable); {@code
   * current} is the password she signed in with.
   */
  public List<String> problems(String userId, String current, String chosen, String repeated) {
    List<String> problems = new ArrayList<>();
    String p = chosen == null ? "" : chosen;
    if (p.isEmpty()) {
      problems.add("กรุณากรอกรหัสผ่านใหม่");
      return problems;
    }
    if (!p.equals(repeated)) {
      problems.add("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน");
    }
    if (p.equals(current)) {
      problems.add("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม (รหัสผ่านชั่วคราวที่ได้รับ)");
    }
    if (p.codePointCount(0, p.length()) < minLength) {
      problems.add("รหัสผ่านใหม่ต้องยาวอย่างน้อย " + minLength + " ตัวอักษร");
    }
    if (p.length() > MAX_LENGTH) {
      problems.add("รหัสผ่านใหม่ยาวเกิน " + MAX_LENGTH + " ตัวอักษร");
    }
    if (p.chars().noneMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      problems.add("รหัสผ่านใหม่ต้องมีตัวอักษรภาษาอังกฤษอย่างน้อยหนึ่งตัว");
    }
    if (p.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      problems.add("รหัสผ่านใหม่ต้องมีตัวเลขอย่างน้อยหนึ่งตัว");
    }
    if (userId != null
        && !userId.isBlank()
        && p.toLowerCase(Locale.ROOT).contains(userId.toLowerCase(Locale.ROOT))) {
      problems.add("รหัสผ่านใหม่ต้องไม่มีชื่อผู้ใช้ของท่านอยู่ในรหัสผ่าน");
    }
    if (p.isBlank() || !p.strip().equals(p)) {
      problems.add("รหัสผ่านใหม่ต้องไม่ขึ้นต้นหรือลงท้ายด้วยช่องว่าง");
    }
    return problems;
  }
}
