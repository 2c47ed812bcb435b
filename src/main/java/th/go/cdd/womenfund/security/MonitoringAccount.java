package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: the group {@link Roles#MONITORING} exists (no Camunda rights: its members read
 * the metrics, see {@link ActuatorSecurity}), and, when {@link MonitoringSettings} has a password,
 * the scraper's account exists in it. Created only when missing: change the password later in
 * Camunda Admin.
 */
@Component
@Order(2)
public class MonitoringAccount implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(MonitoringAccount.class);

  private final IdentityService identity;
  private final MonitoringSettings settings;

  public MonitoringAccount(IdentityService identity, MonitoringSettings settings) {
    this.identity = identity;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.isReadOnly()) {
      // the directory (profile ldap) holds the people and groups: the monitoring group and its
      // scraper live there
      return;
    }
    if (identity.createGroupQuery().groupId(Roles.MONITORING).count() == 0) {
      Group group = identity.newGroup(Roles.MONITORING);
      group.setName("ระบบเฝ้าดูการทำงาน (metrics)");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (settings.hasPassword() && identity.createUserQuery().userId(settings.user()).count() == 0) {
      User user = identity.newUser(settings.user());
      user.setFirstName("ระบบเฝ้าดู");
      user.setLastName("การทำงาน");
      user.setPassword(settings.password());
      identity.saveUser(user);
      identity.createMembership(settings.user(), Roles.MONITORING);
      LOG.info("monitoring account {} created (group {})", settings.user(), Roles.MONITORING);
    }
  }
}
