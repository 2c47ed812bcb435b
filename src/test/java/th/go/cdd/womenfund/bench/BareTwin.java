package th.go.cdd.womenfund.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The bare baseline of a deployed process, built from the real model rather than by hand: the same
 * elements and ids, user tasks with the same candidate groups, the same gateways and conditions,
 * timers, message events, async flags and retry cycles, under the key {@code bench-bare-<key>}.
 * Stripped of what the app adds:
 *
 * <ul>
 *   <li>every service, send and business-rule task runs {@code ${benchNoop}} (class, expression,
 *       delegate expression, result variable, decision reference, connector and field injections
 *       removed);
 *   <li>execution and task listeners, {@code camunda:inputOutput}, form keys and references, form
 *       data, due and follow-up dates, task priorities and the start events' {@code
 *       camunda:initiator};
 *   <li>variables in candidate groups and assignees ({@code district-${districtCode}-officers}) are
 *       replaced by the literals given, so the bare process needs no area variables (the hand-built
 *       loan-application twin uses literal groups too) and the engine-wide {@code
 *       ProvinceTaskVisibility} listener, which only acts on instances with a {@code provinceCode}
 *       variable, does nothing for it.
 * </ul>
 *
 * Call activities are kept with their {@code camunda:in}/{@code camunda:out} mappings and
 * re-pointed to {@code bench-bare-<calledElement>}: the bench must deploy the twin of the called
 * process too. None of the processes benchmarked so far has one. Messages keep their names: an
 * event sub-process or boundary message is correlated by business key, which finds the twin's own
 * instance. A process whose start event has an event definition (message, signal, timer) or a
 * script task is refused.
 *
 * <p>Gateways and timers of the twin read variables that real delegates would have set ({@code
 * inArrears}, {@code ladderStep}, {@code ladderWait}...). The driver gives them explicitly through
 * {@link Presets}: the no-op delegate of the twin sets, at the activity the driver names, exactly
 * the variables queued for it, and nothing else.
 */
public final class BareTwin {

  public static final String PREFIX = "bench-bare-";
  static final String NOOP = "${benchNoop}";
  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  private static final Set<String> TASK_IMPLEMENTATION =
      Set.of(
          "class",
          "expression",
          "delegateExpression",
          "resultVariable",
          "decisionRef",
          "decisionRefBinding",
          "decisionRefVersion",
          "decisionRefVersionTag",
          "decisionRefTenantId",
          "mapDecisionResult",
          "type",
          "topic",
          "taskPriority",
          "resource",
          "scriptFormat");
  private static final Set<String> USER_TASK_EXTRAS =
      Set.of(
          "formKey",
          "formRef",
          "formRefBinding",
          "formRefVersion",
          "dueDate",
          "followUpDate",
          "priority");

  private BareTwin() {}

  /** The twin of the latest deployed version of {@code key}. */
  public static BpmnModelInstance of(
      RepositoryService repository, String key, Map<String, String> literals) {
    String id =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult()
            .getId();
    return of(repository.getBpmnModelInstance(id), key, literals);
  }

