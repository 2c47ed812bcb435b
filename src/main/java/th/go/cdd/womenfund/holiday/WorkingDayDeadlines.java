package th.go.cdd.womenfund.holiday;

/**
 * A capability whose deadlines skip the holidays in this table. The holiday page says whether any
 * deadline counts working days; the capability that owns the deadline answers, so holiday needs
 * none of its types.
 */
public interface WorkingDayDeadlines {

  /**
   * True when this capability's deadlines are counted in working days (weekends and holidays
   * skipped).
   */
  boolean countsWorkingDays();
}
