package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThaiFiscalYearTest {

  @Test
  void octoberStartsTheNextBuddhistFiscalYear() {
    assertThat(ThaiFiscalYear.of(LocalDate.of(2020, 9, 30)).buddhistYear()).isEqualTo(2563);
    assertThat(ThaiFiscalYear.of(LocalDate.of(2020, 10, 1)).buddhistYear()).isEqualTo(2564);
    assertThat(ThaiFiscalYear.of(LocalDate.of(2021, 8, 13)).buddhistYear()).isEqualTo(2564);
    assertThat(ThaiFiscalYear.of(LocalDate.of(2021, 9, 30)).buddhistYear()).isEqualTo(2564);
    ThaiFiscalYear fy = new ThaiFiscalYear(2564);
    assertThat(fy.firstDay()).isEqualTo(LocalDate.of(2020, 10, 1));
    assertThat(fy.lastDay()).isEqualTo(LocalDate.of(2021, 9, 30));
    assertThat(fy.label()).isEqualTo("ปีงบประมาณ พ.ศ. 2564");
    assertThat(fy.contains(LocalDate.of(2021, 10, 1))).isFalse();
  }

  @Test
  void aChristianYearOrWordsAreRefusedInThai() {
    assertThat(ThaiFiscalYear.parse(" 2564 ", "ปีงบประมาณ").buddhistYear()).isEqualTo(2564);
    assertThatThrownBy(() -> ThaiFiscalYear.parse("2021", "ปีงบประมาณ"))
        .hasMessageContaining("พุทธศักราช")
        .hasMessageContaining("2564");
    assertThatThrownBy(() -> ThaiFiscalYear.parse("สองพัน", "ปีงบประมาณ"))
        .hasMessageContaining("ปีงบประมาณ");
  }
}
