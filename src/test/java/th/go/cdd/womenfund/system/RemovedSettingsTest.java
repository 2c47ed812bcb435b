package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * A removed second key of a rule stops the start-up and names the key that replaced it (issue 12).
 */
class RemovedSettingsTest {

  @Test
  void theOldOverdueTargetKeyIsRefusedWithItsReplacement() {
    MockEnvironment env =
        new MockEnvironment().withProperty("womenfund.reporting.overdue-target-pct", "4");
    assertThatThrownBy(() -> new RemovedSettings(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("womenfund.reporting.overdue-target-pct")
        .hasMessageContaining("womenfund.overdue.target-pct");
  }

  @Test
  void theOneKeyAloneStartsAndEveryRemovedKeyPointsToAKeyOfItsOwn() {
    new RemovedSettings(new MockEnvironment().withProperty("womenfund.overdue.target-pct", "4"));
    assertThat(RemovedSettings.REPLACED)
        .allSatisfy((removed, replacement) -> assertThat(replacement).isNotEqualTo(removed));
  }
}
