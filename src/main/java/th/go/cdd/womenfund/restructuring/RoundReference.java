package th.go.cdd.womenfund.restructuring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * How people name a restructuring round: "RS-23-1" (province 23, round 1), the business key
 * Tasklist shows on every task of the round, or the round's number alone. One place builds and
 * reads it.
 */
public record RoundReference(String provinceCode, long roundId) {

  private static final Pattern FULL = Pattern.compile("(?i)RS-(\\d{2})-(\\d{1,12})");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,12}");

  public static String of(String provinceCode, long roundId) {
    return "RS-" + provinceCode + "-" + roundId;
  }

  /**
   * The reference as typed or linked; {@code provinceCode} is null when only the number was given.
   */
  public static RoundReference parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = FULL.matcher(t);
    if (m.matches()) {
      return new RoundReference(m.group(1), Long.parseLong(m.group(2)));
    }
    if (NUMBER.matcher(t).matches()) {
      return new RoundReference(null, Long.parseLong(t));
    }
    String shown = t.length() > 30 ? t.substring(0, 30) + "…" : t;
    throw new ThaiValidationException(
        "เลขที่รอบการปรับโครงสร้างหนี้ \""
            + shown
            + "\" ไม่ถูกต้อง: ใช้เลขที่ที่แสดงใน Tasklist เช่น RS-23-1");
  }

  /** Whether a round of this province and number is the one this reference names. */
  public boolean names(String roundProvince, long id) {
    return roundId == id && (provinceCode == null || provinceCode.equals(roundProvince));
  }

  @Override
  public String toString() {
    return provinceCode == null ? Long.toString(roundId) : of(provinceCode, roundId);
  }
}
