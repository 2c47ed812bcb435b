package th.go.cdd.womenfund.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.budget.SubsidyAllocator.DistrictFacts;
import th.go.cdd.womenfund.budget.SubsidyAllocator.Share;
import th.go.cdd.womenfund.budget.SubsidyAllocator.Weights;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Largest-remainder allocation to the baht: each basis, ties, zero members, exact sums; Trat's 7
 * districts, 38 sub-districts.
 */
class SubsidyAllocatorTest {

  /** Trat: sub-districts per district from the official list (14 + 3 + 8 + 5 + 4 + 2 + 2 = 38). */
  static final List<DistrictFacts> TRAT =
      List.of(
          new DistrictFacts("2301", "เมืองตราด", 14, 410, new BigDecimal("4.20")),
          new DistrictFacts("2302", "คลองใหญ่", 3, 95, new BigDecimal("7.85")),
          new DistrictFacts("2303", "เขาสมิง", 8, 260, new BigDecimal("3.10")),
          new DistrictFacts("2304", "บ่อไร่", 5, 180, new BigDecimal("12.40")),
          new DistrictFacts("2305", "แหลมงอบ", 4, 150, new BigDecimal("9.05")),
          new DistrictFacts("2306", "เกาะกูด", 2, 40, null),
          new DistrictFacts("2307", "เกาะช้าง", 2, 65, new BigDecimal("1.50")));

  static Map<String, BigDecimal> amounts(List<Share> shares) {
    return shares.stream().collect(Collectors.toMap(Share::districtCode, Share::amount));
  }

