package th.go.cdd.womenfund.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A model-only process test: JUnit tag {@code model}. It walks a BPMN's paths on the plain
 * in-memory engine of {@link ProcessModel} (no Spring context, no shared database, delegates
 * mocked), so it is never {@link DatabaseTest}: it runs in the default build and not again on
 * PostgreSQL. Name such classes {@code *ModelTest}; {@code ./mvnw -B -o test -Dtest='*ModelTest'}
 * (or {@code -Dgroups=model}) runs them all.
 */
@Documented
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag("model")
public @interface ModelTest {}
