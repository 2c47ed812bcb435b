package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import th.go.cdd.womenfund.loan.InterestRate;

/**
 * Applies a payment, oldest installment first: its default interest (accrued up to the payment
 * date), then its interest, then its principal; what is left goes to the next installment. A
 * payment of exactly the pay-off figure of its day ({@link Payoff}) settles the loan instead: each
 * installment gets its part of the pay-off and the interest not yet earned is forgiven. An amount
 * beyond the pay-off is never allocated: the service refuses it before calling this.
 */
public final class PaymentAllocator {

  private PaymentAllocator() {}

  /**
   * Installments after the payment (accrued to the payment date) and what the payment paid of each.
   */
  public record Result(
      List<InstallmentState> installments, List<Allocation> allocations, BigDecimal unallocated) {}

  /** The open installments with default interest accrued up to {@code day} (nothing is stored). */
  public static List<InstallmentState> accrued(
      List<InstallmentState> open, LocalDate day, List<InterestRate> rates) {
    return open.stream().map(i -> i.accruedTo(day, rates)).toList();
  }

  /**
   * What the schedule still asks on {@code day}: unpaid principal and scheduled interest of every
   * installment plus default interest (more than the pay-off of the day while some interest is not
   * yet earned).
   */
  public static BigDecimal scheduledOwed(List<InstallmentState> accrued) {
    return accrued.stream()
        .map(InstallmentState::unpaid)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /**
   * The payment, or the settlement of the loan when {@code amount} is exactly its pay-off on {@code
   * paidOn}.
   *
   * @param accrued open installments, already accrued to {@code paidOn}, in any order
   * @param periodStarts the day each installment's interest period starts ({@link
   *     Payoff#periodStarts})
   */
  public static Result allocate(
      List<InstallmentState> accrued,
      BigDecimal amount,
      LocalDate paidOn,
      Map<Integer, LocalDate> periodStarts) {
    Payoff payoff = Payoff.of(accrued, periodStarts, paidOn);
    if (amount.compareTo(payoff.total()) != 0) {
      return allocate(accrued, amount, paidOn);
    }
    List<InstallmentState> after = new ArrayList<>();
    List<Allocation> allocations = new ArrayList<>();
    for (InstallmentState i :
        accrued.stream().sorted(Comparator.comparingInt(InstallmentState::seq)).toList()) {
      Allocation part =
          payoff.parts().stream().filter(p -> p.seq() == i.seq()).findFirst().orElseThrow();
      if (part.isEmpty()) {
        after.add(i);
      } else {
        allocations.add(part);
        after.add(i.paying(part, paidOn));
      }
    }
    return new Result(List.copyOf(after), List.copyOf(allocations), BigDecimal.ZERO.setScale(2));
  }

  /**
   * @param accrued open installments, already accrued to {@code paidOn}, in any order
   */
  public static Result allocate(
      List<InstallmentState> accrued, BigDecimal amount, LocalDate paidOn) {
    List<InstallmentState> ordered =
        accrued.stream().sorted(Comparator.comparingInt(InstallmentState::seq)).toList();
    List<InstallmentState> after = new ArrayList<>(ordered.size());
    List<Allocation> allocations = new ArrayList<>();
    BigDecimal left = amount;
    for (InstallmentState i : ordered) {
      BigDecimal toDefault = min(left, i.unpaidDefaultInterest());
      left = left.subtract(toDefault);
      BigDecimal toInterest = min(left, i.unpaidInterest());
      left = left.subtract(toInterest);
      BigDecimal toPrincipal = min(left, i.unpaidPrincipal());
      left = left.subtract(toPrincipal);
      Allocation a = new Allocation(i.seq(), toDefault, toInterest, toPrincipal);
      if (a.total().signum() > 0) {
        allocations.add(a);
        after.add(i.paying(a, paidOn));
      } else {
        after.add(i);
      }
    }
    return new Result(List.copyOf(after), List.copyOf(allocations), left);
  }

  /**
   * Applies an amount to each installment in proportion to given per-installment amounts (the risk
   * cover settles a borrower's share of each open installment): {@code shares} maps seq to the
   * principal and interest part to pay of that installment, and the part of its interest to forgive
   * (her share of the interest not earned by her death); no default interest is paid this way.
   */
  public static Result allocateShares(
      List<InstallmentState> accrued, List<Allocation> shares, LocalDate paidOn) {
    List<InstallmentState> after = new ArrayList<>();
    for (InstallmentState i : accrued) {
      Allocation share = shares.stream().filter(s -> s.seq() == i.seq()).findFirst().orElse(null);
      if (share == null || share.isEmpty()) {
        after.add(i);
        continue;
      }
      if (share.principal().compareTo(i.unpaidPrincipal()) > 0
          || share.interest().add(share.interestWaived()).compareTo(i.unpaidInterest()) > 0) {
        throw new IllegalArgumentException(
            "share of installment " + i.seq() + " exceeds what is unpaid");
      }
      after.add(i.paying(share, paidOn));
    }
    return new Result(
        List.copyOf(after),
        shares.stream().filter(s -> !s.isEmpty()).toList(),
        BigDecimal.ZERO.setScale(2));
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
