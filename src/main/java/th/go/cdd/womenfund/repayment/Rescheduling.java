package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.InterestRateRepository;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.loan.RepaymentScheduleCalculator;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * A new repayment schedule for a loan, from a day on (the Department's decision on a
 * restructuring). What the loan still owes of its old schedule on that day is carried over to the
 * satang: the unpaid principal of every open installment becomes the new schedule's principal
 * (equal installments, interest at the contract rate on the declining balance, {@link
 * RepaymentScheduleCalculator}); interest that fell due and is unpaid, and the default interest
 * accrued to that day, are carried into the first new installment or waived, as the terms say.
 * Interest of the old schedule not yet due on that day is not owed: the new schedule charges
 * interest from that day. The old installments stay as they were (for history), closed on that day
 * ({@code restructured_on}); payments from then on are allocated to the new installments, which
 * continue the loan's numbering.
 */
@Service
@Transactional
public class Rescheduling {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final RepaymentRepository repo;
  private final InterestRateRepository rates;
  private final LoanRepository loans;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public Rescheduling(
      RepaymentRepository repo,
      InterestRateRepository rates,
      LoanRepository loans,
      JdbcClient jdbc,
      JdbcTemplate template) {
    this.repo = repo;
    this.rates = rates;
    this.loans = loans;
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * What the rule gives: months added to what remains of the old term, how often the new
   * installments fall due (null: as the loan's own schedule), whether overdue interest and default
   * interest are carried over (else waived).
   */
  public record Terms(
      int extensionMonths,
      RepaymentFrequency frequency,
      boolean carryInterest,
      boolean carryDefaultInterest) {}

  /**
   * The new schedule and what was carried over or waived; {@code installments} the new ones only.
   */
  public record Outcome(
      LocalDate from,
      BigDecimal principal,
      BigDecimal dueInterest,
      BigDecimal defaultInterest,
      Terms terms,
      RepaymentFrequency frequency,
      int termMonths,
      List<Installment> installments) {

    public BigDecimal carriedInterest() {
      return terms.carryInterest() ? dueInterest : ZERO;
    }

    public BigDecimal waivedInterest() {
      return terms.carryInterest() ? ZERO : dueInterest;
    }

    public BigDecimal carriedDefaultInterest() {
      return terms.carryDefaultInterest() ? defaultInterest : ZERO;
    }

    public BigDecimal waivedDefaultInterest() {
      return terms.carryDefaultInterest() ? ZERO : defaultInterest;
    }

    /**
     * The debt carried into the new schedule: principal plus carried interest and default interest.
     */
    public BigDecimal carried() {
      return principal.add(carriedInterest()).add(carriedDefaultInterest());
    }

    /** Interest the new schedule charges (without the carried interest). */
    public BigDecimal newInterest() {
      return installments.stream()
          .map(Installment::interest)
          .reduce(ZERO, BigDecimal::add)
          .subtract(carriedInterest());
    }

    public int firstSeq() {
      return installments.get(0).seq();
    }

    /** One line in Thai: the new terms, for forms and letters. */
    public String summaryTh() {
      Installment first = installments.get(0);
      Installment last = installments.get(installments.size() - 1);
      return "เงินต้นคงเหลือ "
          + money(principal)
          + " ผ่อน"
          + frequency.labelTh()
          + " "
          + installments.size()
          + " งวด ("
          + termMonths
          + " เดือน) งวดแรก "
          + ThaiDates.format(first.dueDate())
          + " "
          + money(first.total().add(carriedDefaultInterest()))
          + " งวดสุดท้าย "
          + ThaiDates.format(last.dueDate())
          + "; ดอกเบี้ยค้าง "
          + money(dueInterest)
          + (terms.carryInterest() ? " ยกไปงวดแรก" : " งดเว้น")
          + "; ดอกเบี้ยผิดนัด "
          + money(defaultInterest)
          + (terms.carryDefaultInterest() ? " ยกไปงวดแรก" : " งดเว้น");
    }

    private static String money(BigDecimal v) {
      return ThaiMoney.format(v);
    }
  }

  /** What rescheduling the loan on {@code from} would give; nothing is written. */
  @Transactional(readOnly = true)
  public Outcome preview(long loanId, LocalDate from, Terms terms) {
    return compute(loanId, from, terms, repo.openInstallments(loanId));
  }

  /** Closes the loan's open installments on {@code from} and writes the new schedule. */
  public Outcome reschedule(long loanId, LocalDate from, Terms terms) {
    repo.lock(loanId);
    repo.lastPaymentDate(loanId)
        .filter(last -> last.isAfter(from))
        .ifPresent(
            last -> {
              throw new ThaiValidationException(
                  "สัญญานี้มีการรับชำระเมื่อ "
                      + ThaiDates.format(last)
                      + " หลังวันที่กรมอนุมัติ ("
                      + ThaiDates.format(from)
                      + "): ตารางชำระใหม่เริ่มได้ไม่ก่อนการชำระครั้งล่าสุด"
                      + " กรุณาตรวจสอบวันที่หนังสือของกรม");
            });
    List<InstallmentState> open = repo.openInstallments(loanId);
    Outcome o = compute(loanId, from, terms, open);
    List<InstallmentState> closed =
        PaymentAllocator.accrued(open, from, rates.all()).stream()
            .map(
                i ->
                    new InstallmentState(
                        i.seq(),
                        i.dueDate(),
                        i.principal(),
                        i.interest(),
                        i.principalPaid(),
                        i.interestPaid(),
                        i.defaultInterest(),
                        i.defaultInterestPaid(),
                        i.accruedUntil(),
                        from,
                        // what was forgiven before (a deceased borrower's share, settled by her
                        // risk cover) stays forgiven: its allocations still say so
                        i.interestWaived()))
            .toList();
    repo.updateInstallments(loanId, closed);
    template.batchUpdate(
        "update repayment_installment set restructured_on = ? where loan_id = ? and seq = ?",
        closed.stream().map(i -> new Object[] {Date.valueOf(from), loanId, i.seq()}).toList());
    template.batchUpdate(
        "insert into repayment_installment (loan_id, seq, due_date, principal, interest,"
            + " default_interest, rescheduled_from) values (?, ?, ?, ?, ?, ?, ?)",
        o.installments().stream()
            .map(
                i ->
                    new Object[] {
                      loanId,
                      i.seq(),
                      Date.valueOf(i.dueDate()),
                      i.principal(),
                      i.interest(),
                      i.seq() == o.firstSeq() ? o.carriedDefaultInterest() : ZERO,
                      Date.valueOf(from)
                    })
            .toList());
    return o;
  }

  private Outcome compute(long loanId, LocalDate from, Terms terms, List<InstallmentState> open) {
    if (open.isEmpty()) {
      throw new ThaiValidationException("สัญญานี้ไม่มีงวดค้างชำระ: ไม่มีหนี้ให้ปรับโครงสร้าง");
    }
    if (terms.extensionMonths() < 0 || terms.extensionMonths() > 120) {
      throw new ThaiValidationException(
          "ตารางเงื่อนไขการปรับโครงสร้างหนี้ให้ขยายเวลา "
              + terms.extensionMonths()
              + " เดือน: ต้องอยู่ระหว่าง 0 ถึง 120 เดือน กรุณาแก้ตาราง restructuring-terms");
    }
    List<InstallmentState> accrued = PaymentAllocator.accrued(open, from, rates.all());
    BigDecimal principal = ZERO;
    BigDecimal dueInterest = ZERO;
    BigDecimal defaults = ZERO;
    LocalDate lastDue = from;
    for (InstallmentState i : accrued) {
      principal = principal.add(i.unpaidPrincipal());
      if (!i.dueDate().isAfter(from)) {
        dueInterest = dueInterest.add(i.unpaidInterest());
      }
      defaults = defaults.add(i.unpaidDefaultInterest());
      if (i.dueDate().isAfter(lastDue)) {
        lastDue = i.dueDate();
      }
    }
    if (principal.signum() <= 0) {
      throw new ThaiValidationException("สัญญานี้ไม่มีเงินต้นคงเหลือ: ไม่มีหนี้ให้ปรับโครงสร้าง");
    }
    RepaymentFrequency frequency =
        terms.frequency() != null ? terms.frequency() : loanFrequency(loanId);
    int f = frequency.months();
    // months of the old term still to run on that day (none when its last installment is already
    // due)
    long remaining = Math.max(0, ChronoUnit.MONTHS.between(from, lastDue));
    if (from.plusMonths(remaining).isBefore(lastDue)) {
      remaining++;
    }
    int periods = (int) (ceilDiv(remaining, f) + ceilDiv(terms.extensionMonths(), f));
    int termMonths = Math.max(1, periods) * f;
    // the contract's rate (recorded with the contract); the new schedule charges it on the
    // declining balance
    // (loan's Java API: loan_project is loan's table)
    BigDecimal rate =
        Optional.ofNullable(loans.contractRate(loanId))
            .orElseThrow(
                () ->
                    new ThaiValidationException(
                        "สัญญานี้ยังไม่มีอัตราดอกเบี้ยตามสัญญา: ทำตารางชำระใหม่ไม่ได้"));
    int nextSeq =
        jdbc.sql("select max(seq) from repayment_installment where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single()
            + 1;
    List<Installment> fresh =
        RepaymentScheduleCalculator.schedule(principal, rate, termMonths, frequency, from);
    List<Installment> numbered = new ArrayList<>(fresh.size());
    for (Installment i : fresh) {
      BigDecimal interest =
          i.seq() == 1 && terms.carryInterest() ? i.interest().add(dueInterest) : i.interest();
      numbered.add(new Installment(nextSeq + i.seq() - 1, i.dueDate(), i.principal(), interest));
    }
    return new Outcome(
        from,
        principal,
        dueInterest,
        defaults,
        terms,
        frequency,
        termMonths,
        List.copyOf(numbered));
  }

  private RepaymentFrequency loanFrequency(long loanId) {
    return loans.find(loanId).orElseThrow().frequency();
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
