package th.go.cdd.womenfund.loan;

import java.util.List;

/**
 * Where a loan's repayment schedule is kept. The installments are repayment's table (it records
 * what is paid of each), so repayment implements this ({@code repayment.RepaymentSchedules}) and
 * stays their one writer; loan asks here when a contract sets the schedule and when it shows or
 * mails it.
 */
public interface InstallmentSchedules {

  /** Sets the loan's schedule (before anything is paid of it), replacing any earlier one. */
  void replace(long loanId, List<Installment> installments);

  /** The loan's installments in order. */
  List<Installment> of(long loanId);
}
