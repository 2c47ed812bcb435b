package th.go.cdd.womenfund.system;

import java.time.LocalDate;

/**
 * The Thai government's fiscal year (ปีงบประมาณ): 1 October to 30 September, named by the
 * Buddhist-era year in which it ends. Fiscal year 2564 runs from 1 October 2020 to 30 September
 * 2021.
 */
public record ThaiFiscalYear(int buddhistYear) implements Comparable<ThaiFiscalYear> {

  public ThaiFiscalYear {
    if (buddhistYear < 2400 || buddhistYear > 2800) {
      throw new ThaiValidationException(
          "ปีงบประมาณ " + buddhistYear + " ไม่ถูกต้อง: กรุณากรอกเป็นปีพุทธศักราช เช่น 2564");
    }
  }

  public static ThaiFiscalYear of(LocalDate day) {
    int endYear = day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
    return new ThaiFiscalYear(endYear + ThaiDates.BUDDHIST_ERA_OFFSET);
  }

  /** Parses "2564" (or " 2564 ") with a Thai message naming the field. */
  public static ThaiFiscalYear parse(String text, String fieldLabel) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอก" + fieldLabel);
    }
    String value = text.strip();
    if (value.endsWith(".0")) {
      value = value.substring(0, value.length() - 2);
    }
    if (!value.matches("\\d{4}")) {
      throw new ThaiValidationException(
          fieldLabel + " \"" + text.strip() + "\": กรุณากรอกปีพุทธศักราช 4 หลัก เช่น 2564");
    }
    int year = Integer.parseInt(value);
    ThaiDates.requireBuddhistYear(year, fieldLabel, value);
    return new ThaiFiscalYear(year);
  }

  public LocalDate firstDay() {
    return LocalDate.of(buddhistYear - ThaiDates.BUDDHIST_ERA_OFFSET - 1, 10, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(buddhistYear - ThaiDates.BUDDHIST_ERA_OFFSET, 9, 30);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  public ThaiFiscalYear previous() {
    return new ThaiFiscalYear(buddhistYear - 1);
  }

  /** "ปีงบประมาณ พ.ศ. 2564". */
  public String label() {
    return "ปีงบประมาณ พ.ศ. " + buddhistYear;
  }

  @Override
  public int compareTo(ThaiFiscalYear o) {
    return Integer.compare(buddhistYear, o.buddhistYear);
  }

  @Override
  public String toString() {
    return Integer.toString(buddhistYear);
  }
}
