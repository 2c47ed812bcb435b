package th.go.cdd.womenfund.holiday;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code womenfund.holidays.*}. {@code expected-per-year}: a year with fewer public holidays
 * recorded than this is flagged on /holidays as not yet complete (the Cabinet's announcement is
 * probably missing). The value is in application.yaml only.
 */
@Validated
@ConfigurationProperties("womenfund.holidays")
public record HolidaySettings(@Min(1) int expectedPerYear) {}
