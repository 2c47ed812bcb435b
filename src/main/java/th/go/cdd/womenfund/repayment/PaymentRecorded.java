package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published (as a Spring event) after a payment is written, inside its transaction. The overdue
 * follow-up listens for it and ends when the arrears are cleared; nothing happens if the
 * transaction rolls back (a bank-statement preview, a refused import).
 */
public record PaymentRecorded(
    long loanId,
    String applicationNo,
    long paymentId,
    LocalDate paidOn,
    BigDecimal amount,
    String reference,
    boolean inArrearsAfter,
    String summaryTh) {}
