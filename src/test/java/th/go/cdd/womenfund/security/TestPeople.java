package th.go.cdd.womenfund.security;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * The people a Spring test signs in as or mails: {@code TestPeople.of(engine).user("rest2305")
 * .password(PASSWORD).member(Roles.districtOfficers("2305"))}. The user is created once (tests
 * share one database, so a later test class finds her there) and joins each group she is not in
 * yet.
 */
public final class TestPeople {

  private final IdentityService identity;

  private TestPeople(IdentityService identity) {
    this.identity = identity;
  }

  public static TestPeople of(ProcessEngine engine) {
    return new TestPeople(engine.getIdentityService());
  }

  /** An id no other test run uses: {@code prefix} and eight random characters. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  public Person user(String id) {
    return new Person(id);
  }

  /** One person: what she is created with when she does not exist yet. */
  public final class Person {

    private final String id;
    private String password;
    private String email;
    private String firstName;
    private String lastName;

    private Person(String id) {
      this.id = id;
    }

    public Person password(String value) {
      password = value;
      return this;
    }

    public Person email(String value) {
      email = value;
      return this;
    }

    public Person name(String first, String last) {
      firstName = first;
      lastName = last;
      return this;
    }

    /** Creates her if missing and puts her in each of {@code groups}; her id. */
    public String member(String... groups) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User u = identity.newUser(id);
        u.setPassword(password);
        u.setEmail(email);
        u.setFirstName(firstName);
        u.setLastName(lastName);
        identity.saveUser(u);
      }
      for (String group : groups) {
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
          identity.createMembership(id, group);
        }
      }
      return id;
    }
  }
}
