package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import th.go.cdd.womenfund.loan.InterestRate;

/**
 * One installment as it stands: what was scheduled, what has been paid, the default interest
 * accrued so far ({@code defaultInterest}, up to {@code accruedUntil}; null means nothing accrued
 * yet), and the scheduled interest forgiven by a settlement before the installment's period ran out
 * ({@code interestWaived}, see {@link Payoff}).
 */
public record InstallmentState(
    int seq,
    LocalDate dueDate,
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal principalPaid,
    BigDecimal interestPaid,
    BigDecimal defaultInterest,
    BigDecimal defaultInterestPaid,
    LocalDate accruedUntil,
    LocalDate settledOn,
    BigDecimal interestWaived) {

  /** An installment as scheduled: nothing paid, accrued, settled or forgiven yet. */
  static InstallmentState scheduled(
      int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return new InstallmentState(
        seq, dueDate, principal, interest, zero, zero, zero, zero, null, null, zero);
  }

  /**
   * This installment owing {@code carried} of default interest from the start (what a reschedule
   * carries into the first new installment).
   */
  InstallmentState carrying(BigDecimal carried) {
    return new InstallmentState(
        seq,
        dueDate,
        principal,
        interest,
        principalPaid,
        interestPaid,
        carried,
        defaultInterestPaid,
        accruedUntil,
        settledOn,
        interestWaived);
  }

  public BigDecimal unpaidPrincipal() {
    return principal.subtract(principalPaid);
  }

  /** Scheduled interest neither paid nor forgiven. */
  public BigDecimal unpaidInterest() {
    return interest.subtract(interestPaid).subtract(interestWaived);
  }

  public BigDecimal unpaidDefaultInterest() {
    return defaultInterest.subtract(defaultInterestPaid);
  }

  public BigDecimal unpaid() {
    return unpaidPrincipal().add(unpaidInterest()).add(unpaidDefaultInterest());
  }

  /** Overdue on {@code day}: its due date has passed and something of it is unpaid. */
  public boolean overdueOn(LocalDate day) {
    return dueDate.isBefore(day) && unpaid().signum() > 0;
  }

  /** This installment with default interest accrued on its unpaid principal up to {@code day}. */
  public InstallmentState accruedTo(LocalDate day, List<InterestRate> rates) {
    LocalDate from =
        accruedUntil == null || accruedUntil.isBefore(dueDate) ? dueDate : accruedUntil;
    if (!day.isAfter(from)) {
      return this;
    }
    BigDecimal more = DefaultInterest.accrue(unpaidPrincipal(), from, day, rates);
    return new InstallmentState(
        seq,
        dueDate,
        principal,
        interest,
        principalPaid,
        interestPaid,
        defaultInterest.add(more),
        defaultInterestPaid,
        day,
        settledOn,
        interestWaived);
  }

  InstallmentState paying(Allocation a, LocalDate paidOn) {
    InstallmentState next =
        new InstallmentState(
            seq,
            dueDate,
            principal,
            interest,
            principalPaid.add(a.principal()),
            interestPaid.add(a.interest()),
            defaultInterest,
            defaultInterestPaid.add(a.defaultInterest()),
            accruedUntil,
            settledOn,
            interestWaived.add(a.interestWaived()));
    if (next.unpaid().signum() == 0 && settledOn == null) {
      return new InstallmentState(
          seq,
          dueDate,
          principal,
          interest,
          next.principalPaid,
          next.interestPaid,
          defaultInterest,
          next.defaultInterestPaid,
          accruedUntil,
          paidOn,
          next.interestWaived);
    }
    return next;
  }
}
