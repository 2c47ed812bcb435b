package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** งวดชำระ: one repayment installment of a group's loan. */
public record Installment(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest) {

  public BigDecimal total() {
    return principal.add(interest);
  }
}
