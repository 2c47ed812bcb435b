package th.go.cdd.womenfund.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import th.go.cdd.womenfund.system.PageUser;

/**
 * The person signed in through Spring Security: her Camunda user id, name and groups (from the
 * identity service).
 */
public record SignedInUser(String userId, String displayName, String email, List<String> groups)
    implements Principal, PageUser, Serializable {

  public SignedInUser {
    groups = List.copyOf(groups);
  }

  @Override
  public String getName() {
    return userId;
  }

  public Actor actor() {
    return new Actor(userId, groups);
  }
}
