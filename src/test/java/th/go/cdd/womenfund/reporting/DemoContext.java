package th.go.cdd.womenfund.reporting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.OwnH2Database;

/**
 * The app with the demo profile's data (Trat), on a port, in an in-memory database of its own (so
 * the demo data never meets the other tests' data). Test classes with this annotation share one
 * application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// own-h2: the demo profile seeds Trat; on the shared test database (PostgreSQL in .ci/run) that
// data would
// meet the other tests' data, so these tests keep an in-memory H2 of their own and stay out of that
// run
@DatabaseTest
@OwnH2Database
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:womenfund-demo;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.datasource.password=",
      "womenfund.demo.password=" + DemoContext.PASSWORD
    })
@ActiveProfiles({"test", "demo"})
public @interface DemoContext {
  String PASSWORD = "demo-test-password";
}
