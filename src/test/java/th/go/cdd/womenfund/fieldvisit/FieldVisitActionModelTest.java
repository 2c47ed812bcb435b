package th.go.cdd.womenfund.fieldvisit;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess.Element;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * field-visit-action on the plain engine: the owner reports the action done at once; or reports it
 * open, gets the task again with the same due date, then reports it done.
 */
@ModelTest
class FieldVisitActionModelTest {

  static final String OWNER = Roles.districtCommittee(ProcessModel.DISTRICT);
  static final Date DUE = new Date(ProcessModel.NOW.getTime() + 14L * 24 * 3600 * 1000);

  @RegisterExtension static final ProcessModel model = ProcessModel.of(FieldVisitActionProcess.KEY);

  FieldVisitActionSteps steps;

  @BeforeEach
  void steps() {
    steps = model.bean("fieldVisitActions", mock(FieldVisitActionSteps.class));
    when(steps.ownerGroup(any())).thenReturn(OWNER);
    when(steps.due(any())).thenReturn(DUE);
    when(steps.progressRecorder()).thenReturn(execution -> steps.recordProgress(execution));
  }

  @Test
  void theOwnerReportsTheActionDoneAtOnce() {
    ProcessInstance pi = agreed();
    when(steps.done(any())).thenReturn(true);
    complete(task(), withVariables(Var.NOTE, "ประสานธนาคารให้กลุ่มแล้ว", Var.DONE, true));

    assertThat(pi).isEnded().hasPassed(Element.RECORD, Element.DONE_GATEWAY, Element.DONE);
    verify(steps).register(any());
    verify(steps).recordProgress(any());
  }

  @Test
  void anOpenReportComesBackUntilTheActionIsDone() {
    ProcessInstance pi = agreed();
    when(steps.done(any())).thenReturn(false);
    complete(task(), withVariables(Var.NOTE, "นัดประชุมกลุ่มแล้ว", Var.DONE, false));

    assertThat(pi).isWaitingAtExactly(Element.REPORT);
    assertThat(pi).task().hasCandidateGroup(OWNER).hasDueDate(DUE);
    when(steps.done(any())).thenReturn(true);
    complete(task(), withVariables(Var.NOTE, "กลุ่มจัดทำบัญชีครบแล้ว", Var.DONE, true));

    assertThat(pi).isEnded().hasPassed(Element.DONE);
    verify(steps, times(2)).recordProgress(any());
  }

  private static ProcessInstance agreed() {
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                FieldVisitActionProcess.KEY, FieldVisitActionProcess.BUSINESS_KEY_PREFIX + "1");
    assertThat(pi)
        .hasPassed(Element.START, Element.REGISTER, Element.AGAIN)
        .isWaitingAtExactly(Element.REPORT);
    assertThat(pi).task().hasCandidateGroup(OWNER).hasDueDate(DUE);
    return pi;
  }
}
