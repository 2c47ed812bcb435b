package th.go.cdd.womenfund.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each test, the engine of the test's own Spring context is the one registered JVM-wide
 * under "default". The Camunda webapps and the REST API look their engine up by that name; Spring
 * caches several test contexts in one JVM, each with an engine called "default", and the last one
 * started takes the name. Without this a test running on an older cached context (the demo
 * context's browser journeys) would sign its people in on another context's engine, which does not
 * know them. Registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class EngineOfThisContext extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext
          .getApplicationContext()
          .getBeanProvider(ProcessEngine.class)
          .ifUnique(ProcessEngines::registerProcessEngine);
    }
  }
}
