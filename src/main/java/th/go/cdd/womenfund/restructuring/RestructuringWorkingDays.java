package th.go.cdd.womenfund.restructuring;

import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.holiday.WorkingDayDeadlines;

/** Tells the holiday page whether the submission deadline to the Department counts working days. */
@Component
class RestructuringWorkingDays implements WorkingDayDeadlines {

  private final RestructuringService restructuring;

  RestructuringWorkingDays(RestructuringService restructuring) {
    this.restructuring = restructuring;
  }

  @Override
  public boolean countsWorkingDays() {
    return restructuring.deadlineMode() == DeadlineCalendar.Mode.WORKING_DAYS;
  }
}
