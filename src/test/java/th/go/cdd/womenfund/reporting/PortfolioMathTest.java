package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import th.go.cdd.womenfund.reporting.AreaQuality.BucketFigure;
import th.go.cdd.womenfund.security.Actor;

/** Buckets, the ratio's rounding, roll-ups and who may see which area. */
class PortfolioMathTest {

  @ParameterizedTest(name = "{0} days -> {1}")
  @CsvSource({
    "0,",
    "1, DAYS_1_30",
    "30, DAYS_1_30",
    "31, DAYS_31_60",
    "60, DAYS_31_60",
    "61, DAYS_61_90",
    "90, DAYS_61_90",
    "91, OVER_90",
    "4000, OVER_90"
  })
  void bucketBoundaries(int days, Bucket expected) {
    assertThat(Bucket.of(days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1} = {2}%")
  @CsvSource({
    "3600.00, 8600.00, 41.86",
    "1.00, 3.00, 33.33",
    "2.00, 3.00, 66.67",
    "5.00, 100.00, 5.00",
    "0.00, 100.00, 0.00",
    "0.00, 0.00, 0.00",
    "1.00, 200000.00, 0.00",
    "1.00, 199.99, 0.50"
  })
  void ratioIsHalfUpToAHundredthOfAPercent(String overdue, String outstanding, String pct) {
    assertThat(AreaQuality.ratio(new BigDecimal(overdue), new BigDecimal(outstanding)))
        .isEqualByComparingTo(pct);
  }

  static AreaQuality district(
      String code,
      int loans,
      String outstanding,
      int overdueLoans,
      String overdue,
      int[] bucketLoans,
      String[] bucketAmounts) {
    List<BucketFigure> buckets = new java.util.ArrayList<>();
    for (Bucket b : Bucket.values()) {
      buckets.add(
          new BucketFigure(
              b,
              b.labelTh(),
              bucketLoans[b.ordinal()],
              new BigDecimal(bucketAmounts[b.ordinal()])));
    }
    return new AreaQuality(
        AreaQuality.DISTRICT,
        code,
        code,
        loans,
        new BigDecimal(outstanding),
        overdueLoans,
        new BigDecimal(overdue),
        buckets);
  }

  @Test
  void aProvinceIsTheSumOfItsDistrictsAndTheTargetIsStrictlyAbove() {
    AreaQuality a =
        district(
            "1001",
            4,
            "8600.00",
            3,
            "3600.00",
            new int[] {1, 1, 0, 1},
            new String[] {"1000.00", "1600.00", "0.00", "1000.00"});
    AreaQuality b =
        district(
            "1002",
            20,
            "100000.00",
            1,
            "5000.00",
            new int[] {0, 0, 1, 0},
            new String[] {"0.00", "0.00", "5000.00", "0.00"});
    AreaQuality p = AreaQuality.sum(AreaQuality.PROVINCE, "10", "กรุงเทพมหานคร", List.of(a, b));
    assertThat(p.loans()).isEqualTo(24);
    assertThat(p.overdueLoans()).isEqualTo(4);
    assertThat(p.outstanding()).isEqualByComparingTo("108600.00");
    assertThat(p.overdueAmount()).isEqualByComparingTo("8600.00");
    assertThat(p.ratioPct()).isEqualByComparingTo("7.92");
    assertThat(p.buckets()).extracting(BucketFigure::loans).containsExactly(1, 1, 1, 1);
    assertThat(p.buckets().get(2).overdueAmount()).isEqualByComparingTo("5000.00");
    BigDecimal five = new BigDecimal("5");
    assertThat(b.ratioPct()).isEqualByComparingTo("5.00");
    assertThat(b.aboveTarget(five)).isFalse();
    assertThat(a.aboveTarget(five)).isTrue();
  }

  @Test
  void whoSeesWhichArea() {
    Actor officer = new Actor("officer2305", List.of("district-2305-officers"));
    Actor supervisor = new Actor("supervisor23", List.of("province-23-supervisors"));
    Actor admin = new Actor("admin", List.of("camunda-admin"));
    assertThat(PortfolioApi.mayView(officer, AreaQuality.NATIONAL, "TH")).isTrue();
    assertThat(PortfolioApi.mayView(officer, AreaQuality.PROVINCE, "23")).isTrue();
    assertThat(PortfolioApi.mayView(officer, AreaQuality.DISTRICT, "2305")).isTrue();
    assertThat(PortfolioApi.mayView(officer, AreaQuality.DISTRICT, "2301")).isFalse();
    assertThat(PortfolioApi.mayView(officer, AreaQuality.PROVINCE, "10")).isFalse();
    assertThat(PortfolioApi.mayView(supervisor, AreaQuality.DISTRICT, "2301")).isTrue();
    assertThat(PortfolioApi.mayView(supervisor, AreaQuality.DISTRICT, "1001")).isFalse();
    assertThat(PortfolioApi.mayView(admin, AreaQuality.DISTRICT, "1001")).isTrue();
  }
}
