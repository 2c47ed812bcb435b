package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Accounts created before {@link AccountRules} hold ALL on their own USER resource (the engine's
 * default): at every start their owner rights become READ and UPDATE. Idempotent: a repaired
 * account is left alone.
 */
@Component
@Order(1)
public class OwnerRightsRepair implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerRightsRepair.class);

  private final AuthorizationService authorizations;

  public OwnerRightsRepair(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    repair();
  }

  /** Returns how many accounts were repaired. */
  public int repair() {
    List<Authorization> owners =
        authorizations
            .createAuthorizationQuery()
            .resourceType(Resources.USER)
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .list()
            .stream()
            .filter(a -> a.getUserId() != null && a.getUserId().equals(a.getResourceId()))
            .filter(a -> a.isPermissionGranted(Permissions.DELETE))
            .toList();
    for (Authorization owner : owners) {
      owner.setPermissions(AccountRules.OWNER_PERMISSIONS);
      authorizations.saveAuthorization(owner);
    }
    if (!owners.isEmpty()) {
      LOG.info("owner rights of {} accounts set to READ and UPDATE", owners.size());
    }
    return owners.size();
  }
}
