package th.go.cdd.womenfund.loan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Borrowers are members of the fund (issue 13): the member register as a loan application needs it.
 * Owned here and implemented by {@code membership}, which owns the register (and already uses
 * {@code loan}).
 */
public interface BorrowerMembership {

  /**
   * What is wrong, in Thai and naming the row and the borrower, with the application's borrowers as
   * members of the fund in its district on {@code appliedOn}: registered in another district;
   * registered after {@code appliedOn} (unless this application, {@code loanId}, registered her);
   * not registered and not eligible under the member rules on {@code today}. Empty when every
   * borrower may borrow. Writes nothing.
   */
  /** A member of the fund as the register knows her: what a borrower row is filled from. */
  record RegisteredMember(String fullName, LocalDate birthDate, LocalDate residentSince) {}

  /**
   * Those of {@code nationalIds} who are members of the fund registered in {@code districtCode}, by
   * national ID (13 digits). Writes nothing.
   */
  Map<String, RegisteredMember> membersIn(String districtCode, List<String> nationalIds);

  List<String> problems(LoanApplication app, Long loanId, LocalDate appliedOn, LocalDate today);

  /**
   * Registers, on {@code today} and with the loan, the borrowers not yet in the member register.
   */
  void registerNew(LoanApplication app, long loanId, String registeredBy, LocalDate today);
}
