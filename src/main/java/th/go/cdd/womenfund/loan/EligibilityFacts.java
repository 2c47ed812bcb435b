package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;

/** Inputs of the {@code loan-eligibility} decision table; the names are its input expressions. */
public record EligibilityFacts(
    int groupSize,
    BigDecimal requestedAmount,
    BigDecimal maxBorrowerAmount,
    int termMonths,
    int youngestAge,
    int shortestResidenceMonths,
    boolean allThaiWomen) {}
