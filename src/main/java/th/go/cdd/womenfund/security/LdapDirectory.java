package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: users, groups and passwords come from the Department's directory through
 * Camunda's own LDAP identity provider ({@code camunda-identity-ldap}). The engine's identity is
 * then read-only: nobody creates users or groups in the app ({@link AdminAccount}, the demo and
 * Camunda Admin leave them alone), while authorizations stay in the database: {@link
 * DirectoryGroupRights} grants each fund group found in the directory its role's rights at start. A
 * password the directory refuses still counts for the client address ({@link LoginThrottle}), as
 * with the database.
 */
@Configuration
@Profile(LdapDirectory.PROFILE)
public class LdapDirectory {

  public static final String PROFILE = "ldap";

  @Bean
  public LdapIdentityProviderPlugin ldapIdentityProviderPlugin(LdapSettings settings) {
    settings.requireConnection();
    ThrottledLdapPlugin plugin = new ThrottledLdapPlugin();
    plugin.setServerUrl(settings.serverUrl());
    plugin.setManagerDn(settings.managerDn());
    plugin.setManagerPassword(settings.managerPassword());
    plugin.setBaseDn(settings.baseDn());
    plugin.setUserSearchBase(settings.userSearchBase());
    plugin.setUserSearchFilter(settings.userSearchFilter());
    plugin.setUserIdAttribute(settings.userIdAttribute());
    plugin.setUserFirstnameAttribute(settings.userFirstnameAttribute());
    plugin.setUserLastnameAttribute(settings.userLastnameAttribute());
    plugin.setUserEmailAttribute(settings.userEmailAttribute());
    plugin.setGroupSearchBase(settings.groupSearchBase());
    plugin.setGroupSearchFilter(settings.groupSearchFilter());
    plugin.setGroupIdAttribute(settings.groupIdAttribute());
    plugin.setGroupNameAttribute(settings.groupNameAttribute());
    plugin.setGroupMemberAttribute(settings.groupMemberAttribute());
    plugin.setUseSsl(settings.serverUrl().startsWith("ldaps:"));
    plugin.setAcceptUntrustedCertificates(settings.acceptUntrustedCertificates());
    plugin.setPageSize(settings.pageSize());
    // the directory's own sorting is optional in LDAP; results are small lists, sorted by the
    // engine's callers
    plugin.setSortControlSupported(false);
    // an empty password would be an anonymous bind, which many directories accept: never a login
    plugin.setAllowAnonymousLogin(false);
    return plugin;
  }

  /**
   * Camunda's plugin, with a session whose refused passwords are counted by {@link LoginThrottle}.
   */
  static class ThrottledLdapPlugin extends LdapIdentityProviderPlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      super.preInit(configuration);
      ThrottledLdapFactory factory = new ThrottledLdapFactory();
      factory.setLdapConfiguration(this);
      configuration.setIdentityProviderSessionFactory(factory);
    }
  }

  static class ThrottledLdapFactory extends LdapIdentityProviderFactory {
    @Override
    public Session openSession() {
      return new ThrottledLdapSession(ldapConfiguration);
    }
  }

  /**
   * The directory's password check; a refusal also counts for the caller's address (as the
   * database's does).
   */
  static class ThrottledLdapSession extends LdapIdentityProviderSession {
    ThrottledLdapSession(LdapConfiguration configuration) {
      super(configuration);
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      return LoginThrottle.counted(super.checkPassword(userId, password));
    }
  }
}
