package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * {@code /actuator/**}: the probes are open to anyone (a load balancer, Kubernetes, docker compose)
 * and say only UP or DOWN ({@code management.endpoint.health.show-details: when-authorized}, for
 * administrators); everything else (health details per component, metrics, Prometheus) only for
 * administrators ({@link Roles#ADMIN}) and the scraper's group ({@link Roles#MONITORING}). HTTP
 * Basic, or the session of an administrator signed in at {@code /login}; a scraper's Basic login
 * never creates a session.
 */
@Configuration
public class ActuatorSecurity {

  /**
   * Authorities of the groups that may read metrics ({@link
   * IdentityServiceAuthenticationProvider}).
   */
  static final String[] READERS = {
    IdentityServiceAuthenticationProvider.GROUP_PREFIX + Roles.ADMIN,
    IdentityServiceAuthenticationProvider.GROUP_PREFIX + Roles.MONITORING
  };

  @Bean
  @Order(0)
  SecurityFilterChain actuator(
      HttpSecurity http, OneTimePasswords oneTime, IdentityService identity) throws Exception {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("womenfund");
    http.securityMatcher(WebSecurity.path(null, "/actuator/**"))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        WebSecurity.path(HttpMethod.GET, "/actuator/health"),
                        WebSecurity.path(HttpMethod.GET, "/actuator/health/liveness"),
                        WebSecurity.path(HttpMethod.GET, "/actuator/health/readiness"))
                    .permitAll()
                    .anyRequest()
                    .hasAnyAuthority(READERS))
        .httpBasic(b -> b.authenticationEntryPoint(basic))
        .exceptionHandling(e -> e.authenticationEntryPoint(basic))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterAfter(new PasswordChangeGate(oneTime, identity), AuthorizationFilter.class)
        .headers(WebSecurity::appHeaders);
    return http.build();
  }
}
