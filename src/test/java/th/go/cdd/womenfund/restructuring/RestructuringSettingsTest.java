package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * womenfund.restructuring binds from its keys (and their environment-variable spelling) and refuses
 * nonsense.
 */
class RestructuringSettingsTest {

  @Configuration
  @EnableConfigurationProperties(RestructuringSettings.class)
  static class Config {}

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Config.class);

  @Test
  void workingDaysBindAndReadAsWorkingDays() {
    runner
        .withPropertyValues(
            "womenfund.restructuring.deadline-days=10",
            "womenfund.restructuring.deadline-mode=WORKING_DAYS")
        .run(
            ctx -> {
              RestructuringSettings s = ctx.getBean(RestructuringSettings.class);
              assertThat(s.deadlineMode()).isEqualTo(DeadlineCalendar.Mode.WORKING_DAYS);
              assertThat(s.deadlineText()).isEqualTo(s.deadlineDays() + " วันทำการ");
            });
  }

  @Test
  void zeroDaysOrNoModeStopTheStartUp() {
    runner
        .withPropertyValues(
            "womenfund.restructuring.deadline-days=0",
            "womenfund.restructuring.deadline-mode=CALENDAR")
        .run(
            ctx ->
                assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("deadlineDays"));
    runner
        .withPropertyValues("womenfund.restructuring.deadline-days=10")
        .run(
            ctx ->
                assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("deadlineMode"));
  }
}
