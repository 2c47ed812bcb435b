package th.go.cdd.womenfund.repayment;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.ApprovalRepository;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.loan.InterestRate;
import th.go.cdd.womenfund.loan.InterestRateRepository;
import th.go.cdd.womenfund.loan.LoanStatus;
import th.go.cdd.womenfund.loan.LoanStatusChanges;
import th.go.cdd.womenfund.repayment.RepaymentRepository.StoredPayment;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Records payments against loans and tells what a loan owes. A payment goes to the oldest
 * installment first: its default interest (ดอกเบี้ยผิดนัด, accrued to the payment date), its
 * interest, its principal. Refused, with every problem in Thai and nothing written: an amount that
 * is zero, negative, not money or more than everything owed on the payment date (no overpayment is
 * kept: the officer returns the excess); a date in the future, before the transfer or before the
 * loan's latest recorded payment (payments are recorded in date order); a reference already used
 * for the loan; a closed or not yet disbursed loan; a loan outside the officer's district or
 * province. Knows nothing of the engine.
 */
@Service
@Transactional
public class PaymentService {

  /** Loans that take payments: disbursed, also while in restructuring or legal action. */
  static final Set<LoanStatus> REPAYING =
      EnumSet.of(LoanStatus.DISBURSED, LoanStatus.RESTRUCTURING, LoanStatus.LEGAL_ACTION);

  static final int MAX_NOTE = 500;
  private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()#:_]{1,100}");

  private final RepaymentRepository repo;
  private final InterestRateRepository rates;
  private final ApplicationEventPublisher events;
  private final ApprovalRepository approvals;
  private final RepaymentSettings settings;
  private final LoanStatusChanges loanStatus;

  public PaymentService(
      RepaymentRepository repo,
      InterestRateRepository rates,
      ApplicationEventPublisher events,
      ApprovalRepository approvals,
      RepaymentSettings settings,
      LoanStatusChanges loanStatus) {
    this.repo = repo;
    this.rates = rates;
    this.events = events;
    this.approvals = approvals;
    this.settings = settings;
    this.loanStatus = loanStatus;
  }

  /**
   * A payment as keyed: recorded at once ({@code recorded}), or stored to wait for approval ({@code
   * pending}).
   */
  public record Submitted(RecordedPayment recorded, ApprovalRequest pending) {

    public boolean waitsForApproval() {
      return pending != null;
    }
  }

  /** A payment checked in full; not yet written. */
  private record Checked(
      RepaymentLoan loan,
      BigDecimal amount,
      LocalDate paidOn,
      String reference,
      String note,
      List<InterestRate> rates,
      List<InstallmentState> open,
      Map<Integer, LocalDate> starts) {}

  /** What a person keyed: every field as text, parsed here. */
  public record PaymentInput(
      String loanNumber, String paidOn, String amount, String reference, String note) {}

