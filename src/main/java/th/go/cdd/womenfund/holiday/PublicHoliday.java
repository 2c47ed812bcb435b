package th.go.cdd.womenfund.holiday;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One day of the government's public holidays (วันหยุดราชการ), as the fund's administrator recorded
 * it.
 */
public record PublicHoliday(LocalDate date, String nameTh) {

  /**
   * A holiday on a Saturday or Sunday changes no count of working days (its substitute day does).
   */
  public boolean onWeekend() {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
