package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API ({@code /engine-rest}) is open to anyone by default: this puts the engine's own
 * authentication filter (HTTP Basic against the identity service) in front of it, so every call runs
 * as a known user and Camunda's authorizations apply. The app's own {@code /api} endpoints sit behind
 * the same filter and read the user and her groups from {@code IdentityService.getCurrentAuthentication()}.
 */
@Configuration
public class RestApiSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    // the app's own REST API (repayments, portfolio quality) authenticates the same way
    registration.addUrlPatterns("/api/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(101);
    return registration;
  }
}
