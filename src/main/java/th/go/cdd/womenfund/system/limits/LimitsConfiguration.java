package th.go.cdd.womenfund.system.limits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the body limit in front of everything else (before Spring Security, the webapps and the REST
 * API).
 */
@Configuration
public class LimitsConfiguration {

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(RequestLimits limits) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(limits));
    registration.setName("womenfund-body-size-limit");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
