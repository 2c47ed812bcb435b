package th.go.cdd.womenfund.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.budget.SubsidyAllocationProcess;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.meeting.MeetingResolutionProcess;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess;
import th.go.cdd.womenfund.repayment.PaymentReversalProcess;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess;

/**
 * The groups of a district or province and exactly the rights each role needs. Tasks come to a role
 * through candidate groups (the engine then grants task work on them); each process instance is
 * opened to its own district's and province's groups by {@link InstanceAuthorizations}; the rest is
 * here. Idempotent: what exists is left alone.
 */
@Component
public class RoleAuthorizations {

  /**
   * What a role may do with a process definition: read it (see its instances it is given), or also
   * start it.
   */
  public enum Right {
    READ,
    START
  }

  private static final Set<Right> NONE = Set.of();
  private static final Set<Right> READ = Set.of(Right.READ);
  private static final Set<Right> START = Set.of(Right.READ, Right.START);

  /**
   * One process and what each Tasklist role of a district and of a province may do with its
   * definition.
   */
  public record ProcessRights(
      String key,
      Set<Right> districtOfficers,
      Set<Right> districtCommittee,
      Set<Right> provinceOfficers,
      Set<Right> provinceCommittee) {}

  /**
   * The one place a process gets its rights: every process the fund's roles work on, by its key
   * constant. Province supervisors read every definition (Cockpit), the Department likewise. A
   * process missing here is read by nobody but the admin; ProcessRightsTest fails for a deployed
   * process that is neither here nor listed there as the system's own.
   */
  public static final List<ProcessRights> PROCESSES =
      List.of(
          // district officers register applications, the district committee screens them, the
          // province decides
          new ProcessRights(LoanApplicationProcess.KEY, START, READ, READ, READ),
          // province officers open restructuring rounds; each district's package is a process its
          // officers read, and
          // the province's steps of it (receipt, submission, the Department's decision, the
          // committee's
          // acknowledgement) make the engine read its model when one of them completes
          new ProcessRights(RestructuringProcess.KEY, NONE, NONE, START, NONE),
          new ProcessRights(RestructuringProcess.PACKAGE_KEY, READ, NONE, READ, READ),
          // repayments (issue 4): officers of both levels record payments from a start form
          new ProcessRights(RecordRepaymentProcess.KEY, START, NONE, START, NONE),
          new ProcessRights(OverdueFollowUpProcess.KEY, READ, READ, READ, READ),
          // maker-checker (issue 11): officers approve one another's entries; only the system
          // starts it
          new ProcessRights(MoneyApprovalProcess.KEY, READ, NONE, READ, NONE),
          new ProcessRights(PaymentReversalProcess.KEY, START, NONE, START, NONE),
          // a borrower's death is reported by the district office
          new ProcessRights(DeathClaimProcess.KEY, START, NONE, READ, READ),
          // province officers propose the subsidy allocation; the committee decides on it
          new ProcessRights(SubsidyAllocationProcess.KEY, NONE, NONE, START, READ),
          // district officers propose a women's organisation's subsidy-type project; both
          // committees decide on it
          new ProcessRights(SubsidyProjectProcess.KEY, START, READ, READ, READ),
          // the working group's resolutions: the system starts one per resolution when the province
          // records a meeting;
          // its owner (a district's or the province's officers) works on it
          new ProcessRights(MeetingResolutionProcess.KEY, READ, NONE, READ, NONE),
          // follow-up actions of a district's field visit: the system starts one per action when
          // the district records the visit; its owner (the district's officers or sub-committee,
          // or the province's officers) works on it
          new ProcessRights(FieldVisitActionProcess.KEY, READ, READ, READ, NONE));

  private final IdentityService identity;
  private final AuthorizationService auth;
  private final FilterService filters;

  public RoleAuthorizations(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.auth = engine.getAuthorizationService();
    this.filters = engine.getFilterService();
  }

