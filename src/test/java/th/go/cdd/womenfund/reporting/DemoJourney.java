package th.go.cdd.womenfund.reporting;

import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.system.BrowserJourney;

/**
 * A browser journey on the demo's data ({@link DemoContext}): Thai Chromium, the demo people's
 * password, the login throttle lifted before each test and no engine authentication left after it.
 */
abstract class DemoJourney extends BrowserJourney {

  @Autowired protected ProcessEngine engine;
  @Autowired LoginThrottle throttle;

  @BeforeAll
  static void chromium() throws IOException {
    // CI (.ci/run) sets WOMENFUND_BROWSER_TESTS=required: there a missing Chromium fails instead of
    // skipping
    startChromium(Language.THAI);
  }

  @Override
  protected String password() {
    return DemoContext.PASSWORD;
  }

  @BeforeEach
  void liftThrottle() {
    throttle.liftAll();
  }

  @AfterEach
  void clearEngineAuthentication() {
    engine.getIdentityService().clearAuthentication();
  }
}
