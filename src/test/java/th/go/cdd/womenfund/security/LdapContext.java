package th.go.cdd.womenfund.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.OwnH2Database;

/**
 * The app in the profile {@code ldap} against {@link LdapTestServer}, on a port. own-h2: the
 * directory's people (officer2305 …) would meet the shared test database's accounts of the same
 * names, and the identity provider, not SQL, is what these tests are about. Its own engine name:
 * the engine registry is static, and the REST API of the other test contexts looks up the engine
 * "default" (this one answers at {@code /engine-rest/engine/ldaptest}). Test classes with this
 * annotation share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
@OwnH2Database
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:womenfund-ldap;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.datasource.password=",
      "camunda.bpm.process-engine-name=" + LdapContext.ENGINE,
      // set as in production: with the directory it must create nothing (MonitoringAccount)
      "womenfund.monitoring.password=" + LdapContext.MONITORING_CONFIG_PASSWORD
    })
// the Prometheus endpoint (LdapMonitoringAccountTest); Spring Boot's tests export no metrics unless
// asked
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"test", LdapDirectory.PROFILE})
@ContextConfiguration(initializers = LdapTestServer.class)
public @interface LdapContext {
  String ENGINE = "ldaptest";

  /**
   * {@code womenfund.monitoring.password} in this context: ignored with the directory, whose own
   * password for the scraper's account is {@link LdapTestServer#PASSWORD}.
   */
  String MONITORING_CONFIG_PASSWORD = "monitoring-config-password";

  /** The REST API of this context's engine. */
  String REST = "/engine-rest/engine/" + ENGINE;
}
