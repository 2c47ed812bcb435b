package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.restructuring.DeadlineCalendar.Mode;
import th.go.cdd.womenfund.system.ThaiDates;

class DeadlineCalendarTest {

  static final Set<LocalDate> SONGKRAN_2569 =
      Set.of(
          LocalDate.of(2026, 4, 13),
          LocalDate.of(2026, 4, 14),
          LocalDate.of(2026, 4, 15),
          LocalDate.of(2026, 4, 6));

  @Test
  void fifteenCalendarDaysAcrossMonthEnds() {
    assertThat(DeadlineCalendar.deadline(LocalDate.of(2026, 1, 31), 15, Mode.CALENDAR, d -> false))
        .isEqualTo(LocalDate.of(2026, 2, 15));
    assertThat(DeadlineCalendar.deadline(LocalDate.of(2028, 2, 20), 15, Mode.CALENDAR, d -> false))
        .isEqualTo(LocalDate.of(2028, 3, 6)); // leap year
    assertThat(DeadlineCalendar.deadline(LocalDate.of(2026, 2, 20), 15, Mode.CALENDAR, d -> false))
        .isEqualTo(LocalDate.of(2026, 3, 7));
  }

  @Test
  void acrossTheBuddhistYearChange() {
    LocalDate due =
        DeadlineCalendar.deadline(LocalDate.of(2026, 12, 25), 15, Mode.CALENDAR, d -> false);
    assertThat(due).isEqualTo(LocalDate.of(2027, 1, 9));
    assertThat(ThaiDates.format(due)).isEqualTo("9 มกราคม 2570");
  }

  @Test
  void workingDaysSkipWeekendsAndHolidays() {
    // received Friday 3 April 2026; 6 Apr (Chakri) and 13-15 Apr (Songkran) are holidays
    LocalDate due =
        DeadlineCalendar.deadline(
            LocalDate.of(2026, 4, 3), 15, Mode.WORKING_DAYS, SONGKRAN_2569::contains);
    // working days: 7,8,9,10 | 16,17 | 20..24 | 27..30 -> the 15th is Thursday 30 April
    assertThat(due).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(
            DeadlineCalendar.deadline(LocalDate.of(2026, 4, 3), 15, Mode.WORKING_DAYS, d -> false))
        .isEqualTo(LocalDate.of(2026, 4, 24));
  }

  @Test
  void aWorkingDayDeadlineNeverFallsOnAWeekend() {
    for (int i = 0; i < 60; i++) {
      LocalDate received = LocalDate.of(2026, 11, 1).plusDays(i);
      LocalDate due = DeadlineCalendar.deadline(received, 15, Mode.WORKING_DAYS, d -> false);
      assertThat(due.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
    }
  }
}
