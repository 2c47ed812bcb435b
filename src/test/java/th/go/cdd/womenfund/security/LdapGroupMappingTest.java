package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.OwnH2Database;

/**
 * A directory whose groups are named its own way maps them onto the fund's groups by holding the
 * fund's group id in another attribute of the group entry (here {@code businessCategory}) and
 * naming it in {@code womenfund.ldap.group-id-attribute}: the engine then knows the group by the
 * fund's id. The plugin is configured by {@link LdapDirectory} itself, on a small engine of its own
 * (own-h2: an in-memory engine database).
 */
@DatabaseTest
@OwnH2Database
class LdapGroupMappingTest {

  @Test
  void aDirectoryGroupNamedOtherwiseIsKnownByTheFundsIdInTheAttributeNamed() {
    LdapSettings settings =
        new LdapSettings(
            "ldap://localhost:" + LdapTestServer.server().getListenPort(),
            LdapTestServer.MANAGER_DN,
            LdapTestServer.MANAGER_PASSWORD,
            LdapTestServer.BASE_DN,
            "ou=people",
            null,
            null,
            null,
            null,
            null,
            "ou=groups",
            "(&(objectClass=groupOfNames)(businessCategory=*))",
            "businessCategory",
            "cn",
            null,
            false,
            null);
    ProcessEngineConfigurationImpl configuration =
        new StandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("ldapmapping")
            .setJdbcUrl("jdbc:h2:mem:womenfund-ldap-mapping;DB_CLOSE_DELAY=-1")
            .setDatabaseSchemaUpdate("create-drop")
            .setJobExecutorActivate(false)
            .setHistory("none");
    configuration
        .getProcessEnginePlugins()
        .add(new LdapDirectory().ldapIdentityProviderPlugin(settings));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      IdentityService identity = engine.getIdentityService();
      assertThat(identity.isReadOnly()).isTrue();
      assertThat(
              identity.createGroupQuery().groupMember("mapped2305").list().stream()
                  .map(Group::getId)
                  .toList())
          .containsExactly(Roles.districtOfficers("2305"));
      Group group =
          identity.createGroupQuery().groupId(Roles.districtOfficers("2305")).singleResult();
      assertThat(group.getName()).isEqualTo("cdd-laemngop-community-development");
      List<String> members =
          identity.createUserQuery().memberOfGroup(Roles.districtOfficers("2305")).list().stream()
              .map(User::getId)
              .toList();
      assertThat(members).containsExactly("mapped2305");
      assertThat(identity.checkPassword("mapped2305", LdapTestServer.PASSWORD)).isTrue();
    } finally {
      engine.close();
    }
  }
}