  /** A recorded payment, how it was applied, and the loan before and after (as of today). */
  public record RecordedPayment(
      long paymentId,
      RepaymentLoan loan,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      PaymentSource source,
      List<Allocation> allocations,
      LoanBalance before,
      LoanBalance after,
      boolean loanClosed) {

    public boolean arrearsCleared() {
      return before.inArrears() && !after.inArrears();
    }

    public BigDecimal toDefaultInterest() {
      return sum(Allocation::defaultInterest);
    }

    public BigDecimal toInterest() {
      return sum(Allocation::interest);
    }

    public BigDecimal toPrincipal() {
      return sum(Allocation::principal);
    }

    private BigDecimal sum(Function<Allocation, BigDecimal> part) {
      return allocations.stream().map(part).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String summaryTh() {
      StringBuilder text = new StringBuilder();
      text.append("รับชำระ ")
          .append(ThaiMoney.format(amount))
          .append(" วันที่ ")
          .append(ThaiDates.format(paidOn))
          .append(" เลขที่อ้างอิง ")
          .append(reference)
          .append(" (")
          .append(loan.label())
          .append(")\n\n");
      for (Allocation a : allocations) {
        text.append("- งวดที่ ").append(a.seq()).append(": ");
        if (a.defaultInterest().signum() > 0) {
          text.append("ดอกเบี้ยผิดนัด ").append(ThaiMoney.format(a.defaultInterest())).append(' ');
        }
        text.append("ดอกเบี้ย ")
            .append(ThaiMoney.format(a.interest()))
            .append(" เงินต้น ")
            .append(ThaiMoney.format(a.principal()))
            .append('\n');
      }
      text.append('\n')
          .append(loanClosed ? "ชำระครบทุกงวดแล้ว ปิดบัญชีเงินกู้\n" : after.summaryTh());
      return text.toString();
    }
  }

  /**
   * Records a payment for the loan with the given id at once, whatever its amount (bank statements,
   * tests).
   */
  public RecordedPayment record(
      long loanId, PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    RepaymentLoan loan =
        repo.loan(loanId)
            .orElseThrow(() -> new LoanNotFoundException("ไม่พบสัญญาเงินกู้รหัส " + loanId));
    return record(loan, input, source, actor, today);
  }

  /**
   * A payment keyed by a person (the REST API, the Tasklist form): checked in full; recorded at
   * once up to {@code womenfund.repayment.approval-threshold}, above it stored as pending (not in
   * the ledger, balances unchanged) for a second officer to approve.
   */
  public Submitted submit(
      long loanId, PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    return submit(loan(loanId), input, source, actor, today);
  }

  public Submitted submitByNumber(
      PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    return submit(loanNumbered(input.loanNumber()), input, source, actor, today);
  }

  private Submitted submit(
      RepaymentLoan loan, PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    Checked c = check(loan, input, actor, today, null);
    if (!settings.needsApproval(c.amount())) {
      return new Submitted(apply(c, source, recordedBy(actor), null, today), null);
    }
    String summary =
        "รับชำระ "
            + ThaiMoney.format(c.amount())
            + " วันที่ "
            + ThaiDates.format(c.paidOn())
            + " เลขที่อ้างอิง "
            + c.reference()
            + " ("
            + loan.label()
            + " "
            + loan.groupName()
            + ")\n\n"
            + "- บันทึกโดย: "
            + recordedBy(actor)
            + " ("
            + source.labelTh()
            + ")\n"
            + (c.note() == null ? "" : "- หมายเหตุ: " + c.note() + "\n")
            + "- เกินวงเงินที่ต้องอนุมัติ "
            + ThaiMoney.format(settings.approvalThreshold())
            + ": ยังไม่ตัดชำระจนกว่าจะได้รับอนุมัติ\n\nยอดหนี้ปัจจุบัน\n\n"
            + balance(c.open(), c.starts(), c.paidOn(), c.rates()).summaryTh();
    ApprovalRequest pending =
        approvals.insert(
            new ApprovalRequest.New(
                ApprovalKind.PAYMENT,
                loan.provinceCode(),
                loan.districtCode(),
                loan.id(),
                null,
                c.paidOn(),
                c.amount(),
                c.reference(),
                c.note(),
                source.name(),
                null,
                null,
                summary,
                recordedBy(actor)));
    return new Submitted(null, pending);
  }

  /**
   * Records a payment that waited and was approved: checked again in full (as the approver, who
   * must be of the loan's district or province), recorded as keyed by its maker and approved by the
   * approver.
   */
  public RecordedPayment recordApproved(ApprovalRequest entry, Actor approver, LocalDate today) {
    RepaymentLoan loan = loan(entry.loanId());
    Checked c =
        check(
            loan,
            new PaymentInput(
                null,
                ThaiDates.formatNumeric(entry.paidOn()),
                entry.amount().toPlainString(),
                entry.reference(),
                entry.note()),
            approver,
            today,
            entry.id());
    return apply(
        c, PaymentSource.valueOf(entry.source()), entry.requestedBy(), approver.userId(), today);
  }

  /**
   * Records a payment for the loan named by its contract or application number (forms, bank
   * statements).
   */
  public RecordedPayment recordByNumber(
      PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    return record(loanNumbered(input.loanNumber()), input, source, actor, today);
  }

  /**
   * A bank-statement row of an approved import: checked again as the approver, recorded as keyed by
   * the maker and approved by the approver.
   */
  public RecordedPayment recordApprovedByNumber(
      PaymentInput input, PaymentSource source, Actor approver, String maker, LocalDate today) {
    return apply(
        check(loanNumbered(input.loanNumber()), input, approver, today, null),
        source,
        maker,
        approver.userId(),
        today);
  }

  public RepaymentLoan loanNumbered(String number) {
    if (number == null || number.isBlank()) {
      throw new ThaiValidationException("กรุณากรอกเลขที่สัญญาหรือเลขที่คำขอกู้");
    }
    List<RepaymentLoan> found = repo.loansNumbered(number.strip());
    if (found.isEmpty()) {
      throw new LoanNotFoundException(
          "ไม่พบสัญญาเงินกู้เลขที่ \"" + shorten(number.strip()) + "\"");
    }
    if (found.size() > 1) {
      throw new ThaiValidationException(
          "เลขที่สัญญา \""
              + number.strip()
              + "\" ซ้ำกัน "
              + found.size()
              + " สัญญา: กรุณาใช้เลขที่คำขอกู้ ("
              + found.stream().map(RepaymentLoan::applicationNo).collect(Collectors.joining(", "))
              + ")");
    }
    return found.get(0);
  }

  public java.util.Optional<RepaymentLoan> findLoan(long loanId) {
    return repo.loan(loanId);
  }

  public RepaymentLoan loan(long loanId) {
    return repo.loan(loanId)
        .orElseThrow(() -> new LoanNotFoundException("ไม่พบสัญญาเงินกู้รหัส " + loanId));
  }

  /**
   * Whether the loan already has a payment with this reference (the portfolio import's natural
   * key).
   */
  @Transactional(readOnly = true)
  public boolean hasPayment(long loanId, String reference) {
    return repo.paymentWithReference(loanId, reference).isPresent();
  }

  /** What the loan owes on {@code day}, default interest accrued to that day; nothing is stored. */
  @Transactional(readOnly = true)
  public LoanBalance balance(long loanId, LocalDate day) {
    Schedule s = schedule(loan(loanId));
    return balance(s.open(), s.starts(), day, rates.all());
  }

  /**
   * What settles the loan on {@code day} (ยอดปิดบัญชี: interest only up to that day); nothing is
   * stored.
   */
  @Transactional(readOnly = true)
  public Payoff payoff(long loanId, LocalDate day) {
    Schedule s = schedule(loan(loanId));
    return Payoff.of(PaymentAllocator.accrued(s.open(), day, rates.all()), s.starts(), day);
  }

  private static LoanBalance balance(
      List<InstallmentState> open,
      Map<Integer, LocalDate> starts,
      LocalDate day,
      List<InterestRate> rateTable) {
    List<InstallmentState> accrued = PaymentAllocator.accrued(open, day, rateTable);
    return LoanBalance.of(accrued, day, Payoff.of(accrued, starts, day));
  }

  /**
   * The loan's open installments and the day each installment's interest period starts (one query).
   */
  private record Schedule(List<InstallmentState> open, Map<Integer, LocalDate> starts) {}

  private Schedule schedule(RepaymentLoan loan) {
    List<InstallmentState> all = repo.installments(loan.id());
    return new Schedule(
        all.stream().filter(i -> i.settledOn() == null).toList(),
        Payoff.periodStarts(all, loan.transferDate()));
  }

  @Transactional(readOnly = true)
  public List<RepaymentRepository.LedgerLine> ledger(long loanId) {
    return repo.ledger(loanId);
  }

  @Transactional(readOnly = true)
  public List<StoredPayment> payments(long loanId) {
    return repo.payments(loanId);
  }

  private RecordedPayment record(
      RepaymentLoan loan, PaymentInput input, PaymentSource source, Actor actor, LocalDate today) {
    return apply(check(loan, input, actor, today, null), source, recordedBy(actor), null, today);
  }

  private static String recordedBy(Actor actor) {
    return actor == null ? "system" : actor.userId();
  }

  /**
   * Every check of a keyed payment; {@code approvalId} is the pending entry being approved (its own
   * reference is no clash).
   */
  private Checked check(
      RepaymentLoan loan, PaymentInput input, Actor actor, LocalDate today, Long approvalId) {
    AreaAccess.requireRecord(actor, loan);
    repo.lock(loan.id());
    List<String> problems = new ArrayList<>();
    BigDecimal amount =
        collect(problems, () -> ThaiMoney.parse(input.amount(), "จำนวนเงินที่ชำระ"));
    if (amount != null && amount.signum() == 0) {
      problems.add("จำนวนเงินที่ชำระต้องมากกว่า 0 บาท");
      amount = null;
    }
    LocalDate paidOn =
        collect(problems, () -> ThaiDates.parseBuddhist(input.paidOn(), "วันที่ชำระ"));
    if (paidOn != null) {
      if (paidOn.isAfter(today)) {
        problems.add("วันที่ชำระ " + ThaiDates.format(paidOn) + " อยู่ในอนาคต");
      } else if (loan.transferDate() != null && paidOn.isBefore(loan.transferDate())) {
        problems.add(
            "วันที่ชำระต้องไม่ก่อนวันที่โอนเงินกู้ ("
                + ThaiDates.format(loan.transferDate())
                + ")");
      } else {
        Optional<LocalDate> last = repo.lastPaymentDate(loan.id());
        if (last.isPresent() && paidOn.isBefore(last.get())) {
          problems.add(
              "วันที่ชำระ "
                  + ThaiDates.format(paidOn)
                  + " อยู่ก่อนการชำระครั้งล่าสุดของ"
                  + loan.label()
                  + " ("
                  + ThaiDates.format(last.get())
                  + "): กรุณาบันทึกการชำระตามลำดับวันที่");
        }
      }
    }
    String reference = input.reference() == null ? "" : input.reference().strip();
    if (reference.isEmpty()) {
      problems.add("กรุณากรอกเลขที่อ้างอิงการชำระ (เลขที่ใบเสร็จหรือรายการธนาคาร)");
    } else if (!REFERENCE.matcher(reference).matches()) {
      problems.add(
          "เลขที่อ้างอิง \""
              + shorten(reference)
              + "\" ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - ( ) # : _ ไม่เกิน 100 ตัวอักษร");
    } else {
      repo.paymentWithReference(loan.id(), reference)
          .ifPresent(
              p ->
                  problems.add(
                      "เลขที่อ้างอิง "
                          + reference
                          + " บันทึกไว้แล้วสำหรับ"
                          + loan.label()
                          + " (ชำระวันที่ "
                          + ThaiDates.format(p.paidOn())
                          + " "
                          + ThaiMoney.format(p.amount())
                          + "): ไม่บันทึกซ้ำ"));
      approvals.pending(ApprovalKind.PAYMENT, loan.id()).stream()
          .filter(
              e -> (approvalId == null || e.id() != approvalId) && reference.equals(e.reference()))
          .findFirst()
          .ifPresent(
              e ->
                  problems.add(
                      "เลขที่อ้างอิง "
                          + reference
                          + " ของ"
                          + loan.label()
                          + " รอการอนุมัติอยู่แล้ว (ชำระวันที่ "
                          + ThaiDates.format(e.paidOn())
                          + " "
                          + ThaiMoney.format(e.amount())
                          + "): ไม่บันทึกซ้ำ"));
    }
    String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
    if (note != null && note.length() > MAX_NOTE) {
      problems.add("หมายเหตุยาวเกิน " + MAX_NOTE + " ตัวอักษร");
    } else if (note != null && (note.contains("<") || note.contains(">"))) {
      problems.add("หมายเหตุมีอักขระที่ไม่อนุญาต (< >)");
    }
    if (!REPAYING.contains(loan.status())) {
      problems.add(
          loan.status() == LoanStatus.CLOSED
              ? loan.label() + " ชำระครบและปิดบัญชีแล้ว ไม่รับชำระเพิ่ม"
              : loan.label()
                  + " ยังไม่ได้โอนเงินกู้ (สถานะ: "
                  + loan.status().labelTh()
                  + ") จึงยังไม่รับชำระ");
    }
    List<InterestRate> rateTable = rates.all();
    Schedule schedule = schedule(loan);
    List<InstallmentState> open = schedule.open();
    Map<Integer, LocalDate> starts = schedule.starts();
    if (amount != null && paidOn != null && problems.isEmpty()) {
      // the most the loan owes on the day is its pay-off: interest only up to that day
      BigDecimal payoff =
          Payoff.of(PaymentAllocator.accrued(open, paidOn, rateTable), starts, paidOn).total();
      if (amount.compareTo(payoff) > 0) {
        problems.add(
            "จำนวนเงิน "
                + ThaiMoney.format(amount)
                + " เกินยอดหนี้ทั้งหมดของ"
                + loan.label()
                + " ณ วันที่ "
                + ThaiDates.format(paidOn)
                + " (ยอดปิดบัญชี "
                + ThaiMoney.format(payoff)
                + ": เงินต้น ดอกเบี้ยถึงวันนั้น"
                + " และดอกเบี้ยผิดนัด) กองทุนฯ ไม่รับชำระเกินยอดหนี้: กรุณาบันทึกไม่เกินยอดนี้และคืนส่วนเกินให้กลุ่ม");
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return new Checked(loan, amount, paidOn, reference, note, rateTable, open, starts);
  }

  private RecordedPayment apply(
      Checked c, PaymentSource source, String recordedBy, String approvedBy, LocalDate today) {
    return apply(
        c.loan(),
        new Schedule(c.open(), c.starts()),
        c.rates(),
        c.paidOn(),
        c.amount(),
        c.reference(),
        source,
        c.note(),
        recordedBy,
        approvedBy,
        today,
        accrued -> PaymentAllocator.allocate(accrued, c.amount(), c.paidOn(), c.starts()));
  }

  /**
   * The risk cover pays, on {@code paidOn}, the given part of each open installment (a deceased
   * borrower's share). Checked by the caller; recorded like any payment, with source RISK_COVER.
   */
  public RecordedPayment recordCoverSettlement(
      long loanId,
      LocalDate paidOn,
      List<Allocation> shares,
      String reference,
      String note,
      String recordedBy,
      LocalDate today) {
    RepaymentLoan loan = loan(loanId);
    repo.lock(loanId);
    BigDecimal amount =
        shares.stream().map(Allocation::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return apply(
        loan,
        schedule(loan),
        rates.all(),
        paidOn,
        amount,
        reference,
        PaymentSource.RISK_COVER,
        note,
        recordedBy,
        null,
        today,
        accrued -> PaymentAllocator.allocateShares(accrued, shares, paidOn));
  }

  /** The loan's open installments as they stand (for a settlement to compute shares). */
  @Transactional(readOnly = true)
  public List<InstallmentState> openInstallments(long loanId) {
    return repo.openInstallments(loanId);
  }

  private RecordedPayment apply(
      RepaymentLoan loan,
      Schedule schedule,
      List<InterestRate> rateTable,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      PaymentSource source,
      String note,
      String recordedBy,
      String approvedBy,
      LocalDate today,
      Function<List<InstallmentState>, PaymentAllocator.Result> allocation) {
    LocalDate asOf = paidOn.isAfter(today) ? paidOn : today;
    List<InstallmentState> open = schedule.open();
    Map<Integer, LocalDate> starts = schedule.starts();
    LoanBalance before = balance(open, starts, asOf, rateTable);
    List<InstallmentState> accrued = PaymentAllocator.accrued(open, paidOn, rateTable);
    PaymentAllocator.Result result = allocation.apply(accrued);
    if (result.unallocated().signum() != 0) {
      throw new IllegalStateException(
          "payment of " + amount + " left " + result.unallocated() + " unallocated");
    }
    // only installments the payment reached keep their accrual: the others accrue later in one
    // piece
    Map<Integer, InstallmentState> original =
        open.stream().collect(Collectors.toMap(InstallmentState::seq, Function.identity()));
    Set<Integer> touched =
        result.allocations().stream().map(Allocation::seq).collect(Collectors.toSet());
    List<InstallmentState> changed =
        result.installments().stream().filter(i -> touched.contains(i.seq())).toList();
    List<InstallmentState> afterOpen =
        result.installments().stream()
            .map(i -> touched.contains(i.seq()) ? i : original.get(i.seq()))
            .filter(i -> i.settledOn() == null)
            .toList();

    long paymentId =
        repo.insertPayment(
            loan.id(), paidOn, amount, reference, source, note, recordedBy, approvedBy);
    repo.insertAllocations(paymentId, loan.id(), result.allocations());
    repo.updateInstallments(loan.id(), changed);
    boolean closed = afterOpen.isEmpty();
    if (closed) {
      loanStatus.repaid(loan.id());
    }
    LoanBalance after = balance(afterOpen, starts, asOf, rateTable);
    RecordedPayment recorded =
        new RecordedPayment(
            paymentId,
            loan,
            paidOn,
            amount,
            reference,
            source,
            result.allocations(),
            before,
            after,
            closed);
    events.publishEvent(
        new PaymentRecorded(
            loan.id(),
            loan.applicationNo(),
            paymentId,
            paidOn,
            amount,
            reference,
            after.inArrears(),
            recorded.summaryTh()));
    return recorded;
  }

  static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
