package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;

/**
 * A loan's position on a day: what is still owed, what of it is overdue (arrears) and since when.
 * Default interest is accrued up to {@code asOf}. {@code unpaidInterest} is the schedule's interest
 * still unpaid, for every installment to the end of the term; {@code payoff} is what settles the
 * loan on {@code asOf} (ยอดปิดบัญชี, {@link Payoff}): unpaid principal, the interest earned up to
 * that day ({@code interestToDate}) and default interest.
 */
public record LoanBalance(
    LocalDate asOf,
    BigDecimal outstandingPrincipal,
    BigDecimal unpaidInterest,
    BigDecimal defaultInterest,
    BigDecimal overduePrincipal,
    BigDecimal arrears,
    BigDecimal payoff,
    LocalDate oldestOverdueDueDate,
    int daysOverdue,
    LocalDate nextDueDate,
    int overdueInstallments,
    BigDecimal interestToDate) {

  /**
   * @param accrued the open installments, default interest accrued to {@code asOf}
   * @param payoff the pay-off of the same installments on {@code asOf}
   */
  public static LoanBalance of(List<InstallmentState> accrued, LocalDate asOf, Payoff payoff) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    BigDecimal principal = zero;
    BigDecimal interest = zero;
    BigDecimal defaults = zero;
    BigDecimal overduePrincipal = zero;
    BigDecimal arrears = zero;
    LocalDate oldest = null;
    LocalDate next = null;
    int overdueCount = 0;
    for (InstallmentState i : accrued) {
      principal = principal.add(i.unpaidPrincipal());
      interest = interest.add(i.unpaidInterest());
      defaults = defaults.add(i.unpaidDefaultInterest());
      if (i.overdueOn(asOf)) {
        overdueCount++;
        overduePrincipal = overduePrincipal.add(i.unpaidPrincipal());
        arrears = arrears.add(i.unpaid());
        if (oldest == null || i.dueDate().isBefore(oldest)) {
          oldest = i.dueDate();
        }
      } else if (i.unpaid().signum() > 0
          && !i.dueDate().isBefore(asOf)
          && (next == null || i.dueDate().isBefore(next))) {
        next = i.dueDate();
      }
    }
    int days = oldest == null ? 0 : (int) ChronoUnit.DAYS.between(oldest, asOf);
    return new LoanBalance(
        asOf,
        principal,
        interest,
        defaults,
        overduePrincipal,
        arrears,
        payoff.total(),
        oldest,
        days,
        next,
        overdueCount,
        payoff.interest());
  }

  public boolean inArrears() {
    return arrears.signum() > 0;
  }

  /** Markdown lines for forms and mails. */
  public String summaryTh() {
    StringBuilder text = new StringBuilder();
    text.append("- เงินต้นคงเหลือ: ")
        .append(ThaiMoney.format(outstandingPrincipal))
        .append('\n')
        .append("- ดอกเบี้ยตามตารางที่ยังไม่ได้ชำระ (ถึงงวดสุดท้าย): ")
        .append(ThaiMoney.format(unpaidInterest))
        .append('\n')
        .append("- ดอกเบี้ยผิดนัดถึงวันที่ ")
        .append(ThaiDates.format(asOf))
        .append(": ")
        .append(ThaiMoney.format(defaultInterest))
        .append('\n');
    if (inArrears()) {
      text.append("- ยอดค้างชำระเกินกำหนด ")
          .append(overdueInstallments)
          .append(" งวด: ")
          .append(ThaiMoney.format(arrears))
          .append(" (ค้างตั้งแต่ ")
          .append(ThaiDates.format(oldestOverdueDueDate))
          .append(" เกินกำหนด ")
          .append(daysOverdue)
          .append(" วัน)\n");
    } else {
      text.append("- ไม่มียอดค้างชำระเกินกำหนด\n");
    }
    if (nextDueDate != null) {
      text.append("- งวดถัดไปครบกำหนด ").append(ThaiDates.format(nextDueDate)).append('\n');
    }
    text.append("- ยอดปิดบัญชี ณ วันที่ ")
        .append(ThaiDates.format(asOf))
        .append(": ")
        .append(ThaiMoney.format(payoff))
        .append(" (เงินต้น ")
        .append(ThaiMoney.format(outstandingPrincipal))
        .append(" ดอกเบี้ยถึงวันที่ ")
        .append(ThaiDates.format(asOf))
        .append(' ')
        .append(ThaiMoney.format(interestToDate))
        .append(" ดอกเบี้ยผิดนัด ")
        .append(ThaiMoney.format(defaultInterest))
        .append(")\n");
    return text.toString();
  }
}
