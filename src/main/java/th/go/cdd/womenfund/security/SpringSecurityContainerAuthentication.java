package th.go.cdd.womenfund.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Camunda webapps' container-based authentication provider: whoever Spring Security signed in
 * is the webapps' user. Registered with the webapps' {@code ContainerBasedAuthenticationFilter}
 * ({@link WebSecurity#webappContainerAuthentication()}), which then builds the webapps' session
 * login (groups and authorized apps loaded from the identity service), so nobody signs in twice.
 */
public class SpringSecurityContainerAuthentication implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !auth.isAuthenticated()
        || auth instanceof AnonymousAuthenticationToken
        || auth.getName() == null) {
      return AuthenticationResult.unsuccessful();
    }
    // groups null: the webapps read them (and the apps the user may open) from the identity service
    return AuthenticationResult.successful(auth.getName());
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    // no challenge: the login page of the app is the only way in (Spring Security sends people
    // there)
  }
}
