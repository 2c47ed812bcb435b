package th.go.cdd.womenfund.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the app's pages and the Camunda webapps (Spring Security, accounts and groups from
 * the Camunda identity service):
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: stateless, HTTP Basic checked by the engine's own filter ({@link
 *       RestApiSecurity}); Spring Security only adds headers.
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): signed in through the app's Thai login
 *       page; the webapps' container-based authentication takes the person from Spring Security.
 *       The webapps keep their own CSRF protection (a token header on every change), so Spring's is
 *       off here only.
 *   <li>{@code /api/**} with {@code Authorization: Basic}: stateless, the password checked on every
 *       request, no CSRF token (no session cookie involved); every other {@code /api/**} request:
 *       the session, with a CSRF token for changes.
 *   <li>everything else (dashboard, briefing, forms of the app): the login page {@code /login}, a
 *       session, CSRF tokens on every form.
 * </ul>
 *
 * On every chain, once the person is known, {@link PasswordChangeGate} holds back a person whose
 * password is one-time until she has chosen her own.
 */
@Configuration
@EnableWebSecurity
public class WebSecurity {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /**
   * Paths as the servlet container sees them (the webapps and the REST API are Jersey servlets, not
   * Spring MVC).
   */
  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  @Bean
  AuthenticationManager authenticationManager(IdentityServiceAuthenticationProvider accounts) {
    return new ProviderManager(accounts);
  }

  /** The REST API: the engine's HTTP Basic filter decides; no session, no cookie, no CSRF token. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    http.securityMatcher(path(null, "/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(c -> c.requireExplicitSave(true))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(
            h ->
                h.referrerPolicy(
                    r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /** Tasklist, Cockpit, Admin: pages send people to the login page, their API answers 401. */
  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapps(
      HttpSecurity http,
      IdentityServiceAuthenticationProvider accounts,
      IdentityService identity,
      OneTimePasswords oneTime)
      throws Exception {
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(
        r ->
            "GET".equals(r.getMethod())
                && r.getRequestURI().startsWith(r.getContextPath() + "/camunda/app/"));
    http.securityMatcher(path(null, "/camunda/**"))
        .authorizeHttpRequests(
            a ->
                a
                    // the webapps' own login form posts here; Camunda checks the password (and its
                    // CSRF token)
                    .requestMatchers(
                        path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*"))
                    .permitAll()
                    // who is signed in (404 when nobody: the webapps then show their login form,
                    // with its CSRF cookie)
                    .requestMatchers(path(HttpMethod.GET, "/camunda/api/admin/auth/user/*"))
                    .permitAll()
                    .requestMatchers(path(HttpMethod.GET, "/camunda/api/*/plugin/*/static/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        r -> r.getRequestURI().startsWith(r.getContextPath() + "/camunda/api/"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), r -> true))
        .requestCache(c -> c.requestCache(pages))
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterBefore(new CamundaWebappSessionBridge(accounts), AuthorizationFilter.class)
        .addFilterAfter(new PasswordChangeGate(oneTime, identity), AuthorizationFilter.class)
        .headers(
            h ->
                h.frameOptions(f -> f.sameOrigin())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * The app's own API called with HTTP Basic (scripts, curl): stateless, so the password is checked
   * on every request (no session is read, none is written) and there is no cookie a forged request
   * could ride on, hence no CSRF token. Only a request that really carries Basic credentials comes
   * here; a wrong password is 401, whatever session the browser also sends.
   */
  @Bean
  @Order(3)
  SecurityFilterChain appApiBasic(
      HttpSecurity http, IdentityService identity, OneTimePasswords oneTime) throws Exception {
    BasicAuthenticationEntryPoint basic = basicEntryPoint();
    http.securityMatcher(
            new AndRequestMatcher(path(null, "/api/**"), WebSecurity::carriesBasicCredentials))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(basic))
        .exceptionHandling(e -> e.authenticationEntryPoint(basic))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .addFilterAfter(new PasswordChangeGate(oneTime, identity), EngineAuthenticationFilter.class)
        .headers(WebSecurity::appHeaders);
    return http.build();
  }

  /**
   * {@code Authorization: Basic …} (any other scheme, or a bare header, is no reason to skip the
   * CSRF check).
   */
  static boolean carriesBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  /**
   * The app's own API from the signed-in browser: the session, and a CSRF token for every change.
   */
  @Bean
  @Order(4)
  SecurityFilterChain appApi(HttpSecurity http, IdentityService identity, OneTimePasswords oneTime)
      throws Exception {
    BasicAuthenticationEntryPoint basic = basicEntryPoint();
    http.securityMatcher(path(null, "/api/**"))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(basic))
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .addFilterAfter(new PasswordChangeGate(oneTime, identity), EngineAuthenticationFilter.class)
        .headers(WebSecurity::appHeaders);
    return http.build();
  }

  private static BasicAuthenticationEntryPoint basicEntryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("womenfund");
    try {
      basic.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return basic;
  }

  /**
   * The app's own pages and API: only its own scripts and styles, no framing, same-origin referrer.
   */
  static void appHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }

  /** Pages of the app: the Thai login page, sessions, CSRF tokens on every form. */
  @Bean
  @Order(5)
  SecurityFilterChain appPages(
      HttpSecurity http, IdentityService identity, OneTimePasswords oneTime) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll()
                    .requestMatchers(
                        path(null, "/login"),
                        path(null, "/error"),
                        path(null, "/webjars/**"),
                        path(null, "/css/**"),
                        path(null, "/js/**"),
                        path(null, "/favicon.ico"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/home")
                    .failureUrl("/login?error")
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessUrl("/login?logout")
                    .deleteCookies("JSESSIONID"))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .addFilterAfter(new PasswordChangeGate(oneTime, identity), EngineAuthenticationFilter.class)
        .headers(WebSecurity::appHeaders);
    return http.build();
  }

  /**
   * The webapps' container-based authentication: the person Spring Security signed in becomes the
   * webapps' user. Runs right after the Spring Security filter chain, before the webapps' own
   * filters.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Container Based Authentication Filter");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityContainerAuthentication.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
