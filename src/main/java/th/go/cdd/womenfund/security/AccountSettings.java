package th.go.cdd.womenfund.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The admin account and the demo users' shared password, from the environment. */
@ConfigurationProperties("womenfund")
public record AccountSettings(Admin admin, Demo demo) {

  public AccountSettings {
    admin = admin == null ? new Admin("admin", "") : admin;
    demo = demo == null ? new Demo("") : demo;
  }

  public record Admin(String user, String password) {
    public boolean hasPassword() {
      return password != null && !password.isBlank();
    }
  }

  public record Demo(String password) {
    public boolean hasPassword() {
      return password != null && !password.isBlank();
    }
  }
}
