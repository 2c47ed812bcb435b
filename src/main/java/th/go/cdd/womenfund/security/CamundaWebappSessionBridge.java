package th.go.cdd.womenfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' own login and logout in step with the app's single sign-on, for the cases in
 * which the Camunda webapps show their own login form (after their logout button, or when a session
 * expired while a webapp was open):
 *
 * <ul>
 *   <li>a successful login through the webapps' form ({@code POST
 *       /camunda/api/admin/auth/user/{engine}/login/{app}}, checked by Camunda itself, with its
 *       CSRF token) also signs the person in to the app;
 *   <li>the webapps' logout ({@code POST …/auth/user/{engine}/logout}) ends the whole session, the
 *       app's too.
 * </ul>
 *
 * Logging in at the app's login page reaches the webapps the other way, through the container-based
 * authentication filter.
 */
public class CamundaWebappSessionBridge extends OncePerRequestFilter {

  private static final Pattern LOGIN =
      Pattern.compile(".*/api/admin/auth/user/([^/]+)/login/[^/]+/?");
  private static final Pattern LOGOUT = Pattern.compile(".*/api/admin/auth/user/([^/]+)/logout/?");

  private final IdentityServiceAuthenticationProvider accounts;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  public CamundaWebappSessionBridge(IdentityServiceAuthenticationProvider accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String uri = request.getRequestURI();
    Matcher login = LOGIN.matcher(uri);
    Matcher logout = LOGOUT.matcher(uri);
    chain.doFilter(request, response);
    if (response.getStatus() != HttpServletResponse.SC_OK) {
      return;
    }
    if (login.matches()) {
      HttpSession session = request.getSession(false);
      Authentications auths =
          session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      Authentication webappLogin =
          auths == null ? null : auths.getAuthenticationForProcessEngine(login.group(1));
      if (webappLogin != null) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accounts.authenticated(webappLogin.getIdentityId()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
      }
    } else if (logout.matches()) {
      new SecurityContextLogoutHandler()
          .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    }
  }
}
