package th.go.cdd.womenfund.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/** Administrative budget per district and year, disbursements against it, percentage disbursed. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
// each test rolls back: its budgets and disbursements never reach the shared database (a second run
// would
// otherwise count the disbursements twice)
@Transactional
class AdminBudgetServiceTest {

  static final Actor PROVINCE = new Actor("provofficer23", List.of(Roles.provinceOfficers("23")));
  static final LocalDate TODAY = LocalDate.of(2024, 8, 13); // fiscal year 2567

  @Autowired AdminBudgetService service;

  @Test
  void disbursementsAgainstTheBudgetGiveThePercentageDisbursedPerDistrictAndInAll() {
    service.setBudget("2305", "2567", "40,000", PROVINCE);
    service.setBudget("2304", "2567", "30000.00", PROVINCE);
    service.recordDisbursement(
        "2305",
        "2567",
        "15/11/2566",
        "12,500.50",
        "ค่าประชุมคณะอนุกรรมการฯ อำเภอ",
        PROVINCE,
        TODAY);
    service.recordDisbursement(
        "2305", "2567", "13/08/2567", "7,499.50", "ค่าเดินทางติดตามกลุ่ม", PROVINCE, TODAY);
    AdminBudgetService.Summary s = service.summary("23", new ThaiFiscalYear(2567));
    AdminBudgetService.DistrictBudget laemNgop =
        s.districts().stream()
            .filter(d -> d.districtCode().equals("2305"))
            .findFirst()
            .orElseThrow();
    assertThat(laemNgop.disbursed()).isEqualByComparingTo("20000.00");
    assertThat(laemNgop.percentDisbursed()).isEqualByComparingTo("50.0");
    assertThat(s.districts()).hasSize(7);
    assertThat(s.budget()).isEqualByComparingTo("70000.00");
    assertThat(s.percentDisbursed()).isEqualByComparingTo("28.6");
    assertThat(
            s.districts().stream()
                .filter(d -> d.districtCode().equals("2306"))
                .findFirst()
                .orElseThrow()
                .percentDisbursed())
        .isNull();
  }

  @Test
  void overspendingAndBadInputAreRefusedInThaiAllAtOnce() {
    service.setBudget("2307", "2567", "10000", PROVINCE);
    service.recordDisbursement("2307", "2567", "01/12/2566", "9000", "ค่าวัสดุ", PROVINCE, TODAY);
    assertThatThrownBy(
            () ->
                service.recordDisbursement(
                    "2307", "2567", "02/12/2566", "1000.01", "ค่าวัสดุ", PROVINCE, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("เบิกจ่ายเกินงบประมาณ: คงเหลือ 1,000.00 บาท");
    assertThatThrownBy(
            () ->
                service.recordDisbursement("2307", "2567", "01/12/2567", "-5", "", PROVINCE, TODAY))
        .hasMessageContaining("ต้องไม่ติดลบ")
        .hasMessageContaining("รายการ")
        .hasMessageContaining("อนาคต")
        .hasMessageContaining("ไม่อยู่ในปีงบประมาณ พ.ศ. 2567");
    assertThatThrownBy(
            () ->
                service.recordDisbursement(
                    "2306", "2599", "01/12/2566", "100", "ค่าวัสดุ", PROVINCE, TODAY))
        .hasMessageContaining("ยังไม่มีงบบริหาร");
    assertThatThrownBy(() -> service.setBudget("2307", "2567", "5000", PROVINCE))
        .hasMessageContaining("ไม่น้อยกว่าที่เบิกจ่ายไปแล้ว");
    Actor district = new Actor("officer2307", List.of(Roles.districtOfficers("2307")));
    assertThatThrownBy(() -> service.setBudget("2307", "2567", "50000", district))
        .hasMessageContaining("เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัด");
  }
}
