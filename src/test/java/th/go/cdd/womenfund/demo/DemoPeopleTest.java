package th.go.cdd.womenfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.OneTimePasswords;
import th.go.cdd.womenfund.security.Roles;

/**
 * The demo's people: every four-eyes step can be walked by distinct people (two officers per
 * district, two at the province office), and none of them is held back by a one-time password.
 */
@DemoContext
class DemoPeopleTest {

  @Autowired ProcessEngine engine;
  @Autowired OneTimePasswords oneTime;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;

  @Test
  void twoPeopleAtEachOfficeAndNobodyMustChangeAPassword() throws Exception {
    IdentityService identity = engine.getIdentityService();
    List<String> province =
        identity
            .createUserQuery()
            .memberOfGroup(Roles.provinceOfficers(DemoData.PROVINCE))
            .list()
            .stream()
            .map(User::getId)
            .toList();
    assertThat(province).contains("provofficer23", DemoData.PROVINCE_CLERK);
    for (String district : List.of("2301", "2305", "2307")) {
      assertThat(identity.createUserQuery().memberOfGroup(Roles.districtOfficers(district)).count())
          .as(district)
          .isGreaterThanOrEqualTo(2);
    }
    throttle.liftAll();
    for (String user :
        List.of(
            "officer2301",
            "clerk2301",
            "committee2301",
            "provofficer23",
            DemoData.PROVINCE_CLERK,
            "provcommittee23",
            "supervisor23",
            "department")) {
      assertThat(oneTime.mustChange(user)).as(user).isFalse();
      assertThat(AppSession.login(port, user, DemoContext.PASSWORD).get("/home").statusCode())
          .as(user)
          .isEqualTo(200);
    }
    throttle.liftAll();
  }
}
