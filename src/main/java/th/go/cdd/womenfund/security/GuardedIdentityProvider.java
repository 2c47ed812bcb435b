package th.go.cdd.womenfund.security;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider with two refusals for a signed-in person who is not an
 * administrator: changing her own first name, last name or e-mail address (her reminders and her
 * mail page follow that address), and deleting her own account. Her password she may change. Calls
 * without a signed-in person (the system, the start-up code) and administrators ({@code
 * camunda-admin}) are not limited. Every refused password is also reported to {@link
 * LoginThrottle}, which counts it for the client address of the request being served.
 *
 * <p>A password a signed-in person sets on <em>another</em> account (an administrator's reset or a
 * new account in Camunda Admin, {@code PUT …/user/{id}/credentials}, {@code POST …/user/create}) is
 * one-time: the account is marked in {@link OneTimePasswords}, in the same transaction, and its
 * owner must choose her own before doing anything else. Setting one's own password never clears the
 * mark (only {@code /password/change}, which checks the fund's rule, does).
 */
public class GuardedIdentityProvider extends DbIdentityServiceProvider {

  private final OneTimePasswords oneTime;

  public GuardedIdentityProvider(OneTimePasswords oneTime) {
    this.oneTime = oneTime;
  }

  static final String PROFILE_REFUSED =
      "ท่านไม่สามารถแก้ไขชื่อหรืออีเมลของบัญชีตนเองได้ กรุณาติดต่อผู้ดูแลระบบ";
  static final String DELETE_REFUSED =
      "ท่านไม่สามารถลบบัญชีผู้ใช้ของตนเองได้ กรุณาติดต่อผู้ดูแลระบบ";

  @Override
  public IdentityOperationResult saveUser(User user) {
    UserEntity changed = (UserEntity) user;
    if (changed.getRevision() != 0 && limited(changed.getId())) {
      UserEntity stored = findUserById(changed.getId());
      if (stored != null
          && !(Objects.equals(stored.getFirstName(), changed.getFirstName())
              && Objects.equals(stored.getLastName(), changed.getLastName())
              && Objects.equals(stored.getEmail(), changed.getEmail()))) {
        throw new AuthorizationException(PROFILE_REFUSED);
      }
    }
    IdentityOperationResult saved = super.saveUser(user);
    if (changed.hasNewPassword() && setBySomeoneElse(changed.getId())) {
      oneTime.require(changed.getId(), OneTimePasswords.Reason.RESET);
    }
    return saved;
  }

  /** A signed-in person (authorization checks on) sets the password of an account not her own. */
  private boolean setBySomeoneElse(String userId) {
    Authentication auth = getCurrentAuthentication();
    return auth != null
        && auth.getUserId() != null
        && !auth.getUserId().equals(userId)
        && isAuthorizationEnabled()
        && Context.getCommandContext().isAuthorizationCheckEnabled();
  }

  /**
   * The engine's check (with its per-account delay); a refusal also counts for the caller's
   * address.
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    return LoginThrottle.counted(super.checkPassword(userId, password));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    if (limited(userId)) {
      throw new AuthorizationException(DELETE_REFUSED);
    }
    IdentityOperationResult deleted = super.deleteUser(userId);
    oneTime.cleared(userId);
    return deleted;
  }

  /**
   * The signed-in person acts on her own account, authorization checks on, and she is no
   * administrator.
   */
  private boolean limited(String userId) {
    Authentication auth = getCurrentAuthentication();
    if (auth == null
        || auth.getUserId() == null
        || !auth.getUserId().equals(userId)
        || !isAuthorizationEnabled()
        || !Context.getCommandContext().isAuthorizationCheckEnabled()) {
      return false;
    }
    return !Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(auth);
  }
}
