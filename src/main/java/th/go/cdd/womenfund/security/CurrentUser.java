package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who calls the app's own endpoints (authenticated by the engine's filter), and what her role allows. */
@Component
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Actor actor() {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "กรุณาเข้าสู่ระบบ");
    }
    return new Actor(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
  }

  public String email() {
    User u = identity.createUserQuery().userId(actor().userId()).singleResult();
    return u == null ? null : u.getEmail();
  }

  /** Any group of the province (officers, committee, supervisors), or an admin. */
  public void requireProvince(String provinceCode) {
    Actor a = actor();
    if (!(a.isAdmin() || a.groups().contains(Roles.provinceOfficers(provinceCode))
        || a.groups().contains(Roles.provinceCommittee(provinceCode))
        || a.groups().contains(Roles.provinceSupervisors(provinceCode)))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "ท่านไม่มีสิทธิ์ดูข้อมูลของจังหวัดนี้");
    }
  }
}
