package th.go.cdd.womenfund.meeting;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess.Element;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess.Var;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ModelTest;
import th.go.cdd.womenfund.system.ProcessModel;

/** meeting-resolution on the plain engine: done at the first report; reported open, then done. */
@ModelTest
class MeetingResolutionModelTest {

  static final String OWNER = Roles.districtOfficers(ProcessModel.DISTRICT);
  static final Date DUE = new Date(ProcessModel.NOW.getTime() + 30L * 24 * 3600 * 1000);

  @RegisterExtension
  static final ProcessModel model = ProcessModel.of(MeetingResolutionProcess.KEY);

  MeetingResolutionSteps steps;

  @BeforeEach
  void steps() {
    steps = model.bean("meetingResolutions", mock(MeetingResolutionSteps.class));
    when(steps.ownerGroup(any())).thenReturn(OWNER);
    when(steps.due(any())).thenReturn(DUE);
  }

  @Test
  void theOwnerReportsItDoneAtOnce() {
    ProcessInstance pi = recorded();
    when(steps.done(any())).thenReturn(true);
    complete(task(), withVariables(Var.PROGRESS_NOTE, "จัดอบรมการตลาดออนไลน์แล้ว", Var.DONE, true));

    assertThat(pi).isEnded().hasPassed(Element.RECORD_PROGRESS, Element.DONE_GATEWAY, Element.DONE);
    model.ran("recordResolutionProgress");
  }

  @Test
  void anOpenReportComesBackUntilItIsDone() {
    ProcessInstance pi = recorded();
    when(steps.done(any())).thenReturn(false);
    complete(task(), withVariables(Var.PROGRESS_NOTE, "ประสานสถานที่แล้ว", Var.DONE, false));

    assertThat(pi).isWaitingAtExactly(Element.FOLLOW_UP);
    assertThat(pi).task().hasCandidateGroup(OWNER).hasDueDate(DUE);
    when(steps.done(any())).thenReturn(true);
    complete(task(), withVariables(Var.PROGRESS_NOTE, "ดำเนินการแล้ว", Var.DONE, true));

    assertThat(pi).isEnded().hasPassed(Element.DONE);
    model.ran("recordResolutionProgress", 2);
    model.ran("registerMeetingResolution");
  }

  private static ProcessInstance recorded() {
    ProcessInstance pi =
        runtimeService().startProcessInstanceByKey(MeetingResolutionProcess.KEY, "resolution-1");
    assertThat(pi)
        .hasPassed(Element.START, Element.REGISTER, Element.MERGE)
        .isWaitingAtExactly(Element.FOLLOW_UP);
    assertThat(pi).task().hasCandidateGroup(OWNER).hasDueDate(DUE);
    return pi;
  }
}
