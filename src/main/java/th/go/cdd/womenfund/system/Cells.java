package th.go.cdd.womenfund.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How a table cell reads in Thai: baht with satang, counts with commas, dates in the Buddhist era.
 */
public final class Cells {

  private Cells() {}

  public static String text(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof BigDecimal b) {
      return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
          .format(b.setScale(2, RoundingMode.HALF_UP));
    }
    if (v instanceof Integer || v instanceof Long) {
      return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US))
          .format(((Number) v).longValue());
    }
    if (v instanceof Table.Percent p) {
      return p.value() == null ? "-" : p.value().toPlainString() + "%";
    }
    if (v instanceof LocalDate d) {
      return ThaiDates.formatShort(d);
    }
    return v.toString();
  }

  public static boolean numeric(Object v) {
    return v instanceof Number || v instanceof Table.Percent;
  }
}
