package th.go.cdd.womenfund.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account a metrics scraper (Prometheus) signs in with, HTTP Basic: created at start-up in
 * group {@link Roles#MONITORING} only when a password is set ({@code
 * WOMENFUND_MONITORING_PASSWORD}); there is no default password. Administrators may scrape too, and
 * may put any account in that group in Camunda Admin.
 */
@ConfigurationProperties("womenfund.monitoring")
public record MonitoringSettings(String user, String password) {

  public MonitoringSettings {
    user = user == null || user.isBlank() ? "metrics" : user.strip();
  }

  public boolean hasPassword() {
    return password != null && !password.isBlank();
  }
}
