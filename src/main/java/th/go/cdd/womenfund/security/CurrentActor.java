package th.go.cdd.womenfund.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The person the current request or engine command runs for, as the engine's authentication filter
 * (or Tasklist) set her on the identity service.
 */
@Component
public class CurrentActor {

  private final IdentityService identity;

  public CurrentActor(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Actor> get() {
    Optional<Actor> own = of(identity.getCurrentAuthentication());
    if (own.isPresent()) {
      return own;
    }
    // the REST authentication filter sets the user on the engine it addresses by name ("default");
    // with
    // one engine per application that is this one, but be exact where several are registered
    // (tests)
    ProcessEngine addressed = EngineUtil.lookupProcessEngine(null);
    return addressed == null
        ? Optional.empty()
        : of(addressed.getIdentityService().getCurrentAuthentication());
  }

  /**
   * Who runs a process step; {@code unknown} (a Thai message) refuses the step when nobody logged
   * in.
   */
  public static Actor runningStep(DelegateExecution execution, String unknown) {
    return of(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElseThrow(() -> new ThaiValidationException(unknown));
  }

  public static Optional<Actor> of(Authentication auth) {
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Actor(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds()));
  }
}
