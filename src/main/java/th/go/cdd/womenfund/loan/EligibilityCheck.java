package th.go.cdd.womenfund.loan;

/** One row of the eligibility result that officers see: a criterion, whether it passed, and why. */
public record EligibilityCheck(String criterion, boolean passed, String message) {

  public String line() {
    return (passed ? "ผ่าน: " : "ไม่ผ่าน: ") + message;
  }
}
