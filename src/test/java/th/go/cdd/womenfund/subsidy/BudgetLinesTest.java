package th.go.cdd.womenfund.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Budget lines typed one per line, "รายการ, จำนวนเงิน": exact amounts, every bad line named in
 * Thai.
 */
class BudgetLinesTest {

  @Test
  void linesAreParsedExactlyAndTotalledToTheSatang() {
    List<BudgetLines.Line> lines =
        BudgetLines.parse("ค่าวัสดุอุปกรณ์, 15,000.50\n\n  ค่าวิทยากร ,3600\r\nค่าอาหาร, 0.10\n");
    assertThat(lines)
        .containsExactly(
            new BudgetLines.Line("ค่าวัสดุอุปกรณ์", new BigDecimal("15000.50")),
            new BudgetLines.Line("ค่าวิทยากร", new BigDecimal("3600.00")),
            new BudgetLines.Line("ค่าอาหาร", new BigDecimal("0.10")));
    assertThat(BudgetLines.total(lines)).isEqualByComparingTo("18600.60");
    assertThat(BudgetLines.total(lines).scale()).isEqualTo(2);
  }

  @Test
  void everyBadLineIsNamedByItsNumberAllAtOnce() {
    String typed = "ค่าวัสดุ 15000\nค่าวิทยากร, 3600.555\n, 100\nค่าเดินทาง, -5\nค่าเช่า, 0";
    assertThatThrownBy(() -> BudgetLines.parse(typed))
        .isInstanceOf(ThaiValidationException.class)
        .satisfies(e -> assertThat(((ThaiValidationException) e).problems()).hasSize(5))
        .hasMessageContaining("บรรทัดที่ 1")
        .hasMessageContaining("รายการ, จำนวนเงิน")
        .hasMessageContaining("บรรทัดที่ 2 (จำนวนเงิน)")
        .hasMessageContaining("ทศนิยมไม่เกิน 2 ตำแหน่ง")
        .hasMessageContaining("บรรทัดที่ 3: กรุณาระบุชื่อรายการ")
        .hasMessageContaining("ต้องไม่ติดลบ")
        .hasMessageContaining("บรรทัดที่ 5: จำนวนเงินต้องมากกว่า 0 บาท");
  }

  @Test
  void nothingTypedAndTooManyLinesAreRefused() {
    assertThatThrownBy(() -> BudgetLines.parse("  \n "))
        .hasMessageContaining("กรุณากรอกรายการงบประมาณ");
    String many = "รายการ, 1\n".repeat(BudgetLines.MAX_LINES + 1);
    assertThatThrownBy(() -> BudgetLines.parse(many)).hasMessageContaining("เกิน 50 รายการ");
  }
}
