package th.go.cdd.womenfund.restructuring;

import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Finding a round's district packages and their tasks, for the restructuring process tests. */
final class RoundInstances {

  private RoundInstances() {}

  /** The {@code restructuring-package} instance of one district, called by the round. */
  static ProcessInstance packageOf(ProcessEngine engine, ProcessInstance round, String districtCode) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(round.getId()).list().stream()
        .filter(p -> districtCode.equals(engine.getRuntimeService().getVariable(p.getId(), Var.DISTRICT_CODE)))
        .findFirst().orElseThrow();
  }

  /** The open task of the instance at {@code element}, or null. */
  static Task task(ProcessEngine engine, ProcessInstance pi, String element) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(element).singleResult();
  }
}
