package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.system.ThaiValidationException;

class LoanApplicationParserTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private LoanApplicationParser parser;

  @BeforeEach
  void setUp() {
    AreaRepository areas = mock(AreaRepository.class);
    when(areas.subDistrict(anyString())).thenReturn(Optional.empty());
    when(areas.subDistrict("230507"))
        .thenReturn(
            Optional.of(new SubDistrict("230507", "2305", "คลองใหญ่", "Khlong Yai", "23120")));
    parser = new LoanApplicationParser(areas);
  }

  static String id(int n) {
    String first12 = String.format("3%011d", 23050000000L + n * 13L);
    return first12 + NationalId.checkDigit(first12);
  }

  static String borrowers(int count, String amountEach) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(id(i))
          .append(", นางผู้กู้ ที่")
          .append(i)
          .append(", 01/01/2520, 01/01/2560, ")
          .append(amountEach)
          .append('\n');
    }
    return s.toString();
  }

  static String acks(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(id(i)).append(", คู่สมรส, นายสามี ที่").append(i).append(", 20/11/2569\n");
    }
    return s.toString();
  }

  static LoanApplicationInput input(String amount, String borrowers, String acks) {
    return new LoanApplicationInput(
        "กลุ่มสตรีบ้านคลองใหญ่",
        "230507",
        "นางประสาน งานดี",
        "contact@example.org",
        "081-234-5678",
        "ทำผ้ามัดย้อม",
        "HANDICRAFT",
        amount,
        "24",
        "MONTHLY",
        borrowers,
        acks,
        true,
        null);
  }

  @Test
  void parsesAValidApplication() {
    LoanApplication app = parser.parse(input("150,000.00", borrowers(5, "30,000"), acks(5)), TODAY);
    assertThat(app.borrowers()).hasSize(5);
    assertThat(app.requestedAmount()).isEqualByComparingTo("150000.00");
    assertThat(app.borrowers().get(0).amount()).isEqualByComparingTo("30000.00");
    assertThat(app.borrowers().get(0).acknowledgement().relation())
        .isEqualTo(FamilyRelation.SPOUSE);
    assertThat(app.subDistrict().districtCode()).isEqualTo("2305");
    EligibilityFacts f = app.facts(TODAY);
    assertThat(f.groupSize()).isEqualTo(5);
    assertThat(f.maxBorrowerAmount()).isEqualByComparingTo(new BigDecimal("30000"));
    assertThat(f.youngestAge()).isEqualTo(49);
  }

  @Test
  void reportsEveryProblemInThaiAtOnce() {
    String badBorrowers =
        borrowers(4, "30000") + "1234567890123, นางผิด เลข, 01/01/2520, 01/01/2560, 30000\n";
    LoanApplicationInput in =
        new LoanApplicationInput(
            "",
            "999999",
            "",
            "not-an-email",
            "abc",
            "",
            "MINING",
            "-5",
            "0",
            "WEEKLY",
            badBorrowers,
            acks(4),
            null,
            null);
    assertThatThrownBy(() -> parser.parse(in, TODAY))
        .isInstanceOfSatisfying(
            ThaiValidationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("กรุณากรอกชื่อกลุ่ม"))
                    .anyMatch(p -> p.contains("ไม่พบตำบลรหัส 999999"))
                    .anyMatch(p -> p.contains("อีเมล"))
                    .anyMatch(p -> p.contains("ต้องไม่ติดลบ"))
                    .anyMatch(p -> p.contains("ผู้กู้บรรทัดที่ 5") && p.contains("หลักตรวจสอบ"))
                    .anyMatch(p -> p.contains("สตรีสัญชาติไทย"))
                    // a bad borrower line is left out of the sum: do not also claim the amounts
                    // don't add up
                    .noneMatch(p -> p.contains("ไม่เท่ากับวงเงินขอกู้")));
  }

  @Test
  void aBorrowerWithoutFamilyAcknowledgementIsRefused() {
    assertThatThrownBy(() -> parser.parse(input("150000", borrowers(5, "30000"), acks(4)), TODAY))
        .hasMessageContaining("ผู้กู้บรรทัดที่ 5")
        .hasMessageContaining("ยังไม่มีการรับทราบ");
    assertThatThrownBy(() -> parser.parse(input("150000", borrowers(5, "30000"), ""), TODAY))
        .hasMessageContaining("ยังไม่มีการรับทราบ");
  }

  @Test
  void borrowerAmountsMustAddUpToTheProjectAmount() {
    assertThatThrownBy(
            () -> parser.parse(input("150000.01", borrowers(5, "30000"), acks(5)), TODAY))
        .hasMessageContaining("ไม่เท่ากับวงเงินขอกู้");
  }

  @Test
  void duplicateBorrowersAndStrangersInAcknowledgementsAreRefused() {
    String dup = borrowers(5, "30000") + borrowers(1, "30000");
    assertThatThrownBy(() -> parser.parse(input("180000", dup, acks(5)), TODAY))
        .hasMessageContaining("ซ้ำกับบรรทัดที่ 1");
    assertThatThrownBy(() -> parser.parse(input("150000", borrowers(5, "30000"), acks(6)), TODAY))
        .hasMessageContaining("ไม่อยู่ในรายชื่อผู้กู้");
  }

  @Test
  void termMustDivideIntoWholeInstallmentsAndMarkupIsRefused() {
    LoanApplicationInput in =
        new LoanApplicationInput(
            "<script>alert(1)</script>",
            "230507",
            "ก",
            "a@b.co",
            null,
            "x",
            "TRADE",
            "150000",
            "10",
            "QUARTERLY",
            borrowers(5, "30000"),
            acks(5),
            true,
            null);
    assertThatThrownBy(() -> parser.parse(in, TODAY))
        .hasMessageContaining("ไม่ลงตัว")
        .hasMessageContaining("อักขระที่ไม่อนุญาต");
  }

  @Test
  void hugeInputIsRefusedWithoutEcho() {
    String huge = "x".repeat(1_000_000);
    assertThatThrownBy(() -> parser.parse(input(huge, borrowers(5, "30000"), acks(5)), TODAY))
        .hasMessageContaining("ไม่ใช่จำนวนเงิน")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(500));
  }

  @Test
  void tabSeparatedLinesFromASpreadsheetAreAccepted() {
    String tsv = borrowers(5, "30000").replace(", ", "\t");
    assertThat(parser.parse(input("150000", tsv, acks(5)), TODAY).borrowers()).hasSize(5);
  }
}
