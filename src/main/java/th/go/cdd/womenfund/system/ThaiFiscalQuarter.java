package th.go.cdd.womenfund.system;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the Thai fiscal year ({@link ThaiFiscalYear}, October to September): quarter 1 is
 * October to December of the year before, 2 January to March, 3 April to June, 4 July to September.
 * Written "2569-1" in addresses.
 */
public record ThaiFiscalQuarter(ThaiFiscalYear year, int quarter)
    implements Comparable<ThaiFiscalQuarter> {

  private static final Pattern CODE = Pattern.compile("(\\d{4})-([1-4])");

  public ThaiFiscalQuarter {
    if (quarter < 1 || quarter > 4) {
      throw new ThaiValidationException("ไตรมาสต้องเป็น 1 ถึง 4");
    }
  }

  public static ThaiFiscalQuarter of(LocalDate day) {
    // October is month 1 of the fiscal year
    int fiscalMonth = (day.getMonthValue() + 2) % 12 + 1;
    return new ThaiFiscalQuarter(ThaiFiscalYear.of(day), (fiscalMonth - 1) / 3 + 1);
  }

  /** Parses "2569-1" (fiscal year พ.ศ. and quarter), with a Thai message naming the field. */
  public static ThaiFiscalQuarter parse(String text, String fieldLabel) {
    Matcher m = CODE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new ThaiValidationException(
          fieldLabel + " ไม่ถูกรูปแบบ: กรุณาระบุเป็น ปีงบประมาณ พ.ศ.-ไตรมาส เช่น 2569-1");
    }
    return new ThaiFiscalQuarter(
        ThaiFiscalYear.parse(m.group(1), fieldLabel), Integer.parseInt(m.group(2)));
  }

  /** The four quarters of a fiscal year, in order. */
  public static List<ThaiFiscalQuarter> of(ThaiFiscalYear year) {
    return List.of(
        new ThaiFiscalQuarter(year, 1),
        new ThaiFiscalQuarter(year, 2),
        new ThaiFiscalQuarter(year, 3),
        new ThaiFiscalQuarter(year, 4));
  }

  public LocalDate firstDay() {
    return year.firstDay().plusMonths(3L * (quarter - 1));
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  /** "2569-1": how an address names it. */
  public String code() {
    return year.buddhistYear() + "-" + quarter;
  }

  /** "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2569 (ต.ค. 2568 – ธ.ค. 2568)". */
  public String label() {
    return "ไตรมาสที่ "
        + quarter
        + " "
        + year.label()
        + " ("
        + monthYear(firstDay())
        + " – "
        + monthYear(lastDay())
        + ")";
  }

  /** "ต.ค. 2568". */
  private static String monthYear(LocalDate day) {
    return ThaiDates.formatShort(day).replaceFirst("^\\d+ ", "");
  }

  @Override
  public int compareTo(ThaiFiscalQuarter o) {
    int byYear = year.compareTo(o.year);
    return byYear != 0 ? byYear : Integer.compare(quarter, o.quarter);
  }
}
