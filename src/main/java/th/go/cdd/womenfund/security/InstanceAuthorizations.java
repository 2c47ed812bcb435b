package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * District scoping of one process instance: the groups of its district and province may read it
 * (its variables in Tasklist cards and forms, its history), nobody else below admin. Tasks
 * themselves reach people through candidate groups.
 */
@Component
public class InstanceAuthorizations {

  public void grantArea(
      AuthorizationService auth,
      String processInstanceId,
      String districtCode,
      String provinceCode) {
    grant(
        auth,
        processInstanceId,
        List.of(
            Roles.districtOfficers(districtCode),
            Roles.districtCommittee(districtCode),
            Roles.provinceOfficers(provinceCode),
            Roles.provinceCommittee(provinceCode),
            Roles.provinceSupervisors(provinceCode)));
  }

  /** A province-wide instance (e.g. a restructuring round): the province's groups only. */
  public void grantProvince(
      AuthorizationService auth, String processInstanceId, String provinceCode) {
    grant(
        auth,
        processInstanceId,
        List.of(
            Roles.provinceOfficers(provinceCode),
            Roles.provinceCommittee(provinceCode),
            Roles.provinceSupervisors(provinceCode)));
  }

  private void grant(AuthorizationService auth, String processInstanceId, List<String> groups) {
    for (String group : groups) {
      Authorization read = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.PROCESS_INSTANCE);
      read.setResourceId(processInstanceId);
      read.addPermission(Permissions.READ);
      auth.saveAuthorization(read);
      Authorization history = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      history.setGroupId(group);
      history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
      history.setResourceId(processInstanceId);
      history.addPermission(HistoricProcessInstancePermissions.READ);
      auth.saveAuthorization(history);
    }
  }
}
