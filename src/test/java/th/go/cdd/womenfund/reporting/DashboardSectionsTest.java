package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.overdue.OverdueSettings;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Each section of the dashboard and briefing appears once its data exists (Nan, 55: no data in
 * other tests).
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
// rolls back: province 55 stays without data for the next run on the same PostgreSQL (the test
// starts by
// asserting it is empty)
@Transactional
class DashboardSectionsTest {

  static final LocalDate TODAY = LocalDate.of(2025, 3, 1); // fiscal year 2568

  @Autowired DashboardService dashboards;
  @Autowired BriefingService briefings;
  @Autowired AdminBudgetService budgets;
  @Autowired OverdueSettings overdue;

  @Test
  void aProvinceWithoutDataHasNoSectionsAndTheBriefingSaysSoThenTheBudgetAppears() {
    DashboardService.Dashboard empty = dashboards.dashboard("55", new ThaiFiscalYear(2568), TODAY);
    assertThat(empty.tables()).isEmpty();
    BriefingService.Briefing b = briefings.briefing("55", TODAY, TODAY);
    assertThat(b.items())
        .extracting(BriefingService.Item::number)
        .containsExactly("1", "2", "3", "4", "4.1", "4.3", "4.4", "5", "เรื่องสืบเนื่อง");
    assertThat(b.items().get(0).paragraphs())
        .anyMatch(p -> p.contains("ลดหนี้ค้างชำระให้เหลือร้อยละ " + overdue.targetText()))
        .anyMatch(p -> p.contains("ยังไม่มีหนี้เงินกู้คงค้าง"));
    assertThat(b.items().get(2).paragraphs()).anyMatch(p -> p.contains("ยังไม่ได้รับเป้าหมาย"));

    Actor nan = new Actor("provofficer55", List.of(Roles.provinceOfficers("55")));
    budgets.setBudget("5501", "2568", "20000", nan);
    budgets.recordDisbursement("5501", "2568", "15/01/2568", "5000", "ค่าประชุม", nan, TODAY);
    DashboardService.Dashboard withBudget =
        dashboards.dashboard("55", new ThaiFiscalYear(2568), TODAY);
    assertThat(withBudget.tables()).extracting(Table::id).containsExactly("budget");
    assertThat(withBudget.figures().budgetPct()).isEqualByComparingTo("25.0");
    assertThat(withBudget.charts()).containsKey("budget").doesNotContainKey("overdue");
    assertThat(briefings.briefing("55", TODAY, TODAY).items().get(7).paragraphs().get(0))
        .isEqualTo(
            "อำเภอเบิกจ่ายงบบริหารแล้ว 5,000.00 บาท จากงบประมาณ 20,000.00 บาท คิดเป็นร้อยละ 25.0");
  }
}
