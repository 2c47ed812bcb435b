package th.go.cdd.womenfund.riskcover;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.loan.LoanRecords.BorrowerCover;
import th.go.cdd.womenfund.loan.LoanStatus;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.repayment.Allocation;
import th.go.cdd.womenfund.repayment.AreaAccess;
import th.go.cdd.womenfund.repayment.LoanBalance;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.Payoff;
import th.go.cdd.womenfund.repayment.RepaymentLoan;
import th.go.cdd.womenfund.riskcover.DeathClaimRepository.Claim;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Seed 4.2, a borrower dies while repaying: the claim is reported with the death date and
 * certificate, her risk cover is checked (in force, and started on or before the death), and the
 * cover settles her share of the loan's pay-off on the day of her death ({@link Payoff}, issue 13):
 * of every open installment, the unpaid principal and the interest earned up to that day, times her
 * amount / the loan amount, half-up to the satang; her share of the interest not yet earned is
 * forgiven, not paid, and default interest already accrued stays with the group. The rest stays
 * with the group; her family member who acknowledged the loan is told by letter (families have no
 * e-mail in the fund's records).
 */
@Service
@Transactional
public class DeathClaimService {

  public static final String REPORTED = "REPORTED";
  public static final String SETTLED = "SETTLED";
  public static final String NOT_COVERED = "NOT_COVERED";
  public static final String REJECTED = "REJECTED";
  private static final Pattern DOCUMENT_NO = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()]{1,50}");

  private final DeathClaimRepository claims;
  private final PaymentService payments;

  public DeathClaimService(DeathClaimRepository claims, PaymentService payments) {
    this.claims = claims;
    this.payments = payments;
  }

  public record Reported(
      long claimId,
      RepaymentLoan loan,
      boolean covered,
      String summary,
      String familyMember,
      String maskedNationalId) {}

  public record Outcome(
      String status, BigDecimal settled, BigDecimal remainingWithGroup, String summary) {}

  public Reported report(
      String loanNumber,
      String nationalIdText,
      String deathDateText,
      String certificateNo,
      Actor actor,
      LocalDate today) {
    RepaymentLoan loan = payments.loanNumbered(loanNumber);
    AreaAccess.requireRecord(actor, loan);
    List<String> problems = new ArrayList<>();
    NationalId id = collect(problems, () -> NationalId.parse(nationalIdText));
    BorrowerCover borrower = null;
    if (id != null) {
      borrower = claims.borrower(loan.id(), id.value()).orElse(null);
      if (borrower == null) {
        problems.add("เลขประจำตัวประชาชน " + id.masked() + " ไม่ใช่ผู้กู้ของ" + loan.label());
      }
    }
    LocalDate deathDate =
        collect(problems, () -> ThaiDates.parseBuddhist(deathDateText, "วันที่เสียชีวิต"));
    if (deathDate != null && deathDate.isAfter(today)) {
      problems.add("วันที่เสียชีวิต " + ThaiDates.format(deathDate) + " อยู่ในอนาคต");
    } else if (deathDate != null
        && loan.transferDate() != null
        && deathDate.isBefore(loan.transferDate())) {
      problems.add(
          "วันที่เสียชีวิตอยู่ก่อนวันที่โอนเงินกู้ ("
              + ThaiDates.format(loan.transferDate())
              + "): กรณีนี้ไม่ใช่การเสียชีวิตระหว่างชำระหนี้");
    }
    if (certificateNo == null || certificateNo.isBlank()) {
      problems.add("กรุณากรอกเลขที่ใบมรณบัตร");
    } else if (!DOCUMENT_NO.matcher(certificateNo.strip()).matches()) {
      problems.add("เลขที่ใบมรณบัตร ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร");
    }
    if (loan.status() == LoanStatus.CLOSED) {
      problems.add(loan.label() + " ชำระครบและปิดบัญชีแล้ว ไม่มียอดหนี้ให้ความคุ้มครองชดใช้");
    } else if (loan.transferDate() == null) {
      problems.add(loan.label() + " ยังไม่ได้โอนเงินกู้");
    }
    if (borrower != null) {
      BorrowerCover b = borrower;
      claims
          .activeClaim(loan.id(), b.memberId())
          .ifPresent(
              c ->
                  problems.add(
                      "ได้แจ้งการเสียชีวิตของ"
                          + b.fullName()
                          + " สำหรับ"
                          + loan.label()
                          + " ไว้แล้ว (สถานะ: "
                          + statusTh(c.status())
                          + ")"));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    Payoff payoff = payments.payoff(loan.id(), deathDate);
    BigDecimal outstanding = payoff.principal().add(payoff.interest());
    List<Allocation> shares = shares(payoff, borrower.amount(), loan.amount());
    BigDecimal herShare = total(shares);
    boolean covered =
        Boolean.TRUE.equals(borrower.coverInForce())
            && borrower.coverFrom() != null
            && !borrower.coverFrom().isAfter(deathDate);
    long claimId =
        claims.insert(
            loan.id(),
            borrower.memberId(),
            deathDate,
            certificateNo.strip(),
            today,
            actor == null ? "system" : actor.userId(),
            borrower.amount(),
            loan.amount(),
            outstanding,
            herShare,
            covered);
    String family =
        borrower.relation() == null
            ? "ไม่มีบันทึกการรับทราบของครอบครัว"
            : borrower.relation().labelTh() + " " + borrower.acknowledgedBy();
    BigDecimal pct =
        borrower
            .amount()
            .multiply(BigDecimal.valueOf(100))
            .divide(loan.amount(), 2, RoundingMode.HALF_UP);
    String summary =
        "**แจ้งการเสียชีวิตของผู้กู้** "
            + loan.label()
            + " ("
            + loan.groupName()
            + ")\n\n"
            + "- ผู้กู้: "
            + borrower.fullName()
            + " ("
            + borrower.nationalId().masked()
            + ") ยอดกู้ของผู้กู้ "
            + ThaiMoney.format(borrower.amount())
            + " จากวงเงิน "
            + ThaiMoney.format(loan.amount())
            + " (สัดส่วนร้อยละ "
            + pct.toPlainString()
            + ")\n"
            + "- เสียชีวิตเมื่อ "
            + ThaiDates.format(deathDate)
            + " ใบมรณบัตรเลขที่ "
            + certificateNo.strip()
            + "\n"
            + "- ผู้รับทราบการกู้ในครอบครัว: "
            + family
            + "\n"
            + "- ความคุ้มครองความเสี่ยง: "
            + coverText(borrower, covered)
            + "\n"
            + "- ยอดหนี้คงเหลือของกลุ่ม ณ วันที่เสียชีวิต (เงินต้นและดอกเบี้ยถึงวันนั้น): "
            + ThaiMoney.format(outstanding)
            + "\n"
            + "- ส่วนของผู้กู้ที่ความคุ้มครองชดใช้ได้: "
            + ThaiMoney.format(herShare)
            + "\n";
    return new Reported(claimId, loan, covered, summary, family, borrower.nationalId().masked());
  }

  public void linkProcess(long claimId, String processInstanceId) {
    claims.linkProcess(claimId, processInstanceId);
  }

  /** The loan a claim is about. */
  public long loanOf(long claimId) {
    return claims.find(claimId).loanId();
  }

  /**
   * The province approved: the cover pays her share of each open installment as it stands today,
   * interest earned up to the day of her death.
   */
  public Outcome settle(long claimId, String by, LocalDate today) {
    Claim c = claims.find(claimId);
    BorrowerCover b = borrowerOf(c);
    RepaymentLoan loan = payments.loan(c.loanId());
    List<Allocation> shares =
        shares(payments.payoff(c.loanId(), c.deathDate()), b.amount(), loan.amount());
    BigDecimal settled = total(shares);
    if (settled.signum() > 0) {
      payments.recordCoverSettlement(
          c.loanId(),
          today,
          shares,
          "RC-" + claimId,
          "ความคุ้มครองความเสี่ยงชดใช้ส่วนของ"
              + b.fullName()
              + " (เสียชีวิต "
              + ThaiDates.format(c.deathDate())
              + ")",
          by,
          today);
    }
    claims.endCover(c.loanId(), c.memberId());
    LoanBalance after = payments.balance(c.loanId(), today);
    claims.decide(claimId, SETTLED, settled, after.payoff(), null);
    String summary =
        "ความคุ้มครองความเสี่ยงชดใช้ส่วนของ"
            + b.fullName()
            + " "
            + ThaiMoney.format(settled)
            + " เมื่อ "
            + ThaiDates.format(today)
            + " ยอดหนี้ที่เหลือเป็นของกลุ่ม "
            + ThaiMoney.format(after.payoff())
            + " ทายาทไม่ต้องรับภาระหนี้ส่วนของผู้กู้";
    return new Outcome(SETTLED, settled, after.payoff(), summary);
  }

  /** No cover in force, or the province refused: everything still owed stays with the group. */
  public Outcome noPayout(long claimId, boolean rejected, String reason, LocalDate today) {
    Claim c = claims.find(claimId);
    LoanBalance balance = payments.balance(c.loanId(), today);
    String status = rejected ? REJECTED : NOT_COVERED;
    String why =
        rejected
            ? "คณะอนุกรรมการกองทุนฯ จังหวัดไม่อนุมัติการชดใช้: " + reason
            : "ผู้กู้ไม่มีความคุ้มครองความเสี่ยงที่มีผล ณ วันที่เสียชีวิต";
    claims.decide(claimId, status, BigDecimal.ZERO.setScale(2), balance.payoff(), why);
    String summary =
        why
            + " ยอดหนี้ทั้งหมด "
            + ThaiMoney.format(balance.payoff())
            + " ยังเป็นของกลุ่ม"
            + " (กลุ่มและเจ้าหน้าที่อำเภอหารือแนวทางชำระต่อไป)";
    return new Outcome(status, BigDecimal.ZERO.setScale(2), balance.payoff(), summary);
  }

  /** The provincial sub-committee's review: APPROVE, or REJECT with a reason. */
  public boolean approved(String decisionText, String reason) {
    String d = decisionText == null ? "" : decisionText.strip();
    if (!d.equals("APPROVE") && !d.equals("REJECT")) {
      throw new ThaiValidationException("กรุณาเลือกผลการพิจารณาการชดใช้จากความคุ้มครอง");
    }
    if (d.equals("REJECT") && (reason == null || reason.isBlank())) {
      throw new ThaiValidationException("กรุณาระบุเหตุผลที่ไม่อนุมัติการชดใช้");
    }
    if (reason != null
        && (reason.length() > 1000 || reason.contains("<") || reason.contains(">"))) {
      throw new ThaiValidationException(
          "เหตุผลยาวเกิน 1000 ตัวอักษรหรือมีอักขระที่ไม่อนุญาต (< >)");
    }
    return d.equals("APPROVE");
  }

  /** The official letter to the family member who acknowledged the loan. */
  public void recordLetter(long claimId, String letterNo, String dateText, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (letterNo == null || letterNo.isBlank()) {
      problems.add("กรุณากรอกเลขที่หนังสือแจ้งครอบครัว");
    } else if (!DOCUMENT_NO.matcher(letterNo.strip()).matches()) {
      problems.add("เลขที่หนังสือ ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร");
    }
    LocalDate date = collect(problems, () -> ThaiDates.parseBuddhist(dateText, "วันที่ส่งหนังสือ"));
    if (date != null && date.isAfter(today)) {
      problems.add("วันที่ส่งหนังสือ " + ThaiDates.format(date) + " อยู่ในอนาคต");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    claims.recordLetter(claimId, letterNo.strip(), date);
  }

  /**
   * Her share of each open installment of the pay-off: unpaid principal and interest earned times
   * amount / loan, half-up; of the interest not yet earned, her share (the same ratio of the
   * installment's unpaid interest, less what she pays of it) is forgiven.
   */
  public static List<Allocation> shares(
      Payoff payoff, BigDecimal borrowerAmount, BigDecimal loanAmount) {
    List<Allocation> shares = new ArrayList<>();
    for (Allocation part : payoff.parts()) {
      BigDecimal principal = share(part.principal(), borrowerAmount, loanAmount);
      BigDecimal interest = share(part.interest(), borrowerAmount, loanAmount);
      BigDecimal waived =
          share(part.interest().add(part.interestWaived()), borrowerAmount, loanAmount)
              .subtract(interest);
      shares.add(
          new Allocation(part.seq(), BigDecimal.ZERO.setScale(2), interest, principal, waived));
    }
    return shares;
  }

  private static BigDecimal share(
      BigDecimal amount, BigDecimal borrowerAmount, BigDecimal loanAmount) {
    return amount.multiply(borrowerAmount).divide(loanAmount, 2, RoundingMode.HALF_UP);
  }

  static BigDecimal total(List<Allocation> shares) {
    return shares.stream()
        .map(Allocation::total)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private BorrowerCover borrowerOf(Claim c) {
    return claims.borrower(c.loanId(), claims.nationalIdOf(c.memberId())).orElseThrow();
  }

  static String coverText(BorrowerCover b, boolean covered) {
    if (covered) {
      return "มีผลตั้งแต่ "
          + ThaiDates.format(b.coverFrom())
          + " ผู้รับประโยชน์ "
          + b.beneficiary();
    }
    if (b.coverInForce() == null) {
      return "ไม่มีความคุ้มครองความเสี่ยงของผู้กู้รายนี้";
    }
    return Boolean.FALSE.equals(b.coverInForce())
        ? "ความคุ้มครองสิ้นสุดแล้ว"
        : "ความคุ้มครองเริ่มมีผล " + ThaiDates.format(b.coverFrom()) + " หลังวันที่เสียชีวิต";
  }

  static String statusTh(String status) {
    return switch (status) {
      case REPORTED -> "รอพิจารณา";
      case SETTLED -> "ชดใช้แล้ว";
      case NOT_COVERED -> "ไม่มีความคุ้มครอง";
      case REJECTED -> "ไม่อนุมัติ";
      default -> status;
    };
  }
}
