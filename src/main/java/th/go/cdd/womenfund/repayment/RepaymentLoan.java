package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import th.go.cdd.womenfund.loan.LoanStatus;

/** A loan as repayments need it. */
public record RepaymentLoan(
    long id,
    String applicationNo,
    String contractNo,
    String groupName,
    String districtCode,
    String provinceCode,
    BigDecimal amount,
    LoanStatus status,
    LocalDate transferDate,
    String contactName,
    String contactEmail) {

  /** How people name the loan: its contract number, else its application number. */
  public String label() {
    return contractNo != null ? "สัญญาเลขที่ " + contractNo : "คำขอเลขที่ " + applicationNo;
  }
}
