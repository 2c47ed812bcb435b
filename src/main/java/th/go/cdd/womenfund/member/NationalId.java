package th.go.cdd.womenfund.member;

import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * เลขประจำตัวประชาชน: 13 digits, the last a check digit (mod 11 over the first twelve weighted
 * 13..2). Shown masked everywhere it is not needed in full.
 */
public record NationalId(String value) {

  public NationalId {
    String problem = problemWith(value);
    if (problem != null) {
      throw new ThaiValidationException(problem);
    }
  }

  /** Accepts digits with the usual separators (1-2345-67890-12-3 or spaces). */
  public static NationalId parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอกเลขประจำตัวประชาชน 13 หลัก");
    }
    return new NationalId(text.strip().replace("-", "").replace(" ", ""));
  }

  /** The Thai message saying what is wrong with a candidate number, or null when it is valid. */
  public static String problemWith(String digits) {
    if (digits == null || digits.isEmpty()) {
      return "กรุณากรอกเลขประจำตัวประชาชน 13 หลัก";
    }
    if (digits.chars().anyMatch(c -> c >= '๐' && c <= '๙')) {
      return "เลขประจำตัวประชาชน: กรุณาใช้ตัวเลขอารบิก (0-9)";
    }
    if (!digits.matches("\\d{13}")) {
      return "เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก (กรอกมา "
          + Math.min(digits.length(), 99)
          + " ตัวอักษร)";
    }
    if (digits.charAt(0) == '0') {
      return "เลขประจำตัวประชาชน " + mask(digits) + " ไม่ถูกต้อง: หลักแรกต้องไม่เป็น 0";
    }
    if (checkDigit(digits.substring(0, 12)) != digits.charAt(12) - '0') {
      return "เลขประจำตัวประชาชน "
          + mask(digits)
          + " ไม่ถูกต้อง: เลขหลักสุดท้าย (หลักตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง";
    }
    return null;
  }

  public static boolean isValid(String digits) {
    return problemWith(digits) == null;
  }

  /** The check digit of the first twelve digits. */
  public static int checkDigit(String first12) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (first12.charAt(i) - '0') * (13 - i);
    }
    return (11 - sum % 11) % 10;
  }

  /** "x-xxxx-xxxxx-12-3" style: only the last 4 digits visible. */
  public String masked() {
    return mask(value);
  }

  /**
   * Thirteen digits, alone or with the usual separators (1-2345-67890-12-3, spaces), not part of a
   * longer number.
   */
  private static final java.util.regex.Pattern IN_TEXT =
      java.util.regex.Pattern.compile(
          "(?<![0-9])([0-9])[- ]?([0-9]{4})[- ]?([0-9]{5})[- ]?([0-9]{2})[- ]?([0-9])(?![0-9])");

  /**
   * The text with every 13-digit number in it masked like {@link #masked()} (valid check digit or
   * not: a mistyped national ID is still one). For free text that may hold national IDs, e.g. a
   * list of borrowers.
   */
  public static String maskAll(String text) {
    if (text == null || text.length() < 13) {
      return text;
    }
    java.util.regex.Matcher m = IN_TEXT.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5);
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(mask(digits)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  static String mask(String digits) {
    if (digits.length() != 13) {
      return "*************";
    }
    return "X-XXXX-XXXX"
        + digits.charAt(9)
        + "-"
        + digits.substring(10, 12)
        + "-"
        + digits.charAt(12);
  }

  @Override
  public String toString() {
    return masked();
  }
}
