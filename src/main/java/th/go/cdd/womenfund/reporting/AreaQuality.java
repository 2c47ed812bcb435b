package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio quality of an area on a day: loans with money outstanding, outstanding principal, the
 * part of it past due (overdue amount) and its split by delinquency bucket of each loan's oldest
 * unpaid installment. The overdue ratio is overdue amount / outstanding, in percent to two
 * decimals.
 */
public record AreaQuality(
    String level,
    String code,
    String nameTh,
    int loans,
    BigDecimal outstanding,
    int overdueLoans,
    BigDecimal overdueAmount,
    List<BucketFigure> buckets) {

  public static final String DISTRICT = "DISTRICT";
  public static final String PROVINCE = "PROVINCE";
  public static final String NATIONAL = "NATIONAL";
  public static final String NATIONAL_CODE = "TH";

  public record BucketFigure(Bucket bucket, String labelTh, int loans, BigDecimal overdueAmount) {}

  /** Overdue amount / outstanding in percent, half-up to 0.01; zero when nothing is outstanding. */
  public BigDecimal ratioPct() {
    return ratio(overdueAmount, outstanding);
  }

  public boolean aboveTarget(BigDecimal targetPct) {
    return ratioPct().compareTo(targetPct) > 0;
  }

  public static BigDecimal ratio(BigDecimal overdue, BigDecimal outstanding) {
    if (outstanding.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return overdue.multiply(BigDecimal.valueOf(100)).divide(outstanding, 2, RoundingMode.HALF_UP);
  }

  /**
   * The sum of several areas as one (a province of its districts, the country of its provinces).
   */
  public static AreaQuality sum(String level, String code, String nameTh, List<AreaQuality> parts) {
    int loans = 0;
    int overdueLoans = 0;
    BigDecimal outstanding = BigDecimal.ZERO.setScale(2);
    BigDecimal overdue = BigDecimal.ZERO.setScale(2);
    Map<Bucket, Integer> bucketLoans = new EnumMap<>(Bucket.class);
    Map<Bucket, BigDecimal> bucketAmounts = new EnumMap<>(Bucket.class);
    for (AreaQuality p : parts) {
      loans += p.loans();
      overdueLoans += p.overdueLoans();
      outstanding = outstanding.add(p.outstanding());
      overdue = overdue.add(p.overdueAmount());
      for (BucketFigure b : p.buckets()) {
        bucketLoans.merge(b.bucket(), b.loans(), Integer::sum);
        bucketAmounts.merge(b.bucket(), b.overdueAmount(), BigDecimal::add);
      }
    }
    List<BucketFigure> buckets = new ArrayList<>();
    for (Bucket b : Bucket.values()) {
      buckets.add(
          new BucketFigure(
              b,
              b.labelTh(),
              bucketLoans.getOrDefault(b, 0),
              bucketAmounts.getOrDefault(b, BigDecimal.ZERO.setScale(2))));
    }
    return new AreaQuality(
        level, code, nameTh, loans, outstanding, overdueLoans, overdue, List.copyOf(buckets));
  }
}
