package th.go.cdd.womenfund.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A database test that pins an in-memory H2 database of its own ({@code
 * spring.datasource.url=jdbc:h2:mem:...}) instead of the configured test database: JUnit tag {@code
 * own-h2}. It runs in the default build; the PostgreSQL run of .ci/run leaves it out ({@code
 * -Dtests.excluded=cluster,bench,own-h2}) because it would only run on H2 again there. The reason
 * it needs a database of its own goes next to the annotation.
 */
@Documented
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag("own-h2")
public @interface OwnH2Database {}
