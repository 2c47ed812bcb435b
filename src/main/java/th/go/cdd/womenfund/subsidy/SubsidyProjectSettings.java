package th.go.cdd.womenfund.subsidy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code womenfund.subsidy-project.*}: the group reports its results {@code report-due-after} the
 * project's last day (the due date of the report task, which the reminders read). In
 * application.yaml only: a missing value stops the start-up with the key's name. The eligibility
 * rules are the DMN table {@code subsidy-project-eligibility}.
 *
 * @param reportDueAfter time after the project's end by which the group's report is due
 */
@Validated
@ConfigurationProperties("womenfund.subsidy-project")
public record SubsidyProjectSettings(@NotNull Duration reportDueAfter) {}
