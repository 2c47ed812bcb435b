package th.go.cdd.womenfund.meeting;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess.Var;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.TaskDeadlines;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The engine edge of {@code meeting-resolution}, named {@code meetingResolutions} in the BPMN. The
 * resolution, its owner and its due date come from the fund's records ({@code meeting_resolution},
 * {@code process_scope}), found by the process instance; process variables are never trusted for
 * them.
 */
@Component("meetingResolutions")
public class MeetingResolutionSteps {

  private final MeetingRepository repo;
  private final MeetingService meetings;
  private final InstanceScopes scopes;

  public MeetingResolutionSteps(
      MeetingRepository repo, MeetingService meetings, InstanceScopes scopes) {
    this.repo = repo;
    this.meetings = meetings;
    this.scopes = scopes;
  }

  /**
   * First step: binds the resolution named by the business key the system gave, once, and its area.
   */
  public void register(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    String prefix = MeetingResolutionProcess.BUSINESS_KEY_PREFIX;
    long id =
        key != null && key.startsWith(prefix) && key.substring(prefix.length()).matches("\\d{1,18}")
            ? Long.parseLong(key.substring(prefix.length()))
            : -1;
    if (!repo.bind(id, execution.getProcessInstanceId())) {
      throw new IllegalStateException("no unbound meeting resolution for business key " + key);
    }
    MeetingRepository.Resolution r = resolution(execution);
    if (r.ownerDistrictCode() != null) {
      scopes.bindDistrict(execution, r.id(), r.ownerDistrictCode());
    } else {
      scopes.bindProvince(execution, r.id(), r.provinceCode());
    }
    MeetingRepository.Meeting m = repo.meeting(r.meetingId()).orElseThrow();
    execution.setVariable(
        Var.SUMMARY,
        "มติการประชุมคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีจังหวัด ครั้งที่ "
            + m.numberText()
            + " ("
            + ThaiDates.format(m.heldOn())
            + ") วาระ "
            + r.agendaItem()
            + ": "
            + r.text()
            + " — ผู้รับผิดชอบ: "
            + meetings.ownerName(r)
            + " กำหนดเสร็จ "
            + ThaiDates.format(r.dueOn()));
  }

  /** {@code camunda:candidateGroups}: the owner's officers, from the instance's recorded scope. */
  public String ownerGroup(DelegateExecution execution) {
    return scopes
        .of(execution.getProcessInstanceId())
        .map(
            s ->
                s.districtCode() != null
                    ? Roles.districtOfficers(s.districtCode())
                    : Roles.provinceOfficers(s.provinceCode()))
        .orElse(Roles.ADMIN);
  }

  /**
   * {@code camunda:dueDate}: the resolution's due day, at the end of office hours in Bangkok; none
   * for an instance an administrator started part-way, which has no resolution.
   */
  public Date due(DelegateExecution execution) {
    return repo.byProcessInstance(execution.getProcessInstanceId())
        .map(r -> TaskDeadlines.endOfOfficeDay(r.dueOn()))
        .orElse(null);
  }

  /**
   * After the follow-up task: the owner's progress note and whether it is done, kept on the
   * resolution.
   */
  public void recordProgress(DelegateExecution execution) {
    Object note = execution.getVariable(Var.PROGRESS_NOTE);
    if (!(note instanceof String text) || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอกความคืบหน้าการดำเนินงานตามมติ");
    }
    if (text.strip().length() > 2000) {
      throw new ThaiValidationException("ความคืบหน้ายาวเกิน 2000 ตัวอักษร");
    }
    Object done = execution.getVariable(Var.DONE);
    if (!(done instanceof Boolean finished)) {
      throw new ThaiValidationException("กรุณาเลือกว่าดำเนินการตามมติเสร็จแล้วหรือยัง");
    }
    repo.recordProgress(resolution(execution).id(), text.strip(), finished, EngineClock.today());
  }

  /** The gateway: done, as the fund's record says. */
  public boolean done(DelegateExecution execution) {
    return resolution(execution).done();
  }

  private MeetingRepository.Resolution resolution(DelegateExecution execution) {
    return repo.byProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no meeting resolution for instance " + execution.getProcessInstanceId()));
  }
}
