package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the admin account once the engine is up (before the demo data, which runs later). */
@Component
public class AccountsOnStart {

  private final AdminAccount admin;

  public AccountsOnStart(AdminAccount admin) {
    this.admin = admin;
  }

  @EventListener
  @Order(0)
  public void onEngineStarted(PostDeployEvent event) {
    ProcessEngine engine = event.getProcessEngine();
    admin.ensure(engine.getIdentityService(), engine.getAuthorizationService());
  }
}
