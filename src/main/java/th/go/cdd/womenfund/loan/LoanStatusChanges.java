package th.go.cdd.womenfund.loan;

import org.springframework.stereotype.Service;

/**
 * What other capabilities may ask of a loan's status. {@code loan_project.status} has one writer,
 * the loan capability ({@link LoanRepository}); repayment asks here when the last installment is
 * paid or a reversal opens a settled loan again, overdue when the provincial committee hands a loan
 * over to restructuring or legal action, instead of writing the column themselves.
 */
@Service
public class LoanStatusChanges {

  private final LoanRepository loans;

  public LoanStatusChanges(LoanRepository loans) {
    this.loans = loans;
  }

  /** Every installment is paid: the loan is closed ({@link LoanStatus#CLOSED}). */
  public void repaid(long loanId) {
    loans.setStatus(loanId, LoanStatus.CLOSED);
  }

  /**
   * A reversal left an installment unpaid again on a closed loan: it is repaying again ({@link
   * LoanStatus#DISBURSED}).
   */
  public void reopened(long loanId) {
    loans.setStatus(loanId, LoanStatus.DISBURSED);
  }

  /**
   * The provincial committee hands an overdue loan over to restructuring ({@link
   * LoanStatus#RESTRUCTURING}).
   */
  public void toRestructuring(long loanId) {
    loans.setStatus(loanId, LoanStatus.RESTRUCTURING);
  }

  /**
   * The Department approved the loan's restructuring and it has a new schedule: it is repaying
   * again ({@link LoanStatus#DISBURSED}); that it was restructured is kept with its schedule.
   */
  public void rescheduled(long loanId) {
    loans.setStatus(loanId, LoanStatus.DISBURSED);
  }

  /**
   * The Department did not approve the restructuring of a loan the committee had handed over: it is
   * back with the ordinary repayment ({@link LoanStatus#DISBURSED}), so the nightly scan follows it
   * up again.
   */
  public void restructuringRejected(long loanId) {
    loans.setStatus(loanId, LoanStatus.DISBURSED);
  }

  /**
   * The provincial committee hands an overdue loan over to legal action ({@link
   * LoanStatus#LEGAL_ACTION}).
   */
  public void toLegalAction(long loanId) {
    loans.setStatus(loanId, LoanStatus.LEGAL_ACTION);
  }
}
