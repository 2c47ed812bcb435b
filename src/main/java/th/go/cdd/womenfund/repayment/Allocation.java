package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;

/** What one payment paid of one installment. */
public record Allocation(int seq, BigDecimal defaultInterest, BigDecimal interest, BigDecimal principal) {

  public BigDecimal total() {
    return defaultInterest.add(interest).add(principal);
  }
}
