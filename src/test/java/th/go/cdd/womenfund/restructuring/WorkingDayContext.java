package th.go.cdd.womenfund.restructuring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * The Spring context of the tests whose restructuring deadlines count working days. The deadline
 * mode is a start-up setting, so these tests get a context of their own, one for all of them: its
 * own engine name (the engine registry is static) and, on H2, its own in-memory database; on the
 * configured test database ({@code WOMENFUND_TEST_DB_URL}, PostgreSQL in .ci/run) that one.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
@SpringBootTest(
    properties = {
      "spring.datasource.url=${WOMENFUND_TEST_DB_URL:jdbc:h2:mem:womenfund-holiday-test;DB_CLOSE_DELAY=-1}",
      "spring.datasource.username=${WOMENFUND_TEST_DB_USER:sa}",
      "spring.datasource.password=${WOMENFUND_TEST_DB_PASSWORD:}",
      "camunda.bpm.process-engine-name=holidaytest",
      "womenfund.restructuring.deadline-mode=WORKING_DAYS"
    })
@ActiveProfiles("test")
@interface WorkingDayContext {}
