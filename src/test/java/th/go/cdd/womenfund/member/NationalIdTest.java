package th.go.cdd.womenfund.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.go.cdd.womenfund.system.ThaiValidationException;

class NationalIdTest {

  @Test
  void computesTheCheckDigitByTheOfficialRule() {
    // 1-1037-02071-81-? : digits x weights 13..2 = 13+12+0+30+63+0+14+0+35+4+24+2 = 197;
    // 197 mod 11 = 10 -> (11 - 10) mod 10 = 1
    assertThat(NationalId.checkDigit("110370207181")).isEqualTo(1);
    assertThat(NationalId.isValid("1103702071811")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"110370207181", "323010000000", "560990012345"})
  void refusesAWrongCheckDigitInThai(String first12) {
    String wrong = first12 + (NationalId.checkDigit(first12) + 1) % 10;
    assertThat(NationalId.problemWith(wrong)).contains("หลักตรวจสอบ");
    assertThatThrownBy(() -> new NationalId(wrong))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("ไม่ถูกต้อง");
  }

  @Test
  void refusesWrongLengthLettersThaiDigitsAndLeadingZero() {
    assertThat(NationalId.problemWith("12345")).contains("13 หลัก");
    assertThat(NationalId.problemWith("11037020718a1")).contains("13 หลัก");
    assertThat(NationalId.problemWith("๑๑๐๓๗๐๒๐๗๑๘๑๑")).contains("ตัวเลขอารบิก");
    String zero = "010370207181";
    assertThat(NationalId.problemWith(zero + NationalId.checkDigit(zero))).contains("หลักแรก");
    assertThat(NationalId.problemWith("")).contains("กรุณากรอก");
  }

  @Test
  void acceptsUsualSeparators() {
    assertThat(NationalId.parse(" 1-1037-02071-81-1 ").value()).isEqualTo("1103702071811");
  }

  @Test
  void masksAllButTheLastFourDigits() {
    NationalId id = new NationalId("1103702071811");
    assertThat(id.masked()).isEqualTo("X-XXXX-XXXX1-81-1");
    assertThat(id.toString()).doesNotContain("10370207");
  }

  @Test
  void everyGeneratedNumberWithItsCheckDigitIsValid() {
    for (long n = 100_000_000_000L; n < 100_000_000_000L + 5000; n += 7) {
      String first12 = Long.toString(n);
      assertThat(NationalId.isValid(first12 + NationalId.checkDigit(first12))).isTrue();
      assertThat(NationalId.isValid(first12 + (NationalId.checkDigit(first12) + 1) % 10)).isFalse();
    }
  }

  @Test
  void masksEveryThirteenDigitNumberInFreeText() {
    assertThat(
            NationalId.maskAll(
                "1. นางสาวทดสอบ 1103702071811 20000\n2. นางทดลอง 3-1007-00234-56-1 15000"))
        .isEqualTo("1. นางสาวทดสอบ X-XXXX-XXXX1-81-1 20000\n2. นางทดลอง X-XXXX-XXXX4-56-1 15000");
    assertThat(NationalId.maskAll("โทร 0812345678 บัญชี 12345678901234 ยอด 1,605,730.42"))
        .as("10 and 14 digits are not national IDs")
        .isEqualTo("โทร 0812345678 บัญชี 12345678901234 ยอด 1,605,730.42");
    assertThat(NationalId.maskAll(null)).isNull();
    assertThat(NationalId.maskAll("สั้น")).isEqualTo("สั้น");
  }
}
