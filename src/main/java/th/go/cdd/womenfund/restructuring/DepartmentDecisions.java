package th.go.cdd.womenfund.restructuring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.loan.LoanStatusChanges;
import th.go.cdd.womenfund.overdue.RescheduledLoans;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.Rescheduling;
import th.go.cdd.womenfund.repayment.Rescheduling.Outcome;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Debtor;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.DecidedLoan;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Package;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Reschedule;
import th.go.cdd.womenfund.restructuring.RestructuringTerms.Rule;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The Department's decision on a district's package, per applying debtor, as the province office
 * records it from the Department's letter. The new terms are the fund's rules ({@link
 * RestructuringTerms}), not typed by anyone. An approved loan is rescheduled from the letter's date
 * ({@link Rescheduling}), its overdue follow-up ends ({@link RescheduledLoans}) and it is repaying
 * again ({@link LoanStatusChanges#rescheduled}). A rejected loan keeps its schedule; one the
 * sub-committee had handed over (RESTRUCTURING) goes back to the ordinary repayment, so the nightly
 * scan follows it up again and the sub-committee may then decide on legal action. All borrowers of
 * one loan share its schedule, so they get one decision. Knows nothing of the engine.
 */
@Service
@Transactional
public class DepartmentDecisions {

  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
  private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()]{1,50}");
  private static final Pattern LINE =
      Pattern.compile("(\\d{1,4})\\s*[,\\t ]\\s*(ไม่อนุมัติ|อนุมัติ)\\s*[,\\t ]?\\s*(.*)");

  private final RestructuringRepository repo;
  private final RestructuringTerms terms;
  private final Rescheduling rescheduling;
  private final PaymentService payments;
  private final LoanStatusChanges loanStatus;
  private final RescheduledLoans followUps;

  public DepartmentDecisions(
      RestructuringRepository repo,
      RestructuringTerms terms,
      Rescheduling rescheduling,
      PaymentService payments,
      LoanStatusChanges loanStatus,
      RescheduledLoans followUps) {
    this.repo = repo;
    this.terms = terms;
    this.rescheduling = rescheduling;
    this.payments = payments;
    this.loanStatus = loanStatus;
    this.followUps = followUps;
  }

  /** What was decided: the loans rescheduled and rejected, and the text the process shows. */
  public record Result(
      List<Long> rescheduled, List<Long> rejected, BigDecimal carried, String summary) {}

  /**
   * The terms the rules give each applying loan if the Department approves on {@code day}, as the
   * form shows them.
   */
  @Transactional(readOnly = true)
  public String proposal(long packageId, LocalDate day) {
    Map<Long, List<Debtor>> byLoan = applyingByLoan(packageId);
    StringBuilder s =
        new StringBuilder(
            "**เงื่อนไขใหม่ตามตาราง restructuring-terms หากกรมอนุมัติ (คำนวณ ณ วันที่ "
                + ThaiDates.format(day)
                + "; ตารางใหม่เริ่มวันที่ในหนังสือของกรม)**\n\n");
    for (Map.Entry<Long, List<Debtor>> e : byLoan.entrySet()) {
      s.append("- ลำดับที่ ")
          .append(seqs(e.getValue()))
          .append(" สัญญา ")
          .append(e.getValue().get(0).applicationNo())
          .append(": ");
      try {
        Rule rule = rule(e.getKey(), day);
        s.append(rescheduling.preview(e.getKey(), day, rule.terms()).summaryTh())
            .append(" (")
            .append(rule.reason())
            .append(")\n");
      } catch (ThaiValidationException ex) {
        s.append(String.join(" ", ex.problems())).append('\n');
      }
    }
    s.append(
            "\nพิมพ์ผลของกรมบรรทัดละ 1 คน: \"ลำดับที่ อนุมัติ\" หรือ \"ลำดับที่ ไม่อนุมัติ เหตุผล\"")
        .append(" เช่น \"3 อนุมัติ\"");
    return s.toString();
  }

  public Result record(
      long packageId,
      String letterNoText,
      String letterDateText,
      String decisionsText,
      String recordedBy,
      LocalDate today) {
    Package p = repo.pkg(packageId).orElseThrow();
    List<String> problems = new ArrayList<>();
    String letterNo = letterNoText == null ? "" : letterNoText.strip();
    if (!REFERENCE.matcher(letterNo).matches()) {
      problems.add(
          "กรุณากรอกเลขที่หนังสือของกรม (ตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร)"
              + " เช่น มท 0410.5/1234");
    }
    LocalDate letterDate =
        ThaiValidationException.collect(
            problems, () -> ThaiDates.parseBuddhist(letterDateText, "วันที่หนังสือของกรม"));
    if (letterDate != null && letterDate.isAfter(today)) {
      problems.add("วันที่หนังสือของกรมอยู่ในอนาคต");
    }
    if (letterDate != null && p.letterDate() != null && letterDate.isBefore(p.letterDate())) {
      problems.add(
          "วันที่หนังสือของกรมต้องไม่ก่อนวันที่จังหวัดส่งกรม ("
              + ThaiDates.format(p.letterDate())
              + ")");
    }
    Map<Long, List<Debtor>> byLoan = applyingByLoan(packageId);
    Map<Integer, Debtor> bySeq = new HashMap<>();
    byLoan.values().forEach(list -> list.forEach(d -> bySeq.put(d.seq(), d)));
    Map<Debtor, String> decided = new LinkedHashMap<>();
    Map<Debtor, String> notes = new HashMap<>();
    List<String> lines =
        decisionsText == null
            ? List.of()
            : decisionsText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > 500) {
      throw new ThaiValidationException("ผลการพิจารณามีได้ไม่เกิน 500 บรรทัด");
    }
    for (int i = 0; i < lines.size(); i++) {
      String where = "บรรทัดที่ " + (i + 1);
      Matcher m = LINE.matcher(lines.get(i));
      if (!m.matches()) {
        problems.add(where + ": พิมพ์ \"ลำดับที่ อนุมัติ\" หรือ \"ลำดับที่ ไม่อนุมัติ เหตุผล\"");
        continue;
      }
      Debtor d = bySeq.get(Integer.parseInt(m.group(1)));
      if (d == null) {
        problems.add(
            where + ": ลำดับที่ " + m.group(1) + " ไม่ใช่ผู้ขอปรับโครงสร้างหนี้ในเอกสารชุดนี้");
        continue;
      }
      if (decided.containsKey(d)) {
        problems.add(where + ": ลำดับที่ " + m.group(1) + " ซ้ำ");
        continue;
      }
      String note = m.group(3).strip();
      if (note.length() > 1000 || note.contains("<") || note.contains(">")) {
        problems.add(where + ": เหตุผลยาวเกิน 1,000 ตัวอักษร หรือมีอักขระที่ไม่อนุญาต (< >)");
      }
      decided.put(d, m.group(2).equals("อนุมัติ") ? APPROVED : REJECTED);
      notes.put(d, note.isEmpty() ? null : note);
    }
    List<Integer> missing =
        bySeq.values().stream()
            .filter(d -> !decided.containsKey(d))
            .map(Debtor::seq)
            .sorted()
            .toList();
    if (!missing.isEmpty()) {
      problems.add(
          "ยังไม่ได้บันทึกผลของลำดับที่ "
              + missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
              + " (กรมพิจารณาผู้ขอทุกคน)");
    }
    for (List<Debtor> borrowers : byLoan.values()) {
      if (borrowers.stream().filter(decided::containsKey).map(decided::get).distinct().count()
          > 1) {
        problems.add(
            "ลำดับที่ "
                + seqs(borrowers)
                + " เป็นผู้กู้สัญญาเดียวกัน ("
                + borrowers.get(0).applicationNo()
                + ") ใช้ตารางชำระเดียวกัน ต้องได้ผลเดียวกัน");
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    List<Long> rescheduled = new ArrayList<>();
    List<Long> rejected = new ArrayList<>();
    BigDecimal carried = BigDecimal.ZERO.setScale(2);
    StringBuilder text =
        new StringBuilder(
            "**ผลการพิจารณาของกรม หนังสือเลขที่ "
                + letterNo
                + " ลงวันที่ "
                + ThaiDates.format(letterDate)
                + "**\n\n");
    for (Map.Entry<Long, List<Debtor>> e : byLoan.entrySet()) {
      long loanId = e.getKey();
      DecidedLoan loan = repo.decidedLoan(loanId);
      boolean approved = APPROVED.equals(decided.get(e.getValue().get(0)));
      e.getValue().forEach(d -> repo.recordDecision(d.id(), decided.get(d), notes.get(d)));
      text.append("- สัญญา ")
          .append(loan.applicationNo())
          .append(" (ลำดับที่ ")
          .append(seqs(e.getValue()))
          .append("): ");
      if (approved) {
        Rule rule = rule(loanId, letterDate);
        Outcome o = rescheduling.reschedule(loanId, letterDate, rule.terms());
        repo.insertReschedule(
            new Reschedule(
                loanId,
                packageId,
                loan.districtCode(),
                loan.provinceCode(),
                letterDate,
                letterNo,
                o.principal(),
                o.carriedInterest(),
                o.waivedInterest(),
                o.carriedDefaultInterest(),
                o.waivedDefaultInterest(),
                o.newInterest(),
                o.firstSeq(),
                o.installments().size(),
                o.frequency().name(),
                o.termMonths(),
                rule.reason(),
                recordedBy));
        loanStatus.rescheduled(loanId);
        followUps.endFollowUp(loanId, loan.applicationNo(), letterDate);
        rescheduled.add(loanId);
        carried = carried.add(o.carried());
        text.append("อนุมัติ ตารางชำระใหม่: ").append(o.summaryTh()).append('\n');
      } else {
        if ("RESTRUCTURING".equals(loan.status())) {
          loanStatus.restructuringRejected(loanId);
        }
        rejected.add(loanId);
        text.append("ไม่อนุมัติ ชำระตามตารางเดิมและติดตามหนี้ตามปกติ").append('\n');
      }
    }
    text.append("\nปรับโครงสร้างหนี้แล้ว ")
        .append(rescheduled.size())
        .append(" สัญญา ยอดหนี้ที่ยกไปตารางใหม่ ")
        .append(ThaiMoney.format(carried))
        .append('\n');
    repo.markDecided(packageId, letterNo, letterDate, today);
    return new Result(List.copyOf(rescheduled), List.copyOf(rejected), carried, text.toString());
  }

  private Rule rule(long loanId, LocalDate day) {
    DecidedLoan loan = repo.decidedLoan(loanId);
    return terms.evaluate(payments.balance(loanId, day).daysOverdue(), loan.status());
  }

  private Map<Long, List<Debtor>> applyingByLoan(long packageId) {
    Map<Long, List<Debtor>> byLoan = new LinkedHashMap<>();
    for (Debtor d : repo.debtors(packageId)) {
      if (d.applies()) {
        byLoan.computeIfAbsent(d.loanId(), k -> new ArrayList<>()).add(d);
      }
    }
    return byLoan;
  }

  private static String seqs(List<Debtor> debtors) {
    return debtors.stream()
        .map(d -> String.valueOf(d.seq()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
