package th.go.cdd.womenfund.restructuring;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code womenfund.restructuring.*}: the province sends each package to the Department within
 * {@code deadline-days} of receiving it, counted as {@code deadline-mode} days. The one source of
 * that rule: the deadline itself ({@link RestructuringService#deadline}), the dashboard's header,
 * the briefing and the escalation mail all read it from here. The values are in application.yaml
 * only (no second default in code): a missing or wrong one stops the start-up with the key's name.
 *
 * @param deadlineDays days the province has to send a package to the Department (at least 1)
 * @param deadlineMode {@code CALENDAR}, or {@code WORKING_DAYS} to skip weekends and public
 *     holidays
 */
@Validated
@ConfigurationProperties("womenfund.restructuring")
public record RestructuringSettings(
    @Min(1) int deadlineDays, @NotNull DeadlineCalendar.Mode deadlineMode) {

  /** What the days are in Thai: "วันทำการ" (working days) or "วัน" (calendar days). */
  public String deadlineUnit() {
    return workingDays() ? "วันทำการ" : "วัน";
  }

  /**
   * The rule in Thai words, for headers, briefings and mails: "N วัน", or "N วันทำการ" in working
   * days.
   */
  public String deadlineText() {
    return deadlineDays + " " + deadlineUnit();
  }

  public boolean workingDays() {
    return deadlineMode == DeadlineCalendar.Mode.WORKING_DAYS;
  }
}
