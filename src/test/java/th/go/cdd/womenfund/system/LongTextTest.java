package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long list splits at line ends into parts that fit the engine's 4000-character string column.
 */
class LongTextTest {

  @Test
  void aShortTextIsOnePartAsItIs() {
    assertThat(LongText.parts("- ลำดับที่ 1\n- ลำดับที่ 2"))
        .containsExactly("- ลำดับที่ 1\n- ลำดับที่ 2\n");
  }

  @Test
  void aListOfHundredsOfDebtorsSplitsAtLineEndsAndLosesNoLine() {
    StringBuilder text = new StringBuilder("**ลูกหนี้ที่เข้าเกณฑ์ 120 ราย**\n\n");
    for (int i = 1; i <= 120; i++) {
      text.append("- ลำดับที่ ")
          .append(i)
          .append(": นางสมศรี ใจดี (X-XXXX-XXXX1-81-1) สัญญา LA-2305-2569-0")
          .append(i)
          .append(" ยอดหนี้ 12,345.67 บาท ค้างชำระ 95 วัน\n");
    }
    List<String> parts = LongText.parts(text.toString());
    assertThat(parts).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(LongText.MAX_PARTS);
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LongText.PART));
    assertThat(String.join("", parts))
        .contains("- ลำดับที่ 1:", "- ลำดับที่ 57:", "- ลำดับที่ 120:");
    assertThat(parts.get(1)).startsWith("- ลำดับที่ ");
    assertThat(LongText.name("candidateSummary", 0)).isEqualTo("candidateSummary");
    assertThat(LongText.name("candidateSummary", 1)).isEqualTo("candidateSummary2");
  }

  @Test
  void beyondWhatTheFormShowsTheLastPartSaysHowMuchIsLeft() {
    String text = ("x".repeat(100) + "\n").repeat(1000); // about 101,000 characters
    List<String> parts = LongText.parts(text);
    assertThat(parts).hasSize(LongText.MAX_PARTS);
    assertThat(parts.get(LongText.MAX_PARTS - 1)).startsWith("… และอีก ").contains("บรรทัด");
  }
}
