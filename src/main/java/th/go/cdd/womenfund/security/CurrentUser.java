package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls the app's own pages and endpoints, and what her role allows. Signed in through Spring
 * Security ({@link WebSecurity}: the login page, the session, or HTTP Basic on {@code /api});
 * outside a web request (or behind the engine's own REST filter) the engine's current
 * authentication.
 */
@Component
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Actor actor() {
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof SignedInUser user) {
      return user.actor();
    }
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

  /**
   * The signed-in person's name as the identity service knows it (the user id when it has none).
   */
  public String displayName() {
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null && spring.getPrincipal() instanceof SignedInUser user) {
      return user.displayName();
    }
    return actor().userId();
  }

  /** Any group of the province (officers, committee, supervisors), or an admin. */
  public void requireProvince(String provinceCode) {
    Actor a = actor();
    if (!(a.isAdmin()
        || a.groups().contains(Roles.provinceOfficers(provinceCode))
        || a.groups().contains(Roles.provinceCommittee(provinceCode))
        || a.groups().contains(Roles.provinceSupervisors(provinceCode)))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "ท่านไม่มีสิทธิ์ดูข้อมูลของจังหวัดนี้");
    }
  }

  /**
   * Any group of the province, the Department (every province) or an admin: a restructuring round's
   * page and the submission spreadsheet, which the Department receives.
   */
  public void requireProvinceOrDepartment(String provinceCode) {
    if (!actor().groups().contains(Roles.DEPARTMENT)) {
      requireProvince(provinceCode);
    }
  }

  /**
   * The province's supervisors, the Department (every province) or an admin: the dashboard and the
   * briefing.
   */
  public void requireSupervisorOf(String provinceCode) {
    Actor a = actor();
    if (!(a.isAdmin()
        || a.groups().contains(Roles.DEPARTMENT)
        || a.groups().contains(Roles.provinceSupervisors(provinceCode)))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "หน้านี้สำหรับผู้บังคับบัญชาของจังหวัดและกรมการพัฒนาชุมชนเท่านั้น: ท่านไม่มีสิทธิ์ดูข้อมูลของจังหวัดนี้");
    }
  }

  /** The province's officers (who key its budget and allocations) or an admin. */
  public void requireProvinceOfficer(String provinceCode) {
    Actor a = actor();
    if (!(a.isAdmin() || a.groups().contains(Roles.provinceOfficers(provinceCode)))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้นที่บันทึกข้อมูลนี้ได้");
    }
  }
}
