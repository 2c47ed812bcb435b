package th.go.cdd.womenfund.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.system.CamundaLinks;
import th.go.cdd.womenfund.system.DashboardSection.Part;
import th.go.cdd.womenfund.system.DashboardSection.Scope;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The subsidy projects' dashboard section from the repository's figures alone: rows per district
 * and the total.
 */
class SubsidyProjectsDashboardSectionTest {

  final SubsidyProjectRepository repo = mock(SubsidyProjectRepository.class);
  final SubsidyProjectsDashboardSection section =
      new SubsidyProjectsDashboardSection(repo, mock(CamundaLinks.class));
  final Scope scope =
      new Scope("23", districts(), new ThaiFiscalYear(2570), LocalDate.of(2026, 12, 1));

  static Map<String, String> districts() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("2301", "เมืองตราด");
    d.put("2302", "คลองใหญ่");
    return d;
  }

  @Test
  void perDistrictCountsAndExactBahtWithTheProvincesTotal() {
    when(repo.figures("23", 2570))
        .thenReturn(
            List.of(
                new SubsidyProjectRepository.DistrictFigures(
                    "2301", 3, 2, new BigDecimal("45000.50"), new BigDecimal("30000.25")),
                new SubsidyProjectRepository.DistrictFigures(
                    "2302", 1, 1, new BigDecimal("10000.00"), new BigDecimal("0.00"))));
    Part<SubsidyProjectsDashboardSection.Figures> part = section.build(scope);
    assertThat(part.table().rows()).hasSize(2);
    assertThat(part.table().rows().get(0).cells())
        .containsExactly("เมืองตราด", 3, 2, new BigDecimal("45000.50"), new BigDecimal("30000.25"));
    assertThat(part.figures().approvedAmount()).isEqualByComparingTo("55000.50");
    assertThat(part.figures().text())
        .isEqualTo(
            "โครงการที่เสนอ 4 โครงการ อนุมัติ 3 โครงการ 55,000.50 บาท โอนแล้ว 30,000.25 บาท");
  }

  @Test
  void noProjectsNoTableButFigures() {
    when(repo.figures("23", 2570)).thenReturn(List.of());
    Part<SubsidyProjectsDashboardSection.Figures> part = section.build(scope);
    assertThat(part.table()).isNull();
    assertThat(part.figures().projects()).isZero();
  }
}
