package th.go.cdd.womenfund.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that boots the Spring context or otherwise uses the database: JUnit tag {@code database}.
 * Every such class carries it, so {@code ./mvnw test -Dgroups=database} with {@code
 * WOMENFUND_TEST_DB_URL} set runs all of them on that database (.ci/run does so on PostgreSQL)
 * without a hand-kept list of class names. Tests that bring an in-memory H2 database of their own
 * carry {@link OwnH2Database} as well and are left out there.
 */
@Documented
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
public @interface DatabaseTest {}
