package th.go.cdd.womenfund.system;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.TaskAssert;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.Roles;

/**
 * The fixture of every {@link ModelTest}: one plain in-memory Camunda engine for the whole JVM (its
 * own H2 database {@code womenfund-model}, no Spring, no job executor, none of the app's engine
 * plugins such as StepGuard, the FEEL cache or the national-id masking), the named BPMN deployed
 * for the class with every DMN table of {@code processes/}, and each test's mocks:
 *
 * <ul>
 *   <li>every {@code camunda:delegateExpression} of the deployed models is a fresh Mockito {@link
 *       JavaDelegate} before each test: {@link #delegate(String)} to verify it, {@link #onExecute}
 *       to make it set variables;
 *   <li>{@code instanceScope} answers the candidate groups of district {@link #DISTRICT} and
 *       province {@link #PROVINCE}; {@code deadlines} puts every due date {@link #DUE_IN} after the
 *       engine clock;
 *   <li>other expression beans ({@code moneyApprovals}, {@code restructuringSteps}, ...) the test
 *       registers with {@link #bean}; a bean a timer start event needs at deployment goes in {@link
 *       #withBean}.
 * </ul>
 *
 * After the class it fails when a flow node of its processes (task, event, gateway, boundary timer,
 * event sub-process) was passed by none of its tests, when all its tests ran: every path of the
 * model has a test. Use: {@code @RegisterExtension static final ProcessModel model =
 * ProcessModel.of("loan-application");} on a class marked {@link ModelTest}. The engine clock
 * starts each test at {@link #NOW} and is reset after it.
 */
