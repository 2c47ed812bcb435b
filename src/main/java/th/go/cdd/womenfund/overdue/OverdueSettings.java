package th.go.cdd.womenfund.overdue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code womenfund.overdue.*}: the overdue target of the portfolio (seed item 1), and how the
 * nightly scan runs. The one source of the target: the portfolio report, the dashboard and the
 * briefing read it here (the former duplicate {@code womenfund.reporting.overdue-target-pct} is
 * gone and refused at start-up). The values are in application.yaml only: a missing or wrong one
 * stops the start-up with the key's name.
 *
 * @param targetPct overdue principal / outstanding principal, in percent, the fund aims to stay at
 *     or below
 * @param chunkSize follow-ups the scan starts per transaction (at least 1)
 * @param scanCron the nightly scan (Spring cron, Asia/Bangkok; "-" turns it off)
 */
@Validated
@ConfigurationProperties("womenfund.overdue")
public record OverdueSettings(
    @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal targetPct,
    @Min(1) int chunkSize,
    @NotBlank String scanCron) {

  /** The target as people read it: "5", "4.5". */
  public String targetText() {
    return targetPct.stripTrailingZeros().toPlainString();
  }
}
