package th.go.cdd.womenfund.security;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import th.go.cdd.womenfund.security.StepModel.Step;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The engine's gate for what a person may send, whatever the surface (REST API, Tasklist, Java
 * API):
 *
 * <ul>
 *   <li>a task completion, task-form submission or process start sets only the inputs its step
 *       declares ({@link StepModel}: the deployed form's field keys, or the listed inputs of a step
 *       without a form);
 *   <li>one person performs at most one duty of an instance ({@link SegregationOfDuties}): checked
 *       before a task completion, recorded in its transaction; who started an instance performed
 *       its start event's duty;
 *   <li>variable updates, process-instance modification and restart, message correlation, signals
 *       and changes to a task's people are closed to every signed-in person but administrators (the
 *       system's own calls, made without a signed-in person or from inside an engine command,
 *       pass).
 * </ul>
 *
 * Each refusal is a Thai {@link RefusedInputException} (HTTP 400 through the REST API), thrown
 * before anything is written. Runs inside the command's transaction (a post command interceptor).
 */
public class StepGuard extends CommandInterceptor {

  /** Commands closed to every signed-in person but administrators, by class name. */
  static final Set<String> CLOSED =
      Set.of(
          "SetTaskVariablesCmd",
          "SetExecutionVariablesCmd",
          "PatchTaskVariablesCmd",
          "PatchExecutionVariablesCmd",
          "RemoveTaskVariablesCmd",
          "RemoveExecutionVariablesCmd",
          "SetVariablesToProcessInstancesBatchCmd",
          "ModifyProcessInstanceCmd",
          "ModifyProcessInstanceAsyncCmd",
          "ProcessInstanceModificationCmd",
          "ProcessInstanceModificationBatchCmd",
          "StartProcessInstanceAtActivitiesCmd",
          "RestartProcessInstancesCmd",
          "MigrateProcessInstanceCmd",
          "MigrateProcessInstanceBatchCmd",
          "CorrelateMessageCmd",
          "CorrelateAllMessageCmd",
          "CorrelateStartMessageCmd",
          "MessageEventReceivedCmd",
          "SignalCmd",
          "SignalEventReceivedCmd",
          "AddUserIdentityLinkCmd",
          "AddGroupIdentityLinkCmd",
          "DeleteUserIdentityLinkCmd",
          "DeleteGroupIdentityLinkCmd",
          "DelegateTaskCmd",
          "SetTaskOwnerCmd");

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private final StepModel model;
  private final DutyLedger duties;
  private final SegregationOfDuties sod;

