package th.go.cdd.womenfund.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code womenfund.retention.*}: how long personal data is kept (PDPA; docs/OPERATIONS.md,
 * "Retention"), the one source of these rules. The engine's history is removed by its own cleanup
 * job in a night window ({@link HistoryCleanupWindow}), {@code historyTimeToLive} of each process
 * after its end; the fund's own tables by {@link RetentionJob}, which applies every {@link
 * PersonalDataRetention} each night.
 *
 * @param cron when the fund's own rules run (Spring cron, Asia/Bangkok; "-" turns it off)
 * @param historyCleanup the engine's history cleanup window
 * @param mailBodies a mail's body and recipients are blanked this long after it was sent (the row
 *     and its dedup key stay, so nothing is sent twice)
 * @param loginThrottle failed-login rows (client addresses) are deleted this long after the last
 *     failure
 * @param rejectedApplicants national ID and name of a borrower whose every application was rejected
 *     are replaced by a pseudonym this long after the last rejection, unless she is a registered
 *     member
 */
@Validated
@ConfigurationProperties("womenfund.retention")
public record RetentionSettings(
    @NotBlank String cron,
    @NotNull @Valid Window historyCleanup,
    @NotNull Duration mailBodies,
    @NotNull Duration loginThrottle,
    @NotNull Period rejectedApplicants) {

  /** A daily window in a time zone, e.g. 01:00 to 04:00 Asia/Bangkok; it may cross midnight. */
  public record Window(@NotNull LocalTime start, @NotNull LocalTime end, @NotNull ZoneId zone) {}
}
