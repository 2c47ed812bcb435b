package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the admin account once the engine is up (before the demo data, which runs later). */
@Component
@Order(0)
public class AccountsOnStart implements ApplicationRunner {

  private final AdminAccount admin;
  private final ProcessEngine engine;

  public AccountsOnStart(AdminAccount admin, ProcessEngine engine) {
    this.admin = admin;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    admin.ensure(engine.getIdentityService(), engine.getAuthorizationService());
  }
}
