package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One announcement's loan and default-interest rates, percent a year, in force from a date. */
public record InterestRate(
    LocalDate effectiveFrom,
    BigDecimal loanRatePct,
    BigDecimal defaultRatePct,
    String announcement) {}