  /**
   * District officers register and fix applications; the committee screens them. Both use Tasklist.
   */
  public List<String> ensureDistrict(District d) {
    String officers = Roles.districtOfficers(d.code());
    String committee = Roles.districtCommittee(d.code());
    group(officers, "เจ้าหน้าที่พัฒนาชุมชนอำเภอ" + d.nameTh());
    group(committee, "คณะอนุกรรมการกลั่นกรองฯ อำเภอ" + d.nameTh());
    grant(officers, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(committee, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(officers, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    for (ProcessRights p : PROCESSES) {
      grantProcess(officers, p.key(), p.districtOfficers());
      grantProcess(committee, p.key(), p.districtCommittee());
    }
    grantFilters(List.of(officers, committee), TasklistFilters.existingIds(filters));
    return List.of(officers, committee);
  }

  /**
   * Province officers and committee work in Tasklist; supervisors read in Cockpit and change
   * nothing.
   */
  public List<String> ensureProvince(Province p) {
    String officers = Roles.provinceOfficers(p.code());
    String committee = Roles.provinceCommittee(p.code());
    String supervisors = Roles.provinceSupervisors(p.code());
    group(officers, "เจ้าหน้าที่พัฒนาชุมชนจังหวัด" + p.nameTh());
    group(committee, "คณะอนุกรรมการกองทุนพัฒนาบทบาทสตรีจังหวัด" + p.nameTh());
    group(supervisors, "ผู้บังคับบัญชา สำนักงานพัฒนาชุมชนจังหวัด" + p.nameTh());
    for (String g : List.of(officers, committee, supervisors)) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    grant(officers, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    for (ProcessRights r : PROCESSES) {
      grantProcess(officers, r.key(), r.provinceOfficers());
      grantProcess(committee, r.key(), r.provinceCommittee());
    }
    grant(supervisors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // definitions and their diagrams; instances, their history and their tasks only of this
    // province,
    // granted per instance (InstanceAuthorizations) and per task (ProvinceTaskVisibility), so a
    // supervisor
    // never reads another province's data
    grant(
        supervisors,
        Resources.PROCESS_DEFINITION,
        Authorization.ANY,
        ProcessDefinitionPermissions.READ);
    // the decision tables, not their evaluations: Camunda 7 grants the history of decisions per
    // table only, never
    // per evaluation, so READ_HISTORY would show every province's decision inputs (issue 11); the
    // Department keeps it
    grant(supervisors, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(supervisors, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grantFilters(List.of(officers, committee, supervisors), TasklistFilters.existingIds(filters));
    grantFilters(List.of(supervisors), TasklistFilters.existingAreaIds(filters));
    return List.of(officers, committee, supervisors);
  }

  private void grantProcess(String group, String key, Set<Right> rights) {
    if (rights.contains(Right.START)) {
      grant(
          group,
          Resources.PROCESS_DEFINITION,
          key,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    } else if (rights.contains(Right.READ)) {
      grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
    }
  }

  /**
   * The Department (กรมการพัฒนาชุมชน): reads every province's dashboard and briefing, and follows
   * every process in Cockpit and Tasklist without changing anything.
   */
  public String ensureDepartment() {
    group(Roles.DEPARTMENT, "กรมการพัฒนาชุมชน");
    grant(Roles.DEPARTMENT, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Roles.DEPARTMENT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        Roles.DEPARTMENT,
        Resources.PROCESS_DEFINITION,
        Authorization.ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grant(Roles.DEPARTMENT, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grant(
        Roles.DEPARTMENT,
        Resources.HISTORIC_PROCESS_INSTANCE,
        Authorization.ANY,
        HistoricProcessInstancePermissions.READ);
    grant(
        Roles.DEPARTMENT,
        Resources.DECISION_DEFINITION,
        Authorization.ANY,
        Permissions.READ,
        Permissions.READ_HISTORY);
    grant(Roles.DEPARTMENT, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grantFilters(List.of(Roles.DEPARTMENT), TasklistFilters.existingIds(filters));
    grantFilters(List.of(Roles.DEPARTMENT), TasklistFilters.existingAreaIds(filters));
    return Roles.DEPARTMENT;
  }

  /**
   * Lets each group read (use) each Tasklist filter; ensureDistrict/ensureProvince do it for {@link
   * TasklistFilters}.
   */
  public void grantFilters(List<String> groups, List<String> filterIds) {
    for (String g : groups) {
      for (String id : filterIds) {
        grant(g, Resources.FILTER, id, Permissions.READ);
      }
    }
  }

  public static List<String> all(List<List<String>> groups) {
    List<String> result = new ArrayList<>();
    groups.forEach(result::addAll);
    return result;
  }

  /**
   * Creates the group when missing; with a read-only identity (the directory, profile ldap) it is
   * the directory's.
   */
  private void group(String id, String name) {
    if (!identity.isReadOnly() && identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
  }

  /**
   * Grants exactly these permissions (an older grant with more is replaced, so a start repairs
   * drift); an identical grant is left as it is, so a start over every group of the directory
   * writes nothing that is already right.
   */
  /**
   * Whether a grant gives these permissions and no other of their kind (read through the public
   * API).
   */
  static boolean grantsExactly(Authorization existing, Permission... permissions) {
    int wanted = 0;
    for (Permission p : permissions) {
      wanted |= p.getValue();
    }
    int granted = 0;
    Object[] kind =
        permissions[0] instanceof Enum<?> e
            ? e.getDeclaringClass().getEnumConstants()
            : permissions;
    for (Object o : kind) {
      Permission p = (Permission) o;
      if (p.getValue() != 0
          && p.getValue() != Integer.MAX_VALUE
          && existing.isPermissionGranted(p)) {
        granted |= p.getValue();
      }
    }
    return granted == wanted;
  }

  private void grant(
      String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        auth.createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (existing != null) {
      if (existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
          && grantsExactly(existing, permissions)) {
        return;
      }
      auth.deleteAuthorization(existing.getId());
    }
    Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    auth.saveAuthorization(a);
  }
}
