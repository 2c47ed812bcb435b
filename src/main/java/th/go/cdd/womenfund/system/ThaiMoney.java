package th.go.cdd.womenfund.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Baht amounts: exact to the satang, parsed from what officers type, shown as "1,605,730.42 บาท".
 */
public final class ThaiMoney {

  /** Largest amount the fund's tables hold: numeric(14,2). */
  public static final BigDecimal MAX = new BigDecimal("999999999999.99");

  private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

  private ThaiMoney() {}

  public static String format(BigDecimal amount) {
    return amount(amount) + " บาท";
  }

  /** The figure alone, "1,605,730.42", for tables whose heading names the unit. */
  public static String amount(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    f.setRoundingMode(RoundingMode.UNNECESSARY);
    return f.format(amount.setScale(2, RoundingMode.UNNECESSARY));
  }

  /**
   * Parses "150000", "150,000.50" or "150000.5" into an amount with scale 2. Refuses negatives,
   * more than two decimals, Thai digits, words and overflow with a Thai message naming the field.
   */
  public static BigDecimal parse(String text, String fieldLabel) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอก" + fieldLabel);
    }
    String value = text.strip().replace(",", "");
    if (value.startsWith("-")) {
      throw new ThaiValidationException(fieldLabel + " ต้องไม่ติดลบ");
    }
    if (value.chars().anyMatch(c -> c >= '๐' && c <= '๙')) {
      throw new ThaiValidationException(
          fieldLabel + " \"" + text.strip() + "\": กรุณาใช้ตัวเลขอารบิก (0-9)");
    }
    if (!AMOUNT.matcher(value).matches()) {
      String shown =
          text.strip().length() > 40 ? text.strip().substring(0, 40) + "…" : text.strip();
      throw new ThaiValidationException(
          fieldLabel
              + " \""
              + shown
              + "\" ไม่ใช่จำนวนเงินที่ถูกต้อง: กรอกเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 150000.00");
    }
    return new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
  }
}
