package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The account rules of the engine (issue 11):
 *
 * <ul>
 *   <li>a user's rights on her own USER resource are READ and UPDATE (the engine's default is ALL,
 *       which let her delete her own account); UPDATE stays because the engine needs it to store a
 *       new password;
 *   <li>{@link GuardedIdentityProvider}: she cannot change her own name or e-mail address (only an
 *       administrator can), at every surface that reaches the engine: the REST API, the Admin and
 *       Tasklist webapps, Java.
 * </ul>
 *
 * Accounts created before these rules are repaired at start by {@link OwnerRightsRepair}. Failed
 * logins never lock an account for good: {@code login-max-attempts} in {@code application.yaml}.
 *
 * <p>In the profile {@code ldap} the directory is the identity provider ({@link LdapDirectory}):
 * accounts are read-only there, so only the owner rights rule applies.
 */
@Component
public class AccountRules extends AbstractProcessEnginePlugin {

  /** What the owner of an account holds on it. */
  static final Permission[] OWNER_PERMISSIONS = {Permissions.READ, Permissions.UPDATE};

  private final boolean directory;
  private final OneTimePasswords oneTime;

  public AccountRules(Environment environment, OneTimePasswords oneTime) {
    this.directory = environment.acceptsProfiles(Profiles.of(LdapDirectory.PROFILE));
    this.oneTime = oneTime;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!directory) {
      configuration.setIdentityProviderSessionFactory(
          new GenericManagerFactory(GuardedIdentityProvider.class) {
            @Override
            public Session openSession() {
              return new GuardedIdentityProvider(oneTime);
            }
          });
    }
    configuration.setResourceAuthorizationProvider(new OwnerReadsAndUpdates());
  }

  /**
   * The engine's default authorizations, except that a new user gets READ and UPDATE on herself,
   * not ALL.
   */
  static class OwnerReadsAndUpdates extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      return new AuthorizationEntity[] {
        createGrantAuthorization(
            user.getId(), null, Resources.USER, user.getId(), OWNER_PERMISSIONS)
      };
    }
  }
}
