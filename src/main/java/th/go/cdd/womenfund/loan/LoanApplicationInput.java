package th.go.cdd.womenfund.loan;

/**
 * What an officer keyed into the start (or fix) form, untouched: every field is text or what the
 * form sent, so that nothing is trusted before {@link LoanApplicationParser} has checked it. {@code
 * borrowerRows} is the JSON text of the form's borrower rows (a dynamic list).
 */
public record LoanApplicationInput(
    String groupName,
    String subDistrictCode,
    String contactName,
    String contactEmail,
    String contactPhone,
    String projectPurpose,
    String occupationCategory,
    String requestedAmount,
    String termMonths,
    String repaymentFrequency,
    String borrowers,
    String familyAcknowledgements,
    Boolean allBorrowersThaiWomen,
    String borrowerRows) {}
