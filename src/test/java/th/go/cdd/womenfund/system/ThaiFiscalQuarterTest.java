package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThaiFiscalQuarterTest {

  @Test
  void octoberOpensTheFirstQuarterOfTheNextFiscalYear() {
    assertThat(ThaiFiscalQuarter.of(LocalDate.of(2025, 10, 1)).code()).isEqualTo("2569-1");
    assertThat(ThaiFiscalQuarter.of(LocalDate.of(2025, 12, 31)).code()).isEqualTo("2569-1");
    assertThat(ThaiFiscalQuarter.of(LocalDate.of(2026, 1, 1)).code()).isEqualTo("2569-2");
    assertThat(ThaiFiscalQuarter.of(LocalDate.of(2026, 6, 30)).code()).isEqualTo("2569-3");
    assertThat(ThaiFiscalQuarter.of(LocalDate.of(2026, 9, 30)).code()).isEqualTo("2569-4");
    ThaiFiscalQuarter q = ThaiFiscalQuarter.parse(" 2569-2 ", "ไตรมาส");
    assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(q.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(q.label()).isEqualTo("ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2569 (ม.ค. 2569 – มี.ค. 2569)");
    assertThat(ThaiFiscalQuarter.of(new ThaiFiscalYear(2569)).get(0).label())
        .isEqualTo("ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2569 (ต.ค. 2568 – ธ.ค. 2568)");
  }

  @Test
  void aBadQuarterIsRefusedInThai() {
    assertThatThrownBy(() -> ThaiFiscalQuarter.parse("2569-5", "ไตรมาส"))
        .hasMessageContaining("2569-1");
    assertThatThrownBy(() -> ThaiFiscalQuarter.parse("2026-1", "ไตรมาส"))
        .hasMessageContaining("พุทธศักราช");
    assertThatThrownBy(() -> ThaiFiscalQuarter.parse(null, "ไตรมาส"))
        .hasMessageContaining("ไตรมาส");
  }
}