  static BigDecimal sum(List<Share> shares) {
    return shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static BigDecimal baht(long v) {
    return BigDecimal.valueOf(v).setScale(2);
  }

  @Test
  void tratBySubDistrictsSplitsAMillionBahtExactly() {
    List<Share> shares =
        SubsidyAllocator.allocate(
            new BigDecimal("1000000"), TRAT, AllocationBasis.SUB_DISTRICTS, null);
    assertThat(TRAT.stream().mapToInt(DistrictFacts::subDistricts).sum()).isEqualTo(38);
    // quotas 1,000,000 x n/38: floors sum to 999,997; the 3 baht left go to the largest remainders
    // (บ่อไร่ .947, then เกาะกูด and เกาะช้าง tied at .579: equal quotas, lower code first — both
    // get one)
    assertThat(amounts(shares))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "2301",
                baht(368_421),
                "2302",
                baht(78_947),
                "2303",
                baht(210_526),
                "2304",
                baht(131_579),
                "2305",
                baht(105_263),
                "2306",
                baht(52_632),
                "2307",
                baht(52_632)));
    assertThat(sum(shares)).isEqualByComparingTo("1000000");
    assertThat(shares.get(0).exactQuota()).isEqualByComparingTo("368421.0526");
  }

  @Test
  void byMembersAndByOverdueRatioSumExactlyAndFollowTheirBasis() {
    BigDecimal budget = new BigDecimal("1234567");
    List<Share> members = SubsidyAllocator.allocate(budget, TRAT, AllocationBasis.MEMBERS, null);
    assertThat(sum(members)).isEqualByComparingTo(budget);
    // 1,200 members in all: Muang Trat's 410 get 421,810.40... -> 421,810 or 421,811
    assertThat(amounts(members).get("2301")).isBetween(baht(421_810), baht(421_811));
    List<Share> overdue = SubsidyAllocator.allocate(budget, TRAT, AllocationBasis.OVERDUE, null);
    assertThat(sum(overdue)).isEqualByComparingTo(budget);
    Map<String, BigDecimal> o = amounts(overdue);
    // less overdue debt, more subsidy: Ko Kut (no debt) > Ko Chang (1.50%) > ... > Bo Rai (12.40%)
    assertThat(o.get("2306")).isGreaterThan(o.get("2307"));
    assertThat(o.get("2307")).isGreaterThan(o.get("2303"));
    assertThat(o.get("2304")).isLessThan(o.get("2302"));
    for (Share s : overdue) {
      assertThat(s.amount().subtract(s.exactQuota()).abs()).isLessThan(BigDecimal.ONE);
    }
  }

  @Test
  void aWeightedMixAddsTheBasesProportionalShares() {
    List<Share> mix =
        SubsidyAllocator.allocate(
            new BigDecimal("500000"), TRAT, AllocationBasis.WEIGHTED, new Weights(50, 30, 20));
    assertThat(sum(mix)).isEqualByComparingTo("500000");
    Map<String, Share> byCode =
        mix.stream().collect(Collectors.toMap(Share::districtCode, Function.identity()));
    List<Share> s =
        SubsidyAllocator.allocate(
            new BigDecimal("500000"), TRAT, AllocationBasis.SUB_DISTRICTS, null);
    List<Share> m =
        SubsidyAllocator.allocate(new BigDecimal("500000"), TRAT, AllocationBasis.MEMBERS, null);
    List<Share> o =
        SubsidyAllocator.allocate(new BigDecimal("500000"), TRAT, AllocationBasis.OVERDUE, null);
    for (int i = 0; i < TRAT.size(); i++) {
      BigDecimal expected =
          s.get(i)
              .exactQuota()
              .multiply(new BigDecimal("0.5"))
              .add(m.get(i).exactQuota().multiply(new BigDecimal("0.3")))
              .add(o.get(i).exactQuota().multiply(new BigDecimal("0.2")));
      assertThat(byCode.get(TRAT.get(i).districtCode()).exactQuota().subtract(expected).abs())
          .isLessThan(new BigDecimal("0.001"));
    }
  }

  @Test
  void tiesGoToTheLowerDistrictCodeAndNoDistrictGetsTwoExtraBaht() {
    List<DistrictFacts> equal =
        List.of(
            new DistrictFacts("9003", "ค", 1, 1, null),
            new DistrictFacts("9001", "ก", 1, 1, null),
            new DistrictFacts("9002", "ข", 1, 1, null));
    assertThat(
            amounts(
                SubsidyAllocator.allocate(
                    new BigDecimal("100"), equal, AllocationBasis.SUB_DISTRICTS, null)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("9001", baht(34), "9002", baht(33), "9003", baht(33)));
    assertThat(
            amounts(
                SubsidyAllocator.allocate(
                    new BigDecimal("101"), equal, AllocationBasis.MEMBERS, null)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("9001", baht(34), "9002", baht(34), "9003", baht(33)));
    // an equal remainder (0.5 and 0.5) goes to the larger quota first: 1 and 3 members, 2 baht -> 0
    // and 2
    List<DistrictFacts> uneven =
        List.of(
            new DistrictFacts("9001", "ก", 1, 1, null), new DistrictFacts("9002", "ข", 1, 3, null));
    assertThat(
            amounts(
                SubsidyAllocator.allocate(
                    new BigDecimal("2"), uneven, AllocationBasis.MEMBERS, null)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("9001", baht(0), "9002", baht(2)));
  }

  @Test
  void aDistrictWithoutMembersGetsNothingByMembersAndAProvinceWithoutMembersCannotUseTheBasis() {
    List<DistrictFacts> facts =
        List.of(
            new DistrictFacts("9001", "ก", 3, 0, null), new DistrictFacts("9002", "ข", 2, 7, null));
    assertThat(
            amounts(
                SubsidyAllocator.allocate(
                    new BigDecimal("70000"), facts, AllocationBasis.MEMBERS, null)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("9001", baht(0), "9002", baht(70_000)));
    List<DistrictFacts> none =
        List.of(
            new DistrictFacts("9001", "ก", 3, 0, null), new DistrictFacts("9002", "ข", 2, 0, null));
    assertThatThrownBy(
            () ->
                SubsidyAllocator.allocate(
                    new BigDecimal("70000"), none, AllocationBasis.MEMBERS, null))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("ยังไม่มีสมาชิกกองทุน");
    // in a mix the basis without members is fine at weight 0, refused above 0
    assertThat(
            sum(
                SubsidyAllocator.allocate(
                    new BigDecimal("70000"),
                    none,
                    AllocationBasis.WEIGHTED,
                    new Weights(60, 0, 40))))
        .isEqualByComparingTo("70000");
    assertThatThrownBy(
            () ->
                SubsidyAllocator.allocate(
                    new BigDecimal("70000"),
                    none,
                    AllocationBasis.WEIGHTED,
                    new Weights(60, 10, 30)))
        .hasMessageContaining("ยังไม่มีสมาชิกกองทุน");
  }

  @Test
  void badBudgetsAndWeightsAreRefusedInThaiAllAtOnce() {
    assertThatThrownBy(
            () ->
                SubsidyAllocator.allocate(
                    new BigDecimal("1000.50"),
                    TRAT,
                    AllocationBasis.WEIGHTED,
                    new Weights(50, 30, 30)))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("จำนวนเต็มบาท")
        .hasMessageContaining("รวมกันได้ร้อยละ 100");
    assertThatThrownBy(
            () -> SubsidyAllocator.allocate(BigDecimal.ZERO, TRAT, AllocationBasis.MEMBERS, null))
        .hasMessageContaining("มากกว่า 0");
  }

  @Test
  void anyBudgetOverRandomFactsSumsExactlyAndEveryShareIsWithinABahtOfItsQuota() {
    Random random = new Random(2564);
    for (int round = 0; round < 300; round++) {
      List<DistrictFacts> facts = new ArrayList<>();
      int n = 1 + random.nextInt(15);
      for (int i = 0; i < n; i++) {
        facts.add(
            new DistrictFacts(
                String.format("%04d", 9000 + i),
                "อ" + i,
                1 + random.nextInt(20),
                random.nextInt(500),
                random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(10_000), 2)));
      }
      facts.set(0, new DistrictFacts("9000", "อ0", 1, 1 + random.nextInt(50), BigDecimal.ONE));
      BigDecimal budget = BigDecimal.valueOf(1 + random.nextInt(5_000_000));
      int a = random.nextInt(101);
      int b = random.nextInt(101 - a);
      for (AllocationBasis basis : AllocationBasis.values()) {
        List<Share> shares =
            SubsidyAllocator.allocate(budget, facts, basis, new Weights(a, b, 100 - a - b));
        assertThat(sum(shares)).as("%s round %d", basis, round).isEqualByComparingTo(budget);
        for (Share s : shares) {
          assertThat(s.amount().signum()).isGreaterThanOrEqualTo(0);
          assertThat(s.amount().subtract(s.exactQuota()).abs()).isLessThan(BigDecimal.ONE);
        }
      }
    }
  }
}
