package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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
 * Correcting a wrongly keyed payment (การกลับรายการ): requested with a reason by one officer,
 * approved by another (maker-checker). Nothing of the payment history is deleted or updated: the
 * reversal is a new ledger entry ({@code payment_reversal}) and the allocations it changes are new
 * signed rows ({@code allocation_correction}): the reversed payment's allocation negated, and each
 * later payment of the loan re-allocated (oldest installment first: default interest, interest,
 * principal) as if the reversed payment had never been made, with default interest accrued exactly
 * as the payments would have accrued it. The installments' paid amounts (what the overdue follow-up
 * and the dashboard read) are recomputed from the remaining payments. Knows nothing of the engine.
 */
@Service
@Transactional
public class PaymentReversals {

  public static final int MAX_REASON = 1000;

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final RepaymentRepository repo;
  private final PaymentService payments;
  private final InterestRateRepository rates;
  private final ApprovalRepository approvals;
  private final LoanStatusChanges loanStatus;

  public PaymentReversals(
      RepaymentRepository repo,
      PaymentService payments,
      InterestRateRepository rates,
      ApprovalRepository approvals,
      LoanStatusChanges loanStatus) {
    this.repo = repo;
    this.payments = payments;
    this.rates = rates;
    this.approvals = approvals;
    this.loanStatus = loanStatus;
  }

