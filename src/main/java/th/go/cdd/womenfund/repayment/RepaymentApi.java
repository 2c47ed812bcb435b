package th.go.cdd.womenfund.repayment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.approval.MoneyApprovalSteps;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.RecordedPayment;
import th.go.cdd.womenfund.repayment.PaymentService.Submitted;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Repayments over REST ({@code /api}, HTTP Basic like {@code /engine-rest}): a loan's balance,
 * recording a payment, importing a bank statement (preview, then apply). An officer acts only on
 * her district's loans (a province officer on her province's); anything else is 403. Bad input is
 * 400 with every problem in Thai; an import with refused rows is 422 with the per-row report.
 */
@RestController
@RequestMapping("/api")
public class RepaymentApi {

  private final PaymentService payments;
  private final BankStatementImport statements;
  private final CurrentActor currentActor;
  private final MoneyApprovalSteps approvals;
  private final PaymentReversals reversals;
  private final TransactionTemplate tx;

  public RepaymentApi(
      PaymentService payments,
      BankStatementImport statements,
      CurrentActor currentActor,
      MoneyApprovalSteps approvals,
      PaymentReversals reversals,
      PlatformTransactionManager transactions) {
    this.reversals = reversals;
    this.payments = payments;
    this.statements = statements;
    this.currentActor = currentActor;
    this.approvals = approvals;
    this.tx = new TransactionTemplate(transactions);
  }

  /** An entry stored to wait for a second person's approval (HTTP 202). */
  public record PendingView(
      long approvalId,
      String kind,
      String status,
      Long loanId,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      String requestedBy,
      String messageTh) {

    static PendingView of(ApprovalRequest e, String messageTh) {
      return new PendingView(
          e.id(),
          e.kind().name(),
          e.status().name(),
          e.loanId(),
          e.paidOn(),
          e.amount(),
          e.reference(),
          e.requestedBy(),
          messageTh);
    }
  }

  /** The body of a payment: date วว/ดด/ปปปป (พ.ศ.), amount as text or number. */
  public record PaymentRequest(String paidOn, String amount, String reference, String note) {}

  /**
   * {@code interestWaived}: the installment's interest a settlement before its due date forgave
   * (not paid).
   */
  public record AllocationView(
      int installment,
      BigDecimal defaultInterest,
      BigDecimal interest,
      BigDecimal principal,
      BigDecimal interestWaived) {}

  public record PaymentView(
      long paymentId,
      long loanId,
      String applicationNo,
      String contractNo,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      String source,
      List<AllocationView> allocations,
      boolean arrearsCleared,
      boolean loanClosed,
      LoanBalance balance,
      String summaryTh) {

    static PaymentView of(RecordedPayment p) {
      return new PaymentView(
          p.paymentId(),
          p.loan().id(),
          p.loan().applicationNo(),
          p.loan().contractNo(),
          p.paidOn(),
          p.amount(),
          p.reference(),
          p.source().name(),
          p.allocations().stream()
              .map(
                  a ->
                      new AllocationView(
                          a.seq(),
                          a.defaultInterest(),
                          a.interest(),
                          a.principal(),
                          a.interestWaived()))
              .toList(),
          p.arrearsCleared(),
          p.loanClosed(),
          p.after(),
          p.summaryTh());
    }
  }

  public record BalanceView(
      long loanId,
      String applicationNo,
      String contractNo,
      String groupName,
      String districtCode,
      String status,
      LoanBalance balance,
      String summaryTh) {}

  /**
   * The loan's audit trail: payments (who keyed, who approved), reversals (who asked, who approved,
   * when, why) and entries that waited for approval, oldest first. Read like the balance: the
   * loan's district and province.
   */
  @GetMapping("/loans/{loanId}/ledger")
  public List<RepaymentRepository.LedgerLine> ledger(@PathVariable long loanId) {
    AreaAccess.readable(actor(), payments, loanId); // another area's loan and no loan answer alike
    return payments.ledger(loanId);
  }

  /**
   * The loan's balance today, or on {@code asOf} (วว/ดด/ปปปป พ.ศ., not before the transfer): its
   * {@code payoff} is what settles the loan on that day (interest only up to it), the amount a
   * payment of that day closes it with.
   */
  @GetMapping("/loans/{loanId}/balance")
  public BalanceView balance(
      @PathVariable long loanId, @RequestParam(required = false) String asOf) {
    RepaymentLoan loan = AreaAccess.readable(actor(), payments, loanId);
    LocalDate day = EngineClock.today();
    if (asOf != null && !asOf.isBlank()) {
      day = ThaiDates.parseBuddhist(asOf.strip(), "วันที่ที่ขอดูยอด (asOf)");
      if (loan.transferDate() == null) {
        throw new ThaiValidationException(loan.label() + " ยังไม่ได้โอนเงินกู้ จึงยังไม่มียอดหนี้");
      }
      if (day.isBefore(loan.transferDate())) {
        throw new ThaiValidationException(
            "วันที่ที่ขอดูยอด ("
                + ThaiDates.format(day)
                + ") ต้องไม่ก่อนวันที่โอนเงินกู้ ("
                + ThaiDates.format(loan.transferDate())
                + ")");
      }
    }
    LoanBalance b = payments.balance(loanId, day);
    return new BalanceView(
        loan.id(),
        loan.applicationNo(),
        loan.contractNo(),
        loan.groupName(),
        loan.districtCode(),
        loan.status().name(),
        b,
        b.summaryTh());
  }