  StepGuard(StepModel model, DutyLedger duties, SegregationOfDuties sod) {
    this.model = model;
    this.duties = duties;
    this.sod = sod;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return guarded(command, depth[0] == 1);
    } finally {
      depth[0]--;
    }
  }

  private <T> T guarded(Command<T> command, boolean outermost) {
    if (command instanceof DeployCmd) {
      model.forget();
      return next.execute(command);
    }
    Authentication auth = engine().getIdentityService().getCurrentAuthentication();
    String user = auth == null ? null : auth.getUserId();
    boolean admin =
        auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Roles.ADMIN);
    if (outermost
        && user != null
        && !admin
        && CLOSED.contains(command.getClass().getSimpleName())) {
      throw refused(
          "การเปลี่ยนข้อมูลของกระบวนการโดยตรง (ตัวแปร การย้ายขั้นตอน ข้อความ สัญญาณ หรือผู้รับผิดชอบงาน)"
              + " ทำได้เฉพาะผู้ดูแลระบบ: กรุณาทำงานผ่านแบบฟอร์มของแต่ละขั้นตอน");
    }
    if (command instanceof CompleteTaskCmd
        || command instanceof SubmitTaskFormCmd
        || command instanceof ResolveTaskCmd) {
      Map<String, Object> variables =
          command instanceof SubmitTaskFormCmd
              ? read(command, "properties")
              : read(command, "variables");
      // the system with nothing to set (jobs, tests' plain completions): nothing to check, nobody
      // to record
      return user == null && isEmpty(variables)
          ? next.execute(command)
          : taskStep(command, variables, user);
    }
    if (command instanceof SubmitStartFormCmd) {
      Map<String, Object> variables = read(command, "variables");
      return user == null && isEmpty(variables)
          ? next.execute(command)
          : start(command, read(command, "processDefinitionId"), variables, user);
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = read(command, "instantiationBuilder");
      // e.g. the nightly scan's thousands of follow-ups: no extra query for a start without
      // variables or person
      return user == null && isEmpty(builder.getVariables())
          ? next.execute(command)
          : start(command, definitionIdOf(builder), builder.getVariables(), user);
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd && user != null && !admin) {
      throw refused("การเริ่มกระบวนการที่ขั้นตอนกลางทางทำได้เฉพาะผู้ดูแลระบบ");
    }
    return next.execute(command);
  }

  private static boolean isEmpty(Map<String, Object> variables) {
    return variables == null || variables.isEmpty();
  }

  private <T> T taskStep(Command<T> command, Map<String, Object> variables, String user) {
    String taskId = read(command, "taskId");
    Task task =
        withoutAuthorization(
            () -> engine().getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return next.execute(command); // the engine answers "no such task"
    }
    if (task.getProcessDefinitionId() == null) {
      checkInputs(task.getName() == null ? "งานนี้" : task.getName(), Set.of(), variables);
      return next.execute(command);
    }
    Step step =
        model.step(
            engine().getRepositoryService(),
            task.getProcessDefinitionId(),
            task.getTaskDefinitionKey(),
            () ->
                withoutAuthorization(() -> engine().getFormService().getDeployedTaskForm(taskId)));
    if (!declaresAll(step.inputs(), variables) && user != null && !mayRead(taskId)) {
      return next.execute(
          command); // not her task: the engine's own refusal says so, and nothing about the step
    }
    checkInputs(step.name(), step.inputs(), variables);
    Authentication auth = engine().getIdentityService().getCurrentAuthentication();
    withoutAuthorization(
        () -> {
          sod.check(engine().getAuthorizationService(), auth, task, step);
          return null;
        });
    T result = next.execute(command);
    sod.record(auth, task.getProcessInstanceId(), step);
    return result;
  }

  private static boolean declaresAll(Set<String> declared, Map<String, Object> variables) {
    return variables == null || declared.containsAll(variables.keySet());
  }

  private static boolean mayRead(String taskId) {
    return engine().getTaskService().createTaskQuery().taskId(taskId).count() == 1;
  }

  private <T> T start(
      Command<T> command, String definitionId, Map<String, Object> variables, String user) {
    if (definitionId == null) {
      return next.execute(command); // the engine answers "no such process"
    }
    String startId;
    try {
      startId = startEventId(definitionId);
    } catch (RuntimeException noSuchDefinition) {
      return next.execute(command); // the engine answers "no such process"
    }
    Step step =
        model.step(
            engine().getRepositoryService(),
            definitionId,
            startId,
            () ->
                withoutAuthorization(
                    () -> engine().getFormService().getDeployedStartForm(definitionId)));
    checkInputs(step.name(), step.inputs(), variables);
    T result = next.execute(command);
    if (user != null && result instanceof ProcessInstance pi) {
      duties.record(pi.getId(), step, user);
    }
    return result;
  }

  private void checkInputs(String stepName, Set<String> declared, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    Set<String> extra = new TreeSet<>(variables.keySet());
    extra.removeAll(declared);
    if (!extra.isEmpty()) {
      throw refused(
          "ขั้นตอน \""
              + stepName
              + "\" รับเฉพาะข้อมูลในแบบฟอร์มของขั้นตอนนี้ ไม่รับ: "
              + String.join(", ", extra)
              + " (ไม่มีการบันทึกใด ๆ)");
    }
  }

  private String startEventId(String definitionId) {
    var model = engine().getRepositoryService().getBpmnModelInstance(definitionId);
    var process =
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
            .filter(p -> definitionId.startsWith(p.getId() + ":"))
            .findFirst()
            .orElse(null);
    if (process == null) {
      return "";
    }
    return process
        .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
        .stream()
        .filter(s -> s.getEventDefinitions().isEmpty())
        .map(s -> s.getId())
        .findFirst()
        .orElse("");
  }

  private String definitionIdOf(ProcessInstantiationBuilderImpl builder) {
    if (builder.getProcessDefinitionId() != null) {
      return builder.getProcessDefinitionId();
    }
    if (builder.getProcessDefinitionKey() == null) {
      return null;
    }
    ProcessDefinition latest =
        withoutAuthorization(
            () ->
                engine()
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(builder.getProcessDefinitionKey())
                    .withoutTenantId()
                    .latestVersion()
                    .singleResult());
    return latest == null ? null : latest.getId();
  }

  private static <V> V withoutAuthorization(java.util.concurrent.Callable<V> call) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? call.call() : context.runWithoutAuthorization(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The engine's services (the engine itself does not exist yet while it deploys at start-up). */
  private static org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine() {
    return Context.getProcessEngineConfiguration();
  }

  /**
   * A command's input, read from its field: the engine offers no getter. Fails closed when the
   * field is gone.
   */
  @SuppressWarnings({
    "unchecked",
    "TypeParameterUnusedInFormals"
  }) // the caller names the field's type
  static <V> V read(Object command, String name) {
    Field f =
        FIELDS.computeIfAbsent(
            command.getClass().getName() + "#" + name,
            k -> {
              for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
                try {
                  Field found = c.getDeclaredField(name);
                  found.setAccessible(true);
                  return found;
                } catch (NoSuchFieldException e) {
                  // look in the superclass
                }
              }
              throw new IllegalStateException(
                  "the engine's "
                      + command.getClass().getName()
                      + " has no field "
                      + name
                      + ": the step guard cannot check it, so it refuses it");
            });
    try {
      return (V) f.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static RefusedInputException refused(String thai) {
    return new RefusedInputException(new ThaiValidationException(thai));
  }
}
