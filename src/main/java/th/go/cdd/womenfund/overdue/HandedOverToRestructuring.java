package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;

/**
 * The provincial sub-committee handed a loan over to restructuring (its follow-up ended, the loan's
 * status is RESTRUCTURING). Published in the hand-over's transaction; restructuring listens, so
 * that the loan appears at once in its district's package being prepared.
 */
public record HandedOverToRestructuring(long loanId, LocalDate on) {}
