package th.go.cdd.womenfund.restructuring;

/**
 * Who may restructure (overdue status, loan status, announcement conditions): the {@code
 * restructuring-eligibility} DMN table officers may change. This port keeps the engine out.
 */
public interface RestructuringRules {

  record Verdict(boolean eligible, String reason) {}

  Verdict evaluate(int daysOverdue, String loanStatus, int contractYearBE);
}
