package th.go.cdd.womenfund.budget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Splits a subsidy budget (whole baht) among a province's districts in proportion to a basis,
 * exactly: largest-remainder (Hamilton) rounding to the baht, so the shares always sum to the
 * budget. The arithmetic is in integers (a common denominator for all bases), so no rounding error
 * can move a baht.
 *
 * <p>Weights per district: number of sub-districts; number of fund members; for the overdue basis
 * (100 − overdue %) to two decimals, so a district with less overdue debt gets more (a district
 * without debt counts as 0% overdue); a weighted mix adds the bases' proportional shares in the
 * given percentages. Each district first gets the whole baht of its exact quota; the baht left over
 * go one each to the districts with the largest remainders; equal remainders go to the larger exact
 * quota first, then to the lower district code.
 */
public final class SubsidyAllocator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SubsidyAllocator() {}

  /** What a district brings to the split; {@code overduePct} null means it has no debt. */
  public record DistrictFacts(
      String districtCode,
      String districtName,
      int subDistricts,
      int members,
      BigDecimal overduePct) {}

  /** Percent of each basis in a weighted mix; they sum to 100. */
  public record Weights(int subDistricts, int members, int overdue) {

    public static Weights only(AllocationBasis basis) {
      return switch (basis) {
        case SUB_DISTRICTS -> new Weights(100, 0, 0);
        case MEMBERS -> new Weights(0, 100, 0);
        case OVERDUE -> new Weights(0, 0, 100);
        case WEIGHTED -> throw new IllegalArgumentException("a weighted mix needs its weights");
      };
    }
  }

  /**
   * A district's share: whole baht; {@code exactQuota} is the unrounded share, for showing the
   * rounding.
   */
  public record Share(
      String districtCode, String districtName, BigDecimal amount, BigDecimal exactQuota) {}

  public static List<Share> allocate(
      BigDecimal budget, List<DistrictFacts> districts, AllocationBasis basis, Weights weights) {
    Weights w = basis == AllocationBasis.WEIGHTED ? weights : Weights.only(basis);
    List<String> problems = new ArrayList<>();
    if (budget == null || budget.signum() <= 0) {
      problems.add("งบประมาณเงินอุดหนุนต้องมากกว่า 0 บาท");
    } else if (budget.stripTrailingZeros().scale() > 0) {
      problems.add("งบประมาณเงินอุดหนุนต้องเป็นจำนวนเต็มบาท (จัดสรรละเอียดถึงหน่วยบาท)");
    }
    if (districts.isEmpty()) {
      problems.add("จังหวัดนี้ไม่มีอำเภอที่จะจัดสรร");
    }
    if (w == null) {
      problems.add("กรุณาระบุน้ำหนักของแต่ละฐาน (ร้อยละ รวมกันได้ 100)");
    } else if (w.subDistricts() < 0
        || w.members() < 0
        || w.overdue() < 0
        || w.subDistricts() + w.members() + w.overdue() != 100) {
      problems.add(
          "น้ำหนักของแต่ละฐานต้องไม่ติดลบและรวมกันได้ร้อยละ 100 (ได้ "
              + (w.subDistricts() + w.members() + w.overdue())
              + ")");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    int n = districts.size();
    BigInteger[][] x = new BigInteger[3][n];
    for (int i = 0; i < n; i++) {
      DistrictFacts d = districts.get(i);
      x[0][i] = BigInteger.valueOf(d.subDistricts());
      x[1][i] = BigInteger.valueOf(d.members());
      BigDecimal pct =
          d.overduePct() == null
              ? BigDecimal.ZERO
              : d.overduePct().max(BigDecimal.ZERO).min(HUNDRED);
      x[2][i] = HUNDRED.subtract(pct).setScale(2, RoundingMode.HALF_UP).unscaledValue();
      if (d.subDistricts() < 0 || d.members() < 0) {
        throw new IllegalArgumentException("negative facts for district " + d.districtCode());
      }
    }
    int[] pct = {w.subDistricts(), w.members(), w.overdue()};
    String[] nothing = {
      "จังหวัดนี้ไม่มีข้อมูลตำบล: ใช้ฐานจำนวนตำบลไม่ได้",
      "ยังไม่มีสมาชิกกองทุนในจังหวัด: ใช้ฐานจำนวนสมาชิกไม่ได้",
      "ทุกอำเภอมีหนี้เกินกำหนดชำระร้อยละ 100: ใช้ฐานอัตราหนี้เกินกำหนดไม่ได้"
    };
    BigInteger[] total = new BigInteger[3];
    for (int b = 0; b < 3; b++) {
      total[b] = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        total[b] = total[b].add(x[b][i]);
      }
      if (pct[b] > 0 && total[b].signum() == 0) {
        problems.add(nothing[b]);
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    // quota_i = budget * sum_b pct_b * x_bi / X_b / 100 = budget * N_i / D over the bases in use
    BigInteger denominator = BigInteger.valueOf(100);
    for (int b = 0; b < 3; b++) {
      if (pct[b] > 0) {
        denominator = denominator.multiply(total[b]);
      }
    }
    BigInteger budgetBaht = budget.toBigIntegerExact();
    BigInteger[] numerator = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      numerator[i] = BigInteger.ZERO;
      for (int b = 0; b < 3; b++) {
        if (pct[b] == 0) {
          continue;
        }
        BigInteger term = BigInteger.valueOf(pct[b]).multiply(x[b][i]);
        for (int c = 0; c < 3; c++) {
          if (c != b && pct[c] > 0) {
            term = term.multiply(total[c]);
          }
        }
        numerator[i] = numerator[i].add(term);
      }
    }
    BigInteger[] floor = new BigInteger[n];
    BigInteger[] remainder = new BigInteger[n];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = budgetBaht.multiply(numerator[i]).divideAndRemainder(denominator);
      floor[i] = qr[0];
      remainder[i] = qr[1];
      given = given.add(qr[0]);
    }
    int left = budgetBaht.subtract(given).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    final BigInteger[] num = numerator;
    order.sort(
        Comparator.<Integer, BigInteger>comparing(i -> remainder[i])
            .reversed()
            .thenComparing(Comparator.<Integer, BigInteger>comparing(i -> num[i]).reversed())
            .thenComparing(i -> districts.get(i).districtCode()));
    for (int k = 0; k < left; k++) {
      floor[order.get(k)] = floor[order.get(k)].add(BigInteger.ONE);
    }
    List<Share> shares = new ArrayList<>();
    BigDecimal d = new BigDecimal(denominator);
    for (int i = 0; i < n; i++) {
      BigDecimal exact =
          new BigDecimal(budgetBaht.multiply(numerator[i])).divide(d, 4, RoundingMode.HALF_UP);
      shares.add(
          new Share(
              districts.get(i).districtCode(),
              districts.get(i).districtName(),
              new BigDecimal(floor[i]).setScale(2),
              exact));
    }
    return shares;
  }
}
