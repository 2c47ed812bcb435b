package th.go.cdd.womenfund.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
 * never creates a session. The scraper's own account reads nothing but {@code /actuator} ({@link
 * MonitoringOnlyGate}).
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

  /**
   * {@link MonitoringOnlyGate} on the app's pages, {@code /api} and the webapps: right after Spring
   * Security (which tells who calls) and the webapps' container authentication, before the webapps'
   * own filters.
   */
  @Bean
  FilterRegistrationBean<MonitoringOnlyGate> monitoringOnlyGate(IdentityService identity) {
    FilterRegistrationBean<MonitoringOnlyGate> registration =
        new FilterRegistrationBean<>(new MonitoringOnlyGate(identity));
    registration.setName("womenfund-monitoring-only-gate");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /**
   * {@link MonitoringOnlyGate} on the engine's REST API: after its HTTP Basic filter (order 101,
   * {@link RestApiSecurity}), which tells who calls.
   */
  @Bean
  FilterRegistrationBean<MonitoringOnlyGate> engineRestMonitoringOnlyGate(
      IdentityService identity) {
    FilterRegistrationBean<MonitoringOnlyGate> registration =
        new FilterRegistrationBean<>(new MonitoringOnlyGate(identity));
    registration.setName("womenfund-engine-rest-monitoring-only-gate");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(103);
    return registration;
  }
}
