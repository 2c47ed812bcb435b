package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminAccountTest {

  static AccountSettings settings(String adminPassword) {
    return new AccountSettings(
        new AccountSettings.Admin("admin", adminPassword), new AccountSettings.Demo(""));
  }

  @Test
  void outsideTheDemoProfileTheAppRefusesToStartWithoutAnAdminPassword() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("postgres", "prod");
    assertThatThrownBy(() -> new AdminAccount(settings(""), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WOMENFUND_ADMIN_PASSWORD")
        .hasMessageContaining("รหัสผ่านผู้ดูแลระบบ");
    assertThatThrownBy(() -> new AdminAccount(settings(null), prod))
        .isInstanceOf(IllegalStateException.class);
    assertThat(new AdminAccount(settings("s3cret-from-env"), prod).isDemo()).isFalse();
  }

  @Test
  void theDemoProfileMayGenerateThePassword() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThat(new AdminAccount(settings(""), demo).isDemo()).isTrue();
  }

  @Test
  void generatedPasswordsAreLongAndDifferent() {
    String a = AdminAccount.generatePassword();
    String b = AdminAccount.generatePassword();
    assertThat(a).hasSize(16).isNotEqualTo(b).matches("[A-Za-z0-9]+");
  }
}
