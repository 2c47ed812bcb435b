package th.go.cdd.womenfund.security;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The district, the province and the record (loan, claim, package, ...) of each process instance,
 * written once by the system from the fund's own records when the instance registers (table {@code
 * process_scope}). Candidate groups ({@code
 * camunda:candidateGroups="${instanceScope.districtOfficers(execution)}"}) and the record every
 * step acts on come from here, never from process variables: a variable sent through the REST API
 * can neither re-route a task nor reach another district's loan. Binding also opens the instance to
 * its area's groups ({@link InstanceAuthorizations}).
 */
@Component("instanceScope")
public class InstanceScopes {

  /**
   * What one instance acts on, and where. {@code districtCode} is null for a province-wide
   * instance.
   */
  public record Scope(
      String processInstanceId,
      String processKey,
      long subjectId,
      String districtCode,
      String provinceCode) {}

  private final JdbcClient jdbc;
  private final InstanceAuthorizations authorizations;

  public InstanceScopes(JdbcClient jdbc, InstanceAuthorizations authorizations) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
  }

  /**
   * Binds a district's instance to its record; a second binding must say the same (nothing is ever
   * re-routed).
   */
  public void bindDistrict(DelegateExecution execution, long subjectId, String districtCode) {
    if (bind(execution, subjectId, districtCode, districtCode.substring(0, 2))) {
      authorizations.grantArea(
          execution.getProcessEngineServices().getAuthorizationService(),
          execution.getProcessInstanceId(),
          districtCode,
          districtCode.substring(0, 2));
    }
  }

  /** Binds a province-wide instance (a restructuring round, a subsidy allocation) to its record. */
  public void bindProvince(DelegateExecution execution, long subjectId, String provinceCode) {
    if (bind(execution, subjectId, null, provinceCode)) {
      authorizations.grantProvince(
          execution.getProcessEngineServices().getAuthorizationService(),
          execution.getProcessInstanceId(),
          provinceCode);
    }
  }

  /**
   * True when this call recorded the scope, false when it was recorded already (with the same
   * values).
   */
  private boolean bind(
      DelegateExecution execution, long subjectId, String districtCode, String provinceCode) {
    String pid = execution.getProcessInstanceId();
    String processKey = processKey(execution);
    Optional<Scope> existing = of(pid);
    if (existing.isPresent()) {
      Scope s = existing.get();
      if (s.subjectId() != subjectId
          || !Objects.equals(s.districtCode(), districtCode)
          || !s.provinceCode().equals(provinceCode)) {
        throw new ThaiValidationException(
            "รายการนี้ผูกกับเรื่องและพื้นที่เดิมแล้ว เปลี่ยนพื้นที่หรือเรื่องที่ดำเนินการไม่ได้");
      }
      return false;
    }
    jdbc.sql(
            "insert into process_scope (process_instance_id, process_key, subject_id, district_code, province_code,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?)")
        .params(pid, processKey, subjectId, districtCode, provinceCode, EngineClock.now())
        .update();
    return true;
  }

  public Optional<Scope> of(String processInstanceId) {
    return jdbc.sql(
            "select process_instance_id, process_key, subject_id, district_code, province_code"
                + " from process_scope where process_instance_id = ?")
        .param(processInstanceId)
        .query(Scope.class)
        .optional();
  }

  /**
   * The scope of the execution's instance; an instance that never registered its record has none (a
   * bug).
   */
  public Scope of(DelegateExecution execution) {
    return of(execution.getProcessInstanceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "process instance "
                        + execution.getProcessInstanceId()
                        + " has no recorded scope"));
  }

  /** The record (loan, claim, package, allocation, round, follow-up) the instance acts on. */
  public long subject(DelegateExecution execution) {
    return of(execution).subjectId();
  }

  // candidate groups, for the BPMN:
  // camunda:candidateGroups="${instanceScope.districtOfficers(execution)}". An
  // instance without a recorded scope (an administrator started it part-way, bypassing
  // registration) offers its
  // tasks to administrators only: nobody else can be sure whose they are.

  public String districtOfficers(DelegateExecution execution) {
    return group(
        execution, s -> s.districtCode() == null ? null : Roles.districtOfficers(s.districtCode()));
  }

  public String districtCommittee(DelegateExecution execution) {
    return group(
        execution,
        s -> s.districtCode() == null ? null : Roles.districtCommittee(s.districtCode()));
  }

  public String provinceOfficers(DelegateExecution execution) {
    return group(execution, s -> Roles.provinceOfficers(s.provinceCode()));
  }

  public String provinceCommittee(DelegateExecution execution) {
    return group(execution, s -> Roles.provinceCommittee(s.provinceCode()));
  }

  public String provinceSupervisors(DelegateExecution execution) {
    return group(execution, s -> Roles.provinceSupervisors(s.provinceCode()));
  }

  private String group(
      DelegateExecution execution, java.util.function.Function<Scope, String> pick) {
    return of(execution.getProcessInstanceId()).map(pick).orElse(Roles.ADMIN);
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId == null ? "" : definitionId.split(":")[0];
  }
}