public final class ProcessModel
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  public static final String DISTRICT = "2301";
  public static final String PROVINCE = "23";
  public static final Date NOW = Date.from(Instant.parse("2026-03-02T02:00:00Z"));
  public static final Duration DUE_IN = Duration.ofDays(7);
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private static ProcessEngine engine;
  private static final Map<Object, Object> BEANS = new HashMap<>();

  private final List<String> keys;
  private final Map<String, Object> classBeans = new LinkedHashMap<>();
  private final TreeSet<String> delegateNames = new TreeSet<>();
  private String deploymentId;
  private int testsRun;

  private ProcessModel(List<String> keys) {
    this.keys = keys;
  }

  /**
   * The processes {@code processes/<key>.bpmn} to deploy for the class (a called process goes with
   * its caller).
   */
  public static ProcessModel of(String... processKeys) {
    return new ProcessModel(List.of(processKeys));
  }

  /**
   * A bean that must exist when the class's models deploy (a timer start event's expression), kept
   * for the class.
   */
  public ProcessModel withBean(String name, Object bean) {
    classBeans.put(name, bean);
    return this;
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** Registers (or replaces) an expression bean for the running test. */
  public <T> T bean(String name, T bean) {
    BEANS.put(name, bean);
    return bean;
  }

  /** The Mockito mock standing for delegate bean {@code name} in the running test. */
  public JavaDelegate delegate(String name) {
    Object bean = BEANS.get(name);
    if (!(bean instanceof JavaDelegate d)) {
      throw new IllegalArgumentException(
          "no delegate " + name + " in " + keys + "; known: " + delegateNames);
    }
    return d;
  }

  /** Checks that delegate {@code name} ran {@code times} times in the running test. */
  public void ran(String name, int times) {
    try {
      verify(delegate(name), times(times)).execute(any());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks that delegate {@code name} ran exactly once in the running test. */
  public void ran(String name) {
    ran(name, 1);
  }

  /**
   * Makes delegate {@code name} do {@code body} each time it runs (a model test's stand-in for its
   * service).
   */
  public JavaDelegate onExecute(String name, JavaDelegate body) {
    JavaDelegate d = delegate(name);
    try {
      doAnswer(
              call -> {
                body.execute(call.getArgument(0));
                return null;
              })
          .when(d)
          .execute(any());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return d;
  }

  /**
   * Makes delegate {@code name} note variable {@code variable} each time it runs; the values, in
   * order.
   */
  public List<Object> records(String name, String variable) {
    List<Object> seen = new ArrayList<>();
    onExecute(name, execution -> seen.add(execution.getVariable(variable)));
    return seen;
  }

  /** Makes delegate {@code name} set variables, name then value, as its real service would. */
  public JavaDelegate sets(String name, Object... nameValuePairs) {
    return onExecute(name, execution -> put(execution, nameValuePairs));
  }

  private static void put(DelegateExecution execution, Object... nameValuePairs) {
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      execution.setVariable((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
  }

  /**
   * Checks that {@code pi} waits at user task {@code taskId} alone, offered to each of {@code
   * groups}, due {@link #DUE_IN} after the engine clock (the task was created at the current engine
   * time).
   */
  public static void waitsAt(ProcessInstance pi, String taskId, String... groups) {
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(taskId);
    TaskAssert task =
        BpmnAwareTests.assertThat(pi).task().hasDueDate(dueFrom(ClockUtil.getCurrentTime()));
    for (String group : groups) {
      task.hasCandidateGroup(group);
    }
  }

  /** The due date {@code deadlines.due(...)} gives a task created at engine time {@code now}. */
  public static Date dueFrom(Date now) {
    return Date.from(now.toInstant().plus(DUE_IN));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    testsRun = 0;
    startEngine();
    BEANS.clear();
    BEANS.putAll(classBeans);
    DeploymentBuilder deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(context.getRequiredTestClass().getSimpleName());
    for (String key : keys) {
      String resource = "processes/" + key + ".bpmn";
      deployment.addClasspathResource(resource);
      collectDelegates(resource);
    }
    for (Resource dmn : dmnTables()) {
      try (InputStream in = dmn.getInputStream()) {
        deployment.addInputStream("processes/" + dmn.getFilename(), in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    freshMocks();
    ClockUtil.setCurrentTime(NOW);
    try {
      deploymentId = deployment.deploy().getId();
    } finally {
      ClockUtil.reset();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    testsRun++;
    ClockUtil.setCurrentTime(NOW);
    freshMocks();
    BpmnAwareTests.init(engine);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // what a test leaves running would answer the next test's message or job queries
    List<String> running =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .deploymentId(deploymentId)
            .rootProcessInstances()
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    engine.getRuntimeService().deleteProcessInstances(running, "model test ended", true, true);
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (deploymentId == null) {
      return;
    }
    try {
      List<String> unwalked = unwalked();
      // only a run of the whole class must walk every element (-Dtest=Class#method runs one path)
      if (!unwalked.isEmpty() && testsRun == testMethods(context.getRequiredTestClass())) {
        throw new AssertionError(
            "no test of "
                + context.getRequiredTestClass().getSimpleName()
                + " passed these elements: "
                + unwalked);
      }
    } finally {
      engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
      BEANS.clear();
    }
  }

  private static long testMethods(Class<?> testClass) {
    return Arrays.stream(testClass.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .count();
  }

  /**
   * The flow nodes of the deployed processes that no test of the class reached (from the activity
   * history).
   */
  private List<String> unwalked() {
    List<String> missing = new ArrayList<>();
    for (ProcessDefinition definition :
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deploymentId)
            .list()) {
      Set<String> passed =
          engine
              .getHistoryService()
              .createHistoricActivityInstanceQuery()
              .processDefinitionId(definition.getId())
              .list()
              .stream()
              .map(HistoricActivityInstance::getActivityId)
              .collect(Collectors.toSet());
      for (FlowNode node :
          engine
              .getRepositoryService()
              .getBpmnModelInstance(definition.getId())
              .getModelElementsByType(FlowNode.class)) {
        if (!passed.contains(node.getId())) {
          missing.add(definition.getKey() + "/" + node.getId());
        }
      }
    }
    return missing;
  }

  private void freshMocks() {
    BEANS.clear();
    for (String name : delegateNames) {
      BEANS.put(name, mock(JavaDelegate.class, name));
    }
    InstanceScopes scopes = mock(InstanceScopes.class);
    when(scopes.districtOfficers(any())).thenReturn(Roles.districtOfficers(DISTRICT));
    when(scopes.districtCommittee(any())).thenReturn(Roles.districtCommittee(DISTRICT));
    when(scopes.provinceOfficers(any())).thenReturn(Roles.provinceOfficers(PROVINCE));
    when(scopes.provinceCommittee(any())).thenReturn(Roles.provinceCommittee(PROVINCE));
    when(scopes.provinceSupervisors(any())).thenReturn(Roles.provinceSupervisors(PROVINCE));
    BEANS.put("instanceScope", scopes);
    TaskDeadlines deadlines = mock(TaskDeadlines.class);
    when(deadlines.due(anyString())).thenAnswer(call -> dueFrom(ClockUtil.getCurrentTime()));
    BEANS.put("deadlines", deadlines);
    BEANS.putAll(classBeans);
  }

  private void collectDelegates(String resource) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + resource + " on the classpath");
      }
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
        String expression = e.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
        if (expression != null) {
          delegateNames.add(expression.replaceAll("^[$#]\\{|}$", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Resource> dmnTables() {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver().getResources("classpath:processes/*.dmn");
      return new ArrayList<>(List.of(found));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void startEngine() {
    if (engine != null) {
      return;
    }
    // the engine's schema creation would fill the log; the level goes back for the Spring tests
    // after us
    Logger camunda = (Logger) LoggerFactory.getLogger("org.camunda");
    Level level = camunda.getLevel();
    camunda.setLevel(Level.WARN);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("womenfund-model")
                .setJdbcUrl("jdbc:h2:mem:womenfund-model;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    configuration.setBeans(BEANS);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    try {
      engine = configuration.buildProcessEngine();
    } finally {
      camunda.setLevel(level);
    }
    // out of the engines registry: Spring tests in the same JVM keep finding only their own engine
    // there
    ProcessEngines.unregister(engine);
  }
}
