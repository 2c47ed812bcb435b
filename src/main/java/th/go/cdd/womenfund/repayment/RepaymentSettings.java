package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code womenfund.repayment.*}. {@code approval-threshold}: a payment of more than this many baht
 * (form or REST) waits for a second officer's approval before it reaches the ledger; at or below
 * it, it is recorded at once. The one place every path asks.
 */
@ConfigurationProperties("womenfund.repayment")
public record RepaymentSettings(@DefaultValue("50000.00") BigDecimal approvalThreshold) {

  public boolean needsApproval(BigDecimal amount) {
    return amount.compareTo(approvalThreshold) > 0;
  }
}
