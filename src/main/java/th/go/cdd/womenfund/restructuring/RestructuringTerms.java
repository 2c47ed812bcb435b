package th.go.cdd.womenfund.restructuring;

import th.go.cdd.womenfund.repayment.Rescheduling.Terms;

/**
 * The new terms the fund's rules give a loan whose restructuring the Department approved: the
 * {@code restructuring-terms} DMN table officers may change. This port keeps the engine out.
 */
public interface RestructuringTerms {

  record Rule(Terms terms, String reason) {}

  Rule evaluate(int daysOverdue, String loanStatus);
}
