package th.go.cdd.womenfund.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
      "camunda.bpm.process-engine-name=" + LdapContext.ENGINE
    })
@ActiveProfiles({"test", LdapDirectory.PROFILE})
@ContextConfiguration(initializers = LdapTestServer.class)
public @interface LdapContext {
  String ENGINE = "ldaptest";

  /** The REST API of this context's engine. */
  String REST = "/engine-rest/engine/" + ENGINE;
}
