package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThaiFormatsTest {

  @Test
  void datesAreInTheBuddhistEra() {
    LocalDate d = LocalDate.of(2021, 8, 13);
    assertThat(ThaiDates.format(d)).isEqualTo("13 สิงหาคม 2564");
    assertThat(ThaiDates.formatShort(d)).isEqualTo("13 ส.ค. 2564");
    assertThat(ThaiDates.formatNumeric(d)).isEqualTo("13/08/2564");
    assertThat(ThaiDates.parseBuddhist("13/08/2564", "วันที่")).isEqualTo(d);
    assertThat(ThaiDates.parseBuddhist("29/02/2567", "วันที่"))
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void refusesChristianYearsImpossibleDaysAndThaiDigits() {
    assertThatThrownBy(() -> ThaiDates.parseBuddhist("13/08/2021", "วันที่ทำสัญญา"))
        .hasMessageContaining("พุทธศักราช")
        .hasMessageContaining("2564");
    assertThatThrownBy(() -> ThaiDates.parseBuddhist("29/02/2566", "วันที่"))
        .hasMessageContaining("ไม่มีวันที่นี้");
    assertThatThrownBy(() -> ThaiDates.parseBuddhist("๑๓/๐๘/๒๕๖๔", "วันที่"))
        .hasMessageContaining("ตัวเลขอารบิก");
    assertThatThrownBy(() -> ThaiDates.parseBuddhist("2564-08-13", "วันที่"))
        .hasMessageContaining("วว/ดด/ปปปป");
  }

  @Test
  void moneyIsExactToTheSatang() {
    assertThat(ThaiMoney.format(new BigDecimal("1605730.42"))).isEqualTo("1,605,730.42 บาท");
    assertThat(ThaiMoney.parse("1,605,730.42", "ยอด")).isEqualTo(new BigDecimal("1605730.42"));
    assertThat(ThaiMoney.parse("150000", "ยอด")).isEqualTo(new BigDecimal("150000.00"));
    assertThat(ThaiMoney.parse("0.1", "ยอด").scale()).isEqualTo(2);
  }

  @Test
  void refusesNegativeNonNumericOverflowAndThirdDecimal() {
    assertThatThrownBy(() -> ThaiMoney.parse("-100", "วงเงินขอกู้"))
        .hasMessageContaining("ต้องไม่ติดลบ");
    assertThatThrownBy(() -> ThaiMoney.parse("หนึ่งแสน", "วงเงินขอกู้"))
        .hasMessageContaining("ไม่ใช่จำนวนเงิน");
    assertThatThrownBy(() -> ThaiMoney.parse("1e5", "วงเงินขอกู้"))
        .hasMessageContaining("ไม่ใช่จำนวนเงิน");
    assertThatThrownBy(() -> ThaiMoney.parse("10000000000000", "วงเงินขอกู้"))
        .hasMessageContaining("ไม่ใช่จำนวนเงิน");
    assertThatThrownBy(() -> ThaiMoney.parse("100.001", "วงเงินขอกู้"))
        .hasMessageContaining("ทศนิยมไม่เกิน 2");
    assertThatThrownBy(() -> ThaiMoney.parse("", "วงเงินขอกู้"))
        .hasMessageContaining("กรุณากรอกวงเงินขอกู้");
  }
}
