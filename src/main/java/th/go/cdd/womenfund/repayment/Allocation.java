package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;

/**
 * What one payment paid of one installment. {@code interestWaived}: the installment's scheduled
 * interest that a settlement before its due date forgives (the days not yet run, see {@link
 * Payoff}); it is not money paid and is not part of {@link #total()}.
 */
public record Allocation(
    int seq,
    BigDecimal defaultInterest,
    BigDecimal interest,
    BigDecimal principal,
    BigDecimal interestWaived) {

  public Allocation(
      int seq, BigDecimal defaultInterest, BigDecimal interest, BigDecimal principal) {
    this(seq, defaultInterest, interest, principal, BigDecimal.ZERO.setScale(2));
  }

  public BigDecimal total() {
    return defaultInterest.add(interest).add(principal);
  }

  /** Nothing paid and nothing forgiven. */
  public boolean isEmpty() {
    return total().signum() == 0 && interestWaived.signum() == 0;
  }
}
