package th.go.cdd.womenfund.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;

/**
 * Profile {@code ldap}: the groups live in the directory, their rights in the database. At every
 * start, after the admin account's rights ({@link AccountsOnStart}) and before the Tasklist filters
 * ({@link TasklistFilters}), each fund group the directory holds gets its role's rights from {@link
 * RoleAuthorizations} (which creates no group when the identity is read-only): {@code
 * district-XXXX-officers|committee} those of district XXXX, {@code
 * province-XX-officers|committee|supervisors} those of province XX, {@code department} the
 * Department's; {@code camunda-admin} and {@code monitoring} are known and need nothing here. Other
 * directory groups get nothing. Idempotent: rights already right are not written again, so it runs
 * again every {@code womenfund.ldap.sync-every} (default an hour) for groups the Department adds
 * later.
 */
@Component
@Profile(LdapDirectory.PROFILE)
@Order(2)
public class DirectoryGroupRights implements ApplicationRunner, SchedulingConfigurer {

  static final Pattern DISTRICT = Pattern.compile("district-(\\d{4})-(officers|committee)");
  static final Pattern PROVINCE =
      Pattern.compile("province-(\\d{2})-(officers|committee|supervisors)");

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryGroupRights.class);

  private final IdentityService identity;
  private final RoleAuthorizations roles;
  private final AreaRepository areas;

  private final Duration syncEvery;

  public DirectoryGroupRights(
      IdentityService identity,
      RoleAuthorizations roles,
      AreaRepository areas,
      @Value("${womenfund.ldap.sync-every:PT1H}") Duration syncEvery) {
    this.identity = identity;
    this.roles = roles;
    this.areas = areas;
    this.syncEvery = syncEvery;
  }

  @Override
  public void run(ApplicationArguments args) {
    grant();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::grantQuietly, syncEvery, syncEvery));
  }

  private void grantQuietly() {
    try {
      grant();
    } catch (RuntimeException e) {
      LOG.warn(
          "directory groups: the periodic pass failed ({}), the next one retries",
          e.getClass().getSimpleName());
    }
  }

  /** What one pass found in the directory. */
  public record Outcome(int districts, int provinces, boolean department, int ignored) {}

  /** Grants the rights of every fund group the directory holds; returns what it found. */
  public Outcome grant() {
    Set<String> districts = new LinkedHashSet<>();
    Set<String> provinces = new LinkedHashSet<>();
    boolean department = false;
    int ignored = 0;
    for (Group g : identity.createGroupQuery().list()) {
      Matcher d = DISTRICT.matcher(g.getId());
      Matcher p = PROVINCE.matcher(g.getId());
      if (d.matches() && areas.district(d.group(1)).isPresent()) {
        districts.add(d.group(1));
      } else if (p.matches() && areas.province(p.group(1)).isPresent()) {
        provinces.add(p.group(1));
      } else if (Roles.DEPARTMENT.equals(g.getId())) {
        department = true;
      } else if (!Roles.ADMIN.equals(g.getId()) && !Roles.MONITORING.equals(g.getId())) {
        // not counted: camunda-admin has its rights already (AccountsOnStart), monitoring needs
        // none (ActuatorSecurity)
        ignored++;
      }
    }
    districts.forEach(code -> roles.ensureDistrict(areas.district(code).orElseThrow()));
    provinces.forEach(code -> roles.ensureProvince(areas.province(code).orElseThrow()));
    if (department) {
      roles.ensureDepartment();
    }
    Outcome outcome = new Outcome(districts.size(), provinces.size(), department, ignored);
    LOG.info(
        "directory groups with rights: {} districts, {} provinces, department {}; {} other groups ignored",
        outcome.districts(),
        outcome.provinces(),
        outcome.department(),
        outcome.ignored());
    return outcome;
  }
}
