package th.go.cdd.womenfund.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link PasswordChangeGate} on the engine's REST API: right after its HTTP Basic filter (order
 * 101, {@link RestApiSecurity}), which tells who calls. The app's pages, {@code /api} and the
 * webapps get the gate inside their Spring Security chains ({@link WebSecurity}).
 */
@Configuration
public class PasswordChangeGateRegistration {

  @Bean
  FilterRegistrationBean<PasswordChangeGate> engineRestPasswordChangeGate(
      OneTimePasswords oneTime, IdentityService identity) {
    FilterRegistrationBean<PasswordChangeGate> registration =
        new FilterRegistrationBean<>(new PasswordChangeGate(oneTime, identity));
    registration.setName("womenfund-password-change-gate");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(102);
    return registration;
  }
}
