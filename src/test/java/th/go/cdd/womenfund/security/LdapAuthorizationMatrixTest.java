package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of {@link AuthorizationMatrixTest}, cell for cell, with the people and
 * their groups read from the directory (profile {@code ldap}, {@link LdapTestServer}): the same
 * rights follow from the directory's groups as from the database's.
 */
@LdapContext
class LdapAuthorizationMatrixTest extends AuthorizationMatrixTest {

  /** The person is the directory's (womenfund.ldif); nothing can be created there. */
  @Override
  protected void ensureUser(String user, String group) {
    assertThat(engine.getIdentityService().isReadOnly()).as("identity from the directory").isTrue();
    assertThat(engine.getIdentityService().createUserQuery().userId(user).count())
        .as("%s in the directory", user)
        .isEqualTo(1);
  }
}
