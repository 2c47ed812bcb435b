package th.go.cdd.womenfund.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The Department sets the provinces' recruitment targets on /membership/targets (it got 403
 * before); others may not.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MembershipTargetsPageTest {

  static final String PASSWORD = "targets-test-password";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired MembershipService service;
  @Autowired LoginThrottle throttle;
  @Autowired th.go.cdd.womenfund.area.AreaRepository areas;

  @BeforeEach
  void people() {
    throttle.liftAll();
    roles.ensureDepartment();
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    user("targetsdept", Roles.DEPARTMENT);
    user("targetsofficer2301", Roles.districtOfficers("2301"));
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).member(group);
  }

  @Test
  void theDepartmentOpensAndSetsAProvincesTargetADistrictOfficerIsRefused() throws Exception {
    AppSession department = AppSession.login(port, "targetsdept", PASSWORD);
    assertThat(department.get("/home").body()).contains("เป้าหมายสมาชิก");
    HttpResponse<String> page = department.get("/membership/targets?province=24");
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> sent =
        department.post(
            "/membership/targets?province=24",
            "/membership/targets",
            Map.of("province", "24", "fiscalYear", "2572", "target", "1,234"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(service.progress("24", new ThaiFiscalYear(2572)).target()).isEqualTo(1234);

    AppSession officer = AppSession.login(port, "targetsofficer2301", PASSWORD);
    assertThat(officer.get("/membership/targets?province=24").statusCode()).isEqualTo(403);
  }
}
