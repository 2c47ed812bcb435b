package th.go.cdd.womenfund.security;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real LDAP server in the test's JVM (UnboundID's in-memory directory, on a free port), loaded
 * from {@code src/test/resources/ldap/womenfund.ldif}; started once and kept for every context that
 * uses it. As an initializer it points the {@code ldap} profile's settings at it.
 */
public final class LdapTestServer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String BASE_DN = "dc=cdd,dc=go,dc=th";
  public static final String MANAGER_DN = "cn=womenfund-app,dc=cdd,dc=go,dc=th";
  public static final String MANAGER_PASSWORD = "manager-test-password";

  /** Every person's password in the LDIF. */
  public static final String PASSWORD = "ldap-test-password";

  private static InMemoryDirectoryServer server;

  /** The running server (started at the first call). */
  public static synchronized InMemoryDirectoryServer server() {
    if (server == null) {
      try {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        InMemoryDirectoryServer s = new InMemoryDirectoryServer(config);
        try (InputStream ldif = LdapTestServer.class.getResourceAsStream("/ldap/womenfund.ldif");
            LDIFReader reader = new LDIFReader(ldif)) {
          s.importFromLDIF(true, reader);
        }
        s.startListening();
        server = s;
      } catch (Exception e) {
        throw new IllegalStateException("the test LDAP server did not start", e);
      }
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "womenfund.ldap.server-url=ldap://localhost:" + server().getListenPort(),
            "womenfund.ldap.manager-dn=" + MANAGER_DN,
            "womenfund.ldap.manager-password=" + MANAGER_PASSWORD,
            "womenfund.ldap.base-dn=" + BASE_DN)
        .applyTo(context);
  }
}
