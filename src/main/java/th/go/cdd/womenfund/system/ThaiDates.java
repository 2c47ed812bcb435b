package th.go.cdd.womenfund.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Thai people read and write them: Buddhist era (พ.ศ. = ค.ศ. + 543), Thai month names. */
public final class ThaiDates {

  public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  public static final Locale THAI = Locale.forLanguageTag("th-TH");
  public static final int BUDDHIST_ERA_OFFSET = 543;

  private static final String[] MONTHS = {
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
  };
  private static final String[] SHORT_MONTHS = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
    "ธ.ค."
  };
  private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern THAI_DIGIT = Pattern.compile("[๐-๙]");

  private ThaiDates() {}

  /** "28 พฤศจิกายน 2569". */
  public static String format(LocalDate date) {
    return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + buddhistYear(date);
  }

  /** "28 พ.ย. 2569". */
  public static String formatShort(LocalDate date) {
    return date.getDayOfMonth()
        + " "
        + SHORT_MONTHS[date.getMonthValue() - 1]
        + " "
        + buddhistYear(date);
  }

  /** "28/11/2569": the form in which officers key dates. */
  public static String formatNumeric(LocalDate date) {
    return String.format(
        "%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), buddhistYear(date));
  }

  public static int buddhistYear(LocalDate date) {
    return date.getYear() + BUDDHIST_ERA_OFFSET;
  }

  /**
   * Parses "วว/ดด/ปปปป" with a Buddhist-era year. A Christian-era year, Thai digits or an
   * impossible day are refused with a Thai message naming the field.
   */
  public static LocalDate parseBuddhist(String text, String fieldLabel) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอก" + fieldLabel);
    }
    String value = text.strip();
    if (THAI_DIGIT.matcher(value).find()) {
      throw new ThaiValidationException(
          fieldLabel + " \"" + value + "\": กรุณาใช้ตัวเลขอารบิก (0-9)");
    }
    Matcher m = SHORT_FORM.matcher(value);
    if (!m.matches()) {
      throw new ThaiValidationException(
          fieldLabel
              + " \""
              + value
              + "\" ไม่ถูกรูปแบบ: กรุณากรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 28/11/2569");
    }
    int year = Integer.parseInt(m.group(3));
    requireBuddhistYear(year, fieldLabel, value);
    try {
      return LocalDate.of(
          year - BUDDHIST_ERA_OFFSET, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    } catch (DateTimeException e) {
      throw new ThaiValidationException(fieldLabel + " \"" + value + "\": ไม่มีวันที่นี้ในปฏิทิน");
    }
  }

  /** Refuses a year keyed in the Christian era ("2021" for 2564). */
  static void requireBuddhistYear(int year, String fieldLabel, String value) {
    if (year < 2400) {
      throw new ThaiValidationException(
          fieldLabel
              + " \""
              + value
              + "\": ปีต้องเป็นพุทธศักราช (พ.ศ.) เช่น "
              + (year + BUDDHIST_ERA_OFFSET));
    }
  }
}
