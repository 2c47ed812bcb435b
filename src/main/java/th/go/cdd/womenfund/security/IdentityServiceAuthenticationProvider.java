package th.go.cdd.womenfund.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security's login against the Camunda identity service: the password is checked by {@link
 * IdentityService#checkPassword} (with the engine's login throttling), the groups are the user's
 * Camunda groups. So the accounts the admin manages in Camunda Admin are the accounts of the whole
 * app.
 */
@Component
public class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  /** Authorities carry the Camunda group ids with this prefix. */
  public static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identity;

  public IdentityServiceAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName() == null ? "" : authentication.getName().strip();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    if (userId.isEmpty() || password.isEmpty()) {
      throw new BadCredentialsException("กรุณากรอกชื่อผู้ใช้และรหัสผ่าน");
    }
    if (!identity.checkPassword(userId, password)) {
      throw new BadCredentialsException("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
    return authenticated(userId);
  }

  /** A signed-in authentication of a user the identity service knows (groups read now). */
  public UsernamePasswordAuthenticationToken authenticated(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new BadCredentialsException("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    SignedInUser principal =
        new SignedInUser(
            user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail(), groups);
    List<GrantedAuthority> authorities =
        groups.stream()
            .map(g -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + g))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
