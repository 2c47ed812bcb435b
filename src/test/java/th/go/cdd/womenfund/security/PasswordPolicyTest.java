package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The fund's password rule, and that with the directory (ldap) no one-time rule applies. */
class PasswordPolicyTest {

  final PasswordPolicy policy = new PasswordPolicy(null);

  @Test
  void aGoodPasswordPassesAndEachWeaknessIsNamedInThai() {
    assertThat(policy.minLength()).isEqualTo(10);
    assertThat(policy.problems("officer6501", "Temp0rary123", "Trat2570ok", "Trat2570ok"))
        .isEmpty();
    assertThat(policy.problems("officer6501", "x", "abc1", "abc1"))
        .anySatisfy(p -> assertThat(p).contains("อย่างน้อย 10 ตัวอักษร"));
    assertThat(policy.problems("officer6501", "x", "abcdefghijk", "abcdefghijk"))
        .anySatisfy(p -> assertThat(p).contains("ตัวเลข"));
    assertThat(policy.problems("officer6501", "x", "12345678901", "12345678901"))
        .anySatisfy(p -> assertThat(p).contains("ตัวอักษรภาษาอังกฤษ"));
    assertThat(policy.problems("officer6501", "x", "OFFICER6501x", "OFFICER6501x"))
        .anySatisfy(p -> assertThat(p).contains("ชื่อผู้ใช้"));
    assertThat(policy.problems("officer6501", "Trat2570ok", "Trat2570ok", "Trat2570ok"))
        .anySatisfy(p -> assertThat(p).contains("ไม่ซ้ำกับรหัสผ่านเดิม"));
    assertThat(policy.problems("officer6501", "x", "Trat2570ok", "Trat2570oK"))
        .anySatisfy(p -> assertThat(p).contains("ไม่ตรงกัน"));
    assertThat(policy.problems("officer6501", "x", " Trat2570ok", " Trat2570ok"))
        .anySatisfy(p -> assertThat(p).contains("ช่องว่าง"));
    assertThat(policy.problems("officer6501", "x", "", ""))
        .containsExactly("กรุณากรอกรหัสผ่านใหม่");
    assertThat(new PasswordPolicy(4).minLength()).isEqualTo(10);
    assertThat(new PasswordPolicy(12).thai()).contains("อย่างน้อย 12 ตัวอักษร");
  }

  @Test
  void withTheDirectoryPasswordsAreTheDirectorysAndNothingIsHeldBack() {
    MockEnvironment ldap = new MockEnvironment();
    ldap.setActiveProfiles(LdapDirectory.PROFILE);
    OneTimePasswords oneTime = new OneTimePasswords(null, ldap);
    assertThat(oneTime.applies()).isFalse();
    assertThat(oneTime.mustChange("officer6501")).isFalse();
    // marking is a no-op too (no table is touched: the JdbcClient is null here)
    oneTime.require("officer6501", OneTimePasswords.Reason.RESET);
  }
}