  /**
   * 201 with how the payment was applied; above {@code womenfund.repayment.approval-threshold} 202:
   * stored as pending (balances unchanged) and offered to a second officer in Tasklist.
   */
  @PostMapping(path = "/loans/{loanId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> record(@PathVariable long loanId, @RequestBody PaymentRequest body) {
    Actor actor = actor();
    AreaAccess.recordable(actor, payments, loanId); // another area's loan and no loan answer alike
    Submitted s =
        tx.execute(
            status -> {
              Submitted submitted =
                  payments.submit(
                      loanId,
                      new PaymentInput(
                          null, body.paidOn(), body.amount(), body.reference(), body.note()),
                      PaymentSource.API,
                      actor,
                      EngineClock.today());
              if (submitted.waitsForApproval()) {
                approvals.start(submitted.pending());
              }
              return submitted;
            });
    if (s.waitsForApproval()) {
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .body(
              PendingView.of(
                  s.pending(),
                  "บันทึกการรับชำระ "
                      + ThaiMoney.format(s.pending().amount())
                      + " แล้ว รอการอนุมัติ: จำนวนเงินเกินวงเงิน"
                      + " ที่ต้องให้เจ้าหน้าที่พัฒนาชุมชนอำเภอหรือจังหวัดอีกคนหนึ่งอนุมัติใน Tasklist ก่อน"
                      + " ยอดหนี้จะเปลี่ยนเมื่อได้รับอนุมัติแล้วเท่านั้น"));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(PaymentView.of(s.recorded()));
  }

  /** The body of a reversal request: why the payment is to be reversed. */
  public record ReversalRequest(String reason) {}

  /**
   * Asks to reverse a recorded payment (a wrongly keyed one): 202, waiting for a second officer's
   * approval in Tasklist; on approval the reversal is a new ledger entry and the loan's later
   * payments are re-allocated.
   */
  @PostMapping(
      path = "/loans/{loanId}/payments/{paymentId}/reversal",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PendingView> reverse(
      @PathVariable long loanId, @PathVariable long paymentId, @RequestBody ReversalRequest body) {
    AreaAccess.recordable(
        actor(), payments, loanId); // another area's loan and no loan answer alike, naming nothing
    ApprovalRequest e =
        reversals.request(
            loanId, paymentId, body.reason(), actor(), EngineClock.today(), approvals::start);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            PendingView.of(
                e,
                "บันทึกคำขอกลับรายการรับชำระ "
                    + ThaiMoney.format(e.amount())
                    + " แล้ว รอการอนุมัติ: เจ้าหน้าที่พัฒนาชุมชนอำเภอหรือจังหวัดอีกคนหนึ่งต้องอนุมัติใน"
                    + " Tasklist ก่อน ยอดหนี้จะเปลี่ยนเมื่อได้รับอนุมัติแล้วเท่านั้น"));
  }

  /**
   * A statement as the request body ({@code text/csv} or {@code text/plain}, UTF-8 unless the type
   * names another charset). Read as it streams in: never more than the path's size limit nor more
   * rows than the cap.
   */
  @PostMapping(
      path = "/repayments/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  public ResponseEntity<BankStatementImport.Report> importText(
      HttpServletRequest request, @RequestParam(defaultValue = "false") boolean apply)
      throws IOException {
    Charset charset = StandardCharsets.UTF_8;
    try {
      Charset named =
          request.getContentType() == null
              ? null
              : MediaType.parseMediaType(request.getContentType()).getCharset();
      charset = named == null ? charset : named;
    } catch (RuntimeException e) {
      // an unknown charset: read as UTF-8, the file's rows then show what is wrong
    }
    return importStatement(new InputStreamReader(request.getInputStream(), charset), apply);
  }

  /**
   * A statement uploaded as the form field {@code file} (bounded by the container's multipart
   * limits).
   */
  @PostMapping(path = "/repayments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<BankStatementImport.Report> importFile(
      @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean apply)
      throws IOException {
    return importStatement(
        new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), apply);
  }

  /**
   * {@code apply=true} no longer applies: a statement whose rows are all accepted waits for
   * approval (202).
   */
  private ResponseEntity<BankStatementImport.Report> importStatement(Reader source, boolean apply) {
    String csv = BankStatementImport.read(source);
    Actor actor = actor();
    BankStatementImport.Report report =
        apply
            ? statements.request(csv, actor, EngineClock.today(), approvals::start)
            : statements.preview(csv, actor, EngineClock.today());
    return ResponseEntity.status(
            report.refusedRows() > 0
                ? HttpStatus.UNPROCESSABLE_ENTITY
                : report.waitsForApproval() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(report);
  }

  private Actor actor() {
    return currentActor.get().orElseThrow(() -> new ThaiValidationException("กรุณาเข้าสู่ระบบ"));
  }
}
