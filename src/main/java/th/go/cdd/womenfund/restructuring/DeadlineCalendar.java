package th.go.cdd.womenfund.restructuring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The province's deadline for sending a package to the Department: so many days after the day it
 * was received. Calendar days by default; in working-day mode Saturdays, Sundays and public
 * holidays are not counted (and a deadline never falls on one).
 */
public final class DeadlineCalendar {

  public enum Mode {
    CALENDAR,
    WORKING_DAYS
  }

  private DeadlineCalendar() {}

  public static LocalDate deadline(
      LocalDate received, int days, Mode mode, Predicate<LocalDate> isHoliday) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    if (mode == Mode.CALENDAR) {
      return received.plusDays(days);
    }
    LocalDate day = received;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day, isHoliday)) {
        counted++;
      }
    }
    return day;
  }

  static boolean isWorkingDay(LocalDate day, Predicate<LocalDate> isHoliday) {
    return !Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(day.getDayOfWeek())
        && !isHoliday.test(day);
  }
}