  /**
   * Maker: asks to reverse a payment of the loan, with a reason. Checked, stored as pending and
   * handed to {@code started} (which starts the approval) in the same transaction; the ledger is
   * unchanged until approved.
   */
  public ApprovalRequest request(
      long loanId,
      long paymentId,
      String reasonText,
      Actor actor,
      LocalDate today,
      Consumer<ApprovalRequest> started) {
    RepaymentLoan loan = payments.loan(loanId);
    AreaAccess.requireRecord(actor, loan);
    StoredPayment p = paymentOf(loan, paymentId);
    List<String> problems = new ArrayList<>();
    String reason = reasonText == null ? "" : reasonText.strip();
    if (reason.isEmpty()) {
      problems.add("กรุณาระบุเหตุผลที่กลับรายการ");
    } else if (reason.length() > MAX_REASON) {
      problems.add("เหตุผลยาวเกิน " + MAX_REASON + " ตัวอักษร");
    } else if (reason.contains("<") || reason.contains(">")) {
      problems.add("เหตุผลมีอักขระที่ไม่อนุญาต (< >)");
    }
    problems.addAll(reversible(loan, p, repo.effectiveAllocations(loanId)));
    if (approvals.pending(ApprovalKind.REVERSAL, loanId).stream()
        .anyMatch(e -> e.paymentId() == paymentId)) {
      problems.add("รายการชำระนี้มีคำขอกลับรายการรออนุมัติอยู่แล้ว");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    var reversed = repo.reversedPayments(loanId); // read once, not once per payment
    long later =
        repo.payments(loanId).stream()
            .filter(q -> q.id() != paymentId && !q.paidOn().isBefore(p.paidOn()))
            .filter(q -> !reversed.contains(q.id()))
            .count();
    String summary =
        "กลับรายการรับชำระ "
            + ThaiMoney.format(p.amount())
            + " วันที่ "
            + ThaiDates.format(p.paidOn())
            + " เลขที่อ้างอิง "
            + p.reference()
            + " ("
            + loan.label()
            + " "
            + loan.groupName()
            + ")\n\n"
            + "- บันทึกการชำระโดย: "
            + p.recordedBy()
            + "\n- ขอกลับรายการโดย: "
            + actor.userId()
            + "\n- เหตุผล: "
            + reason
            + "\n- การชำระหลังจากนั้น "
            + later
            + " รายการจะถูกตัดชำระใหม่ตามลำดับงวด\n"
            + "- รายการเดิมยังคงอยู่ในประวัติ การกลับรายการเป็นรายการใหม่\n";
    ApprovalRequest entry =
        approvals.insert(
            new ApprovalRequest.New(
                ApprovalKind.REVERSAL,
                loan.provinceCode(),
                loan.districtCode(),
                loanId,
                paymentId,
                p.paidOn(),
                p.amount(),
                p.reference(),
                reason,
                p.source().name(),
                null,
                null,
                summary,
                actor.userId()));
    started.accept(entry);
    return entry;
  }

  /**
   * The same request, naming the loan by its contract or application number and the payment by its
   * reference (Tasklist form).
   */
  public ApprovalRequest requestByReference(
      String loanNumber,
      String reference,
      String reasonText,
      Actor actor,
      LocalDate today,
      Consumer<ApprovalRequest> started) {
    RepaymentLoan loan = payments.loanNumbered(loanNumber);
    AreaAccess.requireRecord(actor, loan);
    String ref = reference == null ? "" : reference.strip();
    if (ref.isEmpty()) {
      throw new ThaiValidationException("กรุณากรอกเลขที่อ้างอิงของรายการชำระที่จะกลับรายการ");
    }
    StoredPayment p =
        repo.paymentWithReference(loan.id(), ref)
            .orElseThrow(
                () ->
                    new LoanNotFoundException(
                        "ไม่พบรายการชำระเลขที่อ้างอิง \""
                            + PaymentService.shorten(ref)
                            + "\" ของ"
                            + loan.label()));
    return request(loan.id(), p.id(), reasonText, actor, today, started);
  }

  public RepaymentLoan loanOf(ApprovalRequest entry) {
    return payments.loan(entry.loanId());
  }

  /** What the reversal changed: the new ledger entry and the loan as it now stands. */
  public record Reversal(
      long reversalId, long paymentId, List<Long> reallocatedPayments, LoanBalance after) {}

  /**
   * Checker: the approved reversal. Checked again; the loan's remaining payments are re-allocated
   * from its schedule in date order, the differences written as corrections, the installments
   * recomputed.
   */
  public Reversal applyApproved(ApprovalRequest entry, Actor approver, LocalDate today) {
    RepaymentLoan loan = payments.loan(entry.loanId());
    AreaAccess.requireRecord(approver, loan);
    repo.lock(loan.id());
    StoredPayment reversed = paymentOf(loan, entry.paymentId());
    Map<Long, List<Allocation>> current = repo.effectiveAllocations(loan.id());
    List<String> problems = reversible(loan, reversed, current);
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    Set<Long> gone = repo.reversedPayments(loan.id());
    gone.add(reversed.id());
    List<InterestRate> rateTable = rates.all();

    Replay replay = replay(loan.id(), gone, current, rateTable);
    if (!replay.reproducesStored()) {
      throw new ThaiValidationException(
          "กลับรายการไม่ได้: การตัดชำระตามตารางชำระใหม่หลังปรับโครงสร้างหนี้คำนวณซ้ำไม่ตรงกับที่บันทึกไว้"
              + " กรุณาแจ้งผู้ดูแลระบบ (ไม่มีการเปลี่ยนแปลงใด ๆ)");
    }
    Map<Integer, InstallmentState> state = replay.installments();
    Map<Long, List<Allocation>> replayed = replay.allocations();

    long reversalId =
        repo.insertReversal(
            reversed.id(),
            loan.id(),
            reversed.amount(),
            entry.note(),
            entry.requestedBy(),
            entry.requestedAt(),
            approver.userId());
    repo.insertCorrections(
        reversalId,
        reversed.id(),
        loan.id(),
        current.getOrDefault(reversed.id(), List.of()).stream()
            .map(
                a ->
                    new Allocation(
                        a.seq(),
                        a.defaultInterest().negate(),
                        a.interest().negate(),
                        a.principal().negate(),
                        a.interestWaived().negate()))
            .filter(a -> !a.isEmpty())
            .toList());
    List<Long> reallocated = new ArrayList<>();
    for (Map.Entry<Long, List<Allocation>> e : replayed.entrySet()) {
      List<Allocation> diff = difference(e.getValue(), current.getOrDefault(e.getKey(), List.of()));
      if (!diff.isEmpty()) {
        repo.insertCorrections(reversalId, e.getKey(), loan.id(), diff);
        reallocated.add(e.getKey());
      }
    }
    List<InstallmentState> all =
        state.values().stream().sorted(Comparator.comparingInt(InstallmentState::seq)).toList();
    // the installments a restructuring closed (before the schedule in force) stay as they are
    repo.updateInstallments(
        loan.id(), all.stream().filter(i -> i.seq() >= replay.firstSeq()).toList());
    boolean settled = all.stream().allMatch(i -> i.settledOn() != null);
    if (settled && loan.status() != LoanStatus.CLOSED) {
      loanStatus.repaid(loan.id());
    } else if (!settled && loan.status() == LoanStatus.CLOSED) {
      loanStatus.reopened(loan.id());
    }
    reallocated.sort(null);
    return new Reversal(
        reversalId, reversed.id(), List.copyOf(reallocated), payments.balance(loan.id(), today));
  }

  /**
   * The installments and each payment's allocation after replaying the loan's payments but {@code
   * gone}; {@code firstSeq} the first installment of the schedule in force (the ones before it, of
   * a schedule a restructuring closed, are as stored and never change); {@code reproducesStored}
   * whether replaying the payments in force gives back the stored installments of that schedule
   * (checked on a rescheduled loan only, where the default interest carried into its first
   * installment is read back from what is stored).
   */
  record Replay(
      Map<Integer, InstallmentState> installments,
      Map<Long, List<Allocation>> allocations,
      int firstSeq,
      boolean reproducesStored) {}

  /**
   * Replays the loan's payments in date order on its schedule, leaving out {@code gone}, exactly as
   * {@link PaymentService} applied them: default interest accrued to each payment date, only the
   * installments a payment reached keep their accrual. With nothing left out it reproduces the
   * stored installments ({@code DemoRepaymentsTest} checks that on the demo's loans).
   *
   * <p>On a rescheduled loan ({@link Rescheduling}) the replay starts on the latest decision day:
   * the installments the decision closed (and those settled before) stay as stored; the new
   * schedule's start from nothing paid, its first with the default interest the decision carried
   * into it; only the payments allocated to the new schedule are replayed.
   */
  Replay replay(
      long loanId,
      Set<Long> gone,
      Map<Long, List<Allocation>> current,
      List<InterestRate> rateTable) {
    List<InstallmentState> stored = repo.installments(loanId);
    LocalDate transfer = repo.loan(loanId).orElseThrow().transferDate();
    List<StoredPayment> all = repo.payments(loanId);
    Optional<RepaymentRepository.LatestSchedule> latest = repo.latestSchedule(loanId);
    if (latest.isEmpty()) {
      return replayOn(stored, transfer, Integer.MIN_VALUE, ZERO, all, gone, current, rateTable);
    }
    int firstSeq = latest.get().firstSeq();
    List<StoredPayment> onIt = paymentsOn(all, firstSeq, current);
    Set<Long> reversedBefore = repo.reversedPayments(loanId);
    Map<Integer, InstallmentState> storedNew = new HashMap<>();
    stored.stream().filter(i -> i.seq() >= firstSeq).forEach(i -> storedNew.put(i.seq(), i));
    InstallmentState first = storedNew.get(firstSeq);
    // what Rescheduling wrote on the first new installment is still there until a payment accrues
    // default interest on it after its due date; then it was either what the closed installments
    // left unpaid (carried) or nothing (waived), whichever replays to what is stored
    List<BigDecimal> candidates =
        first.accruedUntil() == null
            ? List.of(first.defaultInterest())
            : latest.get().unpaidDefaultClosed().signum() == 0
                ? List.of(ZERO)
                : List.of(latest.get().unpaidDefaultClosed(), ZERO);
    for (BigDecimal carried : candidates) {
      Replay check =
          replayOn(stored, transfer, firstSeq, carried, onIt, reversedBefore, current, rateTable);
      if (sameSchedule(check.installments(), storedNew)) {
        return gone.equals(reversedBefore)
            ? check
            : replayOn(stored, transfer, firstSeq, carried, onIt, gone, current, rateTable);
      }
    }
    Replay unsure =
        replayOn(stored, transfer, firstSeq, candidates.get(0), onIt, gone, current, rateTable);
    return new Replay(unsure.installments(), unsure.allocations(), firstSeq, false);
  }

  /** The same installments, to the satang, from {@code firstSeq} on. */
  private static boolean sameSchedule(
      Map<Integer, InstallmentState> replayed, Map<Integer, InstallmentState> stored) {
    return stored.values().stream().allMatch(i -> same(i, replayed.get(i.seq())));
  }

  private static boolean same(InstallmentState a, InstallmentState b) {
    return b != null
        && a.principalPaid().compareTo(b.principalPaid()) == 0
        && a.interestPaid().compareTo(b.interestPaid()) == 0
        && a.defaultInterest().compareTo(b.defaultInterest()) == 0
        && a.defaultInterestPaid().compareTo(b.defaultInterestPaid()) == 0
        && a.interestWaived().compareTo(b.interestWaived()) == 0
        && java.util.Objects.equals(a.accruedUntil(), b.accruedUntil())
        && java.util.Objects.equals(a.settledOn(), b.settledOn());
  }

  /** The payments allocated to the installments from {@code firstSeq} on (reversed or not). */
  private static List<StoredPayment> paymentsOn(
      List<StoredPayment> payments, int firstSeq, Map<Long, List<Allocation>> current) {
    return payments.stream()
        .filter(
            p ->
                current.getOrDefault(p.id(), List.of()).stream().anyMatch(a -> a.seq() >= firstSeq))
        .toList();
  }

  /**
   * Replays {@code payments} (but {@code gone}) on the installments from {@code firstSeq} on, those
   * starting from nothing paid ({@code firstSeq} with {@code carried} default interest); the
   * installments before {@code firstSeq} are kept as stored.
   */
  private static Replay replayOn(
      List<InstallmentState> stored,
      LocalDate transferDate,
      int firstSeq,
      BigDecimal carried,
      List<StoredPayment> payments,
      Set<Long> gone,
      Map<Long, List<Allocation>> current,
      List<InterestRate> rateTable) {
    Map<Integer, InstallmentState> state = new HashMap<>();
    for (InstallmentState i : stored) {
      if (i.seq() < firstSeq) {
        state.put(i.seq(), i);
      } else {
        InstallmentState fresh =
            InstallmentState.scheduled(i.seq(), i.dueDate(), i.principal(), i.interest());
        state.put(i.seq(), i.seq() == firstSeq ? fresh.carrying(carried) : fresh);
      }
    }
    Map<Integer, LocalDate> starts = Payoff.periodStarts(stored, transferDate);
    Map<Long, List<Allocation>> replayed = new HashMap<>();
    for (StoredPayment p : payments) {
      if (gone.contains(p.id())) {
        continue;
      }
      List<InstallmentState> accrued =
          PaymentAllocator.accrued(
              state.values().stream()
                  .filter(i -> i.seq() >= firstSeq && i.settledOn() == null)
                  .sorted(Comparator.comparingInt(InstallmentState::seq))
                  .toList(),
              p.paidOn(),
              rateTable);
      PaymentAllocator.Result result;
      if (p.source() == PaymentSource.RISK_COVER) {
        try {
          result =
              PaymentAllocator.allocateShares(
                  accrued, current.getOrDefault(p.id(), List.of()), p.paidOn());
        } catch (IllegalArgumentException e) {
          throw new ThaiValidationException(
              "กลับรายการไม่ได้: การชดใช้จากความคุ้มครองความเสี่ยงวันที่ "
                  + ThaiDates.format(p.paidOn())
                  + " จะเกินยอดที่ค้างของงวด กรุณาติดต่อผู้ดูแลระบบ");
        }
      } else {
        result = PaymentAllocator.allocate(accrued, p.amount(), p.paidOn(), starts);
        if (result.unallocated().signum() != 0) {
          throw new IllegalStateException(
              "replayed payment " + p.id() + " left " + result.unallocated());
        }
      }
      Set<Integer> touched = new TreeSet<>();
      result.allocations().forEach(a -> touched.add(a.seq()));
      result.installments().stream()
          .filter(i -> touched.contains(i.seq()))
          .forEach(i -> state.put(i.seq(), i));
      replayed.put(p.id(), result.allocations());
    }
    return new Replay(state, replayed, firstSeq, true);
  }

  /**
   * The loan's installments as its payments in force would make them (read-only: nothing is
   * written).
   */
  @Transactional(readOnly = true)
  public List<InstallmentState> replayedInstallments(long loanId) {
    return replay(
            loanId, repo.reversedPayments(loanId), repo.effectiveAllocations(loanId), rates.all())
        .installments()
        .values()
        .stream()
        .sorted(Comparator.comparingInt(InstallmentState::seq))
        .toList();
  }

  /** new - old per installment, only where something differs. */
  static List<Allocation> difference(List<Allocation> now, List<Allocation> before) {
    Map<Integer, Allocation> b = new HashMap<>();
    before.forEach(a -> b.put(a.seq(), a));
    Map<Integer, Allocation> n = new HashMap<>();
    now.forEach(a -> n.put(a.seq(), a));
    Set<Integer> seqs = new TreeSet<>(b.keySet());
    seqs.addAll(n.keySet());
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Allocation none = new Allocation(0, zero, zero, zero);
    List<Allocation> diff = new ArrayList<>();
    for (int seq : seqs) {
      Allocation x = n.getOrDefault(seq, none);
      Allocation y = b.getOrDefault(seq, none);
      Allocation d =
          new Allocation(
              seq,
              x.defaultInterest().subtract(y.defaultInterest()),
              x.interest().subtract(y.interest()),
              x.principal().subtract(y.principal()),
              x.interestWaived().subtract(y.interestWaived()));
      if (!d.isEmpty()) {
        diff.add(d);
      }
    }
    return diff;
  }

  private StoredPayment paymentOf(RepaymentLoan loan, long paymentId) {
    return repo.payment(paymentId)
        .filter(p -> p.loanId() == loan.id())
        .orElseThrow(
            () ->
                new LoanNotFoundException(
                    "ไม่พบรายการชำระรหัส " + paymentId + " ของ" + loan.label()));
  }

  private List<String> reversible(
      RepaymentLoan loan, StoredPayment p, Map<Long, List<Allocation>> current) {
    List<String> problems = new ArrayList<>();
    if (repo.reversedPayments(loan.id()).contains(p.id())) {
      problems.add(
          "รายการชำระ "
              + ThaiMoney.format(p.amount())
              + " วันที่ "
              + ThaiDates.format(p.paidOn())
              + " กลับรายการไปแล้ว");
    }
    // after a restructuring only a payment on the new schedule can be replayed: one made before
    // was part of the debt the decision carried into that schedule
    repo.latestSchedule(loan.id())
        .filter(
            s ->
                p.paidOn().isBefore(s.from())
                    || current.getOrDefault(p.id(), List.of()).stream()
                        .anyMatch(a -> a.seq() < s.firstSeq()))
        .ifPresent(
            s ->
                problems.add(
                    "รายการชำระวันที่ "
                        + ThaiDates.format(p.paidOn())
                        + " อยู่ก่อนการปรับโครงสร้างหนี้: หนี้ที่เหลือหลังการชำระนี้ยกไปเป็นตารางชำระใหม่แล้ว"
                        + " เมื่อ "
                        + ThaiDates.format(s.from())
                        + " จึงกลับรายการในระบบไม่ได้ กรุณาให้จังหวัดติดต่อกรมการพัฒนาชุมชน"
                        + " (กลับรายการได้เฉพาะการชำระตามตารางชำระใหม่)"));
    if (p.source() == PaymentSource.RISK_COVER) {
      problems.add(
          "การชดใช้จากความคุ้มครองความเสี่ยงกลับรายการด้วยวิธีนี้ไม่ได้ (ต้องแก้ไขผ่านคณะอนุกรรมการฯ จังหวัด)");
    }
    return problems;
  }
}