  /**
   * The twin of process {@code key} in {@code model} (left unchanged), with {@code ${var}} in
   * groups replaced.
   */
  public static BpmnModelInstance of(
      BpmnModelInstance model, String key, Map<String, String> literals) {
    BpmnModelInstance twin = model.clone();
    Process process = twin.getModelElementById(key);
    process.setId(PREFIX + key);
    process.setName("bare " + key);
    for (BaseElement e : twin.getModelElementsByType(BaseElement.class)) {
      stripExtensions(e);
    }
    if (!twin.getModelElementsByType(ScriptTask.class).isEmpty()) {
      throw new IllegalArgumentException(
          key + ": script tasks are not supported (make them service tasks)");
    }
    for (Class<? extends Task> type :
        List.of(ServiceTask.class, SendTask.class, BusinessRuleTask.class)) {
      for (Task task : twin.getModelElementsByType(type)) {
        TASK_IMPLEMENTATION.forEach(a -> task.removeAttributeNs(CAMUNDA, a));
        task.setAttributeValueNs(CAMUNDA, "delegateExpression", NOOP);
      }
    }
    for (UserTask task : twin.getModelElementsByType(UserTask.class)) {
      USER_TASK_EXTRAS.forEach(a -> task.removeAttributeNs(CAMUNDA, a));
      for (String a : List.of("candidateGroups", "candidateUsers", "assignee")) {
        String value = task.getAttributeValueNs(CAMUNDA, a);
        if (value != null) {
          task.setAttributeValueNs(CAMUNDA, a, literal(value, literals));
        }
      }
    }
    for (StartEvent start : twin.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process && !start.getEventDefinitions().isEmpty()) {
        throw new IllegalArgumentException(
            key
                + ": a message, signal or timer start event would fire the twin"
                + " together with the real process; not supported");
      }
      for (String a :
          List.of("formKey", "formRef", "formRefBinding", "formRefVersion", "initiator")) {
        start.removeAttributeNs(CAMUNDA, a);
      }
    }
    for (CallActivity call : twin.getModelElementsByType(CallActivity.class)) {
      if (call.getCalledElement() != null && !call.getCalledElement().startsWith(PREFIX)) {
        call.setCalledElement(PREFIX + call.getCalledElement());
      }
    }
    return twin;
  }

  static String literal(String value, Map<String, String> literals) {
    String out = value;
    for (Map.Entry<String, String> e : literals.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    if (out.contains("${") || out.contains("#{")) {
      throw new IllegalArgumentException("no literal given for an expression in \"" + value + "\"");
    }
    return out;
  }

  /**
   * Keeps only the retry cycle and call-activity mappings: listeners, input/output, form data,
   * fields go.
   */
  private static void stripExtensions(BaseElement e) {
    ExtensionElements ext = e.getExtensionElements();
    if (ext == null) {
      return;
    }
    List<ModelElementInstance> drop = new ArrayList<>();
    for (ModelElementInstance child : ext.getElements()) {
      if (!(child instanceof CamundaFailedJobRetryTimeCycle
          || child instanceof CamundaIn
          || child instanceof CamundaOut)) {
        drop.add(child);
      }
    }
    drop.forEach(ext::removeChildElement);
    if (ext.getElements().isEmpty()) {
      e.removeChildElement(ext);
    }
  }

  /**
   * The twin's {@code benchNoop} delegate: does nothing, except set the variables the driver queued
   * for the activity it runs at (the values a real delegate would have computed for a gateway or
   * timer), in order.
   */
  public static final class Presets implements JavaDelegate {

    private final Map<String, Deque<Map<String, Object>>> queued = new HashMap<>();

    /**
     * Queues variables to be set, once, the next time the twin's delegate runs at {@code
     * activityId}.
     */
    public synchronized Presets at(String activityId, Map<String, Object> variables) {
      queued.computeIfAbsent(activityId, k -> new ArrayDeque<>()).add(variables);
      return this;
    }

    /** Nothing left over (the driver queued what the path consumed); then forgets everything. */
    public synchronized boolean drained() {
      boolean empty = queued.values().stream().allMatch(Deque::isEmpty);
      queued.clear();
      return empty;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> vars;
      synchronized (this) {
        Deque<Map<String, Object>> q = queued.get(execution.getCurrentActivityId());
        vars = q == null ? null : q.poll();
      }
      if (vars != null) {
        execution.setVariables(vars);
      }
    }
  }

  /**
   * Lets {@code group} start the twin {@code key} as it may start the real process (READ and
   * CREATE_INSTANCE).
   */
  public static void allowToStart(
      org.camunda.bpm.engine.AuthorizationService auth, String group, String key) {
    if (auth.createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
            .resourceId(key)
            .count()
        > 0) {
      return;
    }
    org.camunda.bpm.engine.authorization.Authorization a =
        auth.createNewAuthorization(
            org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    a.setResourceId(key);
    a.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ);
    a.addPermission(
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE);
    auth.saveAuthorization(a);
  }
}
