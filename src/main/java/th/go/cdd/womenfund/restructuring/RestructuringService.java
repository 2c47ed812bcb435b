package th.go.cdd.womenfund.restructuring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.holiday.HolidayRepository;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Debtor;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.DocumentType;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.LoanDebt;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Package;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * A province's debt restructuring round: each district's candidates (from the loan data and the
 * eligibility table), its package of applicants with their documents, the province's receipt and
 * the deadline it starts, the submission to the Department and the sub-committee's acknowledgement.
 * Knows nothing of the engine.
 */
@Service
@Transactional
public class RestructuringService {

  private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()]{1,50}");

  private final RestructuringRepository repo;
  private final HolidayRepository holidays;
  private final RestructuringRules rules;
  private final AreaRepository areas;
  private final RestructuringSettings settings;

  public RestructuringService(
      RestructuringRepository repo,
      HolidayRepository holidays,
      RestructuringRules rules,
      AreaRepository areas,
      RestructuringSettings settings) {
    this.repo = repo;
    this.holidays = holidays;
    this.rules = rules;
    this.areas = areas;
    this.settings = settings;
  }

  public record OpenedRound(
      long roundId, String provinceCode, String provinceName, List<String> districtCodes) {}

  public record Candidates(
      long packageId, String districtName, String summary, String legend, int count) {}

  public record PackageResult(boolean hasPackage, String summary, BigDecimal total) {}

  public record Receipt(LocalDate receivedOn, LocalDate due) {}

  public OpenedRound openRound(
      String title, String provinceCodeText, String announcement, Actor actor, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (title == null || title.isBlank() || title.length() > 300 || title.contains("<")) {
      problems.add("กรุณากรอกชื่อรอบการปรับโครงสร้างหนี้ (ไม่เกิน 300 ตัวอักษร)");
    }
    if (announcement == null
        || announcement.isBlank()
        || announcement.length() > 500
        || announcement.contains("<")) {
      problems.add("กรุณากรอกประกาศที่ใช้อ้างอิง (ไม่เกิน 500 ตัวอักษร)");
    }
    String code = provinceCodeText == null ? "" : provinceCodeText.strip();
    Province province = code.matches("\\d{2}") ? areas.province(code).orElse(null) : null;
    if (province == null) {
      problems.add("ไม่พบจังหวัดรหัส \"" + code + "\": กรุณากรอกรหัสจังหวัด 2 หลัก เช่น 23 = ตราด");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    if (actor == null
        || !(actor.isAdmin() || actor.groups().contains(Roles.provinceOfficers(code)))) {
      throw new ThaiValidationException(
          "ท่านไม่มีสิทธิ์เปิดรอบการปรับโครงสร้างหนี้ของจังหวัด"
              + province.nameTh()
              + ": เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดนั้นเท่านั้น");
    }
    long roundId = repo.insertRound(code, title.strip(), announcement.strip(), today);
    List<String> districts = areas.districtsOf(code).stream().map(District::code).toList();
    return new OpenedRound(roundId, code, province.nameTh(), districts);
  }

  public void linkProcess(long roundId, String processInstanceId) {
    repo.linkProcess(roundId, processInstanceId);
  }

  public void linkPackageProcess(long packageId, String processInstanceId) {
    repo.linkPackageProcess(packageId, processInstanceId);
  }

  /**
   * The loan's district's packages being prepared, with their candidates read again (a loan was
   * handed over).
   */
  public Map<String, String> refreshForLoan(long loanId, LocalDate today) {
    Map<String, String> byInstance = new LinkedHashMap<>();
    String district = repo.decidedLoan(loanId).districtCode();
    for (RestructuringRepository.Preparing p : repo.preparing(district)) {
      Candidates c = refreshCandidates(p.packageId(), today);
      if (p.processInstanceId() != null) {
        byInstance.put(p.processInstanceId(), c.summary());
      }
    }
    return byInstance;
  }

  /** Creates the district's package and lists its eligible candidates, numbered for the officer. */
  public Candidates prepare(long roundId, String districtCode, LocalDate today) {
    long packageId = repo.insertPackage(roundId, districtCode);
    return refreshCandidates(packageId, today);
  }

  /**
   * Reads the district's candidates again while its package is being prepared (issue 13: not a
   * snapshot taken when the round opened): a loan that became eligible since, such as one the
   * provincial sub-committee handed over to restructuring, is added with the next number; one no
   * longer eligible (paid up, say) is taken off. The numbers the officer has seen never change. A
   * package already sent is left as it is.
   */
  public Candidates refreshCandidates(long packageId, LocalDate today) {
    Package p = repo.pkg(packageId).orElseThrow();
    String district =
        areas.district(p.districtCode()).map(District::nameTh).orElse(p.districtCode());
    if (PackageStatus.PREPARING.name().equals(p.status())) {
      Map<String, Debtor> listed = new HashMap<>();
      repo.debtors(packageId).forEach(d -> listed.put(d.loanId() + "/" + d.memberId(), d));
      Set<String> eligible = new HashSet<>();
      int seq = repo.nextSeq(packageId);
      for (LoanDebt d : repo.loanDebts(p.districtCode(), today, packageId)) {
        int daysOverdue =
            d.firstOverdue() == null ? 0 : (int) ChronoUnit.DAYS.between(d.firstOverdue(), today);
        int contractYear = d.contractDate() == null ? 0 : ThaiDates.buddhistYear(d.contractDate());
        if (rules.evaluate(daysOverdue, d.loanStatus(), contractYear).eligible()) {
          String key = d.loanId() + "/" + d.memberId();
          eligible.add(key);
          if (!listed.containsKey(key)) {
            repo.insertCandidate(packageId, seq++, d, share(d), daysOverdue);
          }
        }
      }
      listed.forEach(
          (key, d) -> {
            if (!eligible.contains(key)) {
              repo.deleteCandidate(d.id());
            }
          });
    }
    List<Debtor> debtors = repo.debtors(packageId);
    return new Candidates(packageId, district, candidateText(debtors), legend(), debtors.size());
  }

  /**
   * Her part of what the loan still owes: her borrowed amount in proportion to the principal
   * outstanding.
   */
  private BigDecimal share(LoanDebt d) {
    BigDecimal loanAmount = repo.loanAmount(d.loanId());
    BigDecimal outstanding = repo.outstandingPrincipal(d.loanId());
    return d.amount().multiply(outstanding).divide(loanAmount, 2, RoundingMode.HALF_UP);
  }

  /**
   * Records what the district sends: either nothing (with a reason) or its applicants, one a line
   * "ลำดับที่, เลขเอกสาร เลขเอกสาร ..." with every required document.
   */
  public PackageResult recordPackage(
      long packageId,
      Boolean nothingToSend,
      String nothingReason,
      String applicantsText,
      LocalDate today) {
    boolean nothing = Boolean.TRUE.equals(nothingToSend);
    boolean hasLines = applicantsText != null && !applicantsText.isBlank();
    if (nothing && hasLines) {
      throw new ThaiValidationException(
          "เลือก \"ไม่มีผู้ขอปรับโครงสร้างหนี้\" แล้ว กรุณาลบรายชื่อผู้ขอออก หรือยกเลิกการเลือก");
    }
    if (nothing) {
      if (nothingReason == null || nothingReason.isBlank()) {
        throw new ThaiValidationException("กรุณาระบุเหตุผลที่อำเภอไม่มีผู้ขอปรับโครงสร้างหนี้");
      }
      if (nothingReason.length() > 1000 || nothingReason.contains("<")) {
        throw new ThaiValidationException(
            "เหตุผลยาวเกิน 1,000 ตัวอักษร หรือมีอักขระที่ไม่อนุญาต (< >)");
      }
      repo.clearApplicants(packageId);
      repo.markSent(
          packageId, PackageStatus.NOTHING_TO_SEND, nothingReason.strip(), today, BigDecimal.ZERO);
      return new PackageResult(
          false, "อำเภอไม่มีผู้ขอปรับโครงสร้างหนี้: " + nothingReason.strip(), BigDecimal.ZERO);
    }
    if (!hasLines) {
      throw new ThaiValidationException(
          "กรุณาระบุผู้ขอปรับโครงสร้างหนี้ (บรรทัดละ 1 คน) หรือเลือก \"ไม่มีผู้ขอปรับโครงสร้างหนี้\" พร้อมเหตุผล");
    }
    List<Debtor> candidates = repo.debtors(packageId);
    Map<Integer, Debtor> bySeq = new HashMap<>();
    candidates.forEach(c -> bySeq.put(c.seq(), c));
    List<DocumentType> types = repo.documentTypes();
    Map<String, DocumentType> byNumber = new HashMap<>();
    types.forEach(t -> byNumber.put(Integer.toString(t.number()), t));
    List<String> problems = new ArrayList<>();
    Map<Debtor, Set<DocumentType>> chosen = new LinkedHashMap<>();
    List<String> lines =
        applicantsText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > 500) {
      throw new ThaiValidationException("รายชื่อผู้ขอมีได้ไม่เกิน 500 บรรทัด");
    }
    for (int i = 0; i < lines.size(); i++) {
      String where = "บรรทัดที่ " + (i + 1);
      String[] f = lines.get(i).split("[,\\t]", 2);
      String seqText = f[0].strip();
      if (!seqText.matches("\\d{1,4}") || !bySeq.containsKey(Integer.parseInt(seqText))) {
        problems.add(
            where
                + ": ไม่มีผู้มีสิทธิ์ลำดับที่ \""
                + abbreviate(seqText)
                + "\" (มีลำดับที่ 1 ถึง "
                + candidates.stream().mapToInt(Debtor::seq).max().orElse(0)
                + ")");
        continue;
      }
      Debtor debtor = bySeq.get(Integer.parseInt(seqText));
      if (chosen.containsKey(debtor)) {
        problems.add(where + ": ลำดับที่ " + seqText + " ซ้ำ");
        continue;
      }
      Set<DocumentType> docs = new LinkedHashSet<>();
      String docText = f.length > 1 ? f[1] : "";
      for (String n : docText.strip().split("[\\s;,]+")) {
        if (n.isEmpty()) {
          continue;
        }
        DocumentType t = byNumber.get(n);
        if (t == null) {
          problems.add(
              where
                  + ": ไม่มีเอกสารหมายเลข \""
                  + abbreviate(n)
                  + "\" (มีหมายเลข 1 ถึง "
                  + types.size()
                  + ")");
        } else {
          docs.add(t);
        }
      }
      List<String> missing =
          types.stream()
              .filter(DocumentType::required)
              .filter(t -> !docs.contains(t))
              .map(DocumentType::nameTh)
              .toList();
      if (!missing.isEmpty()) {
        problems.add(
            where
                + " (ลำดับที่ "
                + seqText
                + " "
                + debtor.fullName()
                + "): ยังขาดเอกสาร "
                + String.join(", ", missing));
      }
      chosen.put(debtor, docs);
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.clearApplicants(packageId);
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<Debtor, Set<DocumentType>> e : chosen.entrySet()) {
      repo.markApplicant(
          e.getKey().id(),
          e.getValue().stream().map(DocumentType::code).collect(Collectors.joining(" ")));
      total = total.add(e.getKey().amount());
    }
    repo.markSent(packageId, PackageStatus.SENT_TO_PROVINCE, null, today, total);
    return new PackageResult(true, packageText(repo.debtors(packageId), total), total);
  }

  /**
   * The province received the package: that day starts the deadline for sending it to the
   * Department.
   */
  public Receipt recordReceipt(long packageId, String receivedText, LocalDate today) {
    Package p = repo.pkg(packageId).orElseThrow();
    LocalDate received = ThaiDates.parseBuddhist(receivedText, "วันที่จังหวัดได้รับเอกสาร");
    if (received.isAfter(today)) {
      throw new ThaiValidationException("วันที่จังหวัดได้รับเอกสารอยู่ในอนาคต");
    }
    if (p.sentOn() != null && received.isBefore(p.sentOn())) {
      throw new ThaiValidationException(
          "วันที่จังหวัดได้รับเอกสารต้องไม่ก่อนวันที่อำเภอส่ง ("
              + ThaiDates.format(p.sentOn())
              + ")");
    }
    LocalDate due = deadline(received);
    repo.markReceived(packageId, received, due);
    return new Receipt(received, due);
  }

  public LocalDate deadline(LocalDate received) {
    return DeadlineCalendar.deadline(
        received, settings.deadlineDays(), settings.deadlineMode(), holidays::isHoliday);
  }

  public DeadlineCalendar.Mode deadlineMode() {
    return settings.deadlineMode();
  }

  /** A package whose deadline for the Department moved because the holidays changed. */
  public record MovedDeadline(long packageId, String districtName, LocalDate from, LocalDate to) {}

  /**
   * Counts again the deadline of every package the province holds and has not sent yet, after the
   * holiday table changed: only deadlines still running (not passed on {@code today}) move, a
   * passed one has already been escalated. Nothing moves in calendar-day mode.
   */
  public List<MovedDeadline> countDeadlinesAgain(LocalDate today) {
    if (!settings.workingDays()) {
      return List.of();
    }
    List<MovedDeadline> moved = new ArrayList<>();
    for (Package p : repo.awaitingSubmission()) {
      LocalDate due = deadline(p.receivedOn());
      if (!p.submissionDue().isBefore(today) && !due.equals(p.submissionDue())) {
        repo.moveSubmissionDue(p.id(), due);
        moved.add(
            new MovedDeadline(
                p.id(),
                areas.district(p.districtCode()).map(District::nameTh).orElse(p.districtCode()),
                p.submissionDue(),
                due));
      }
    }
    return moved;
  }

  /** The province's letter to the Department; returns whether it went out by the deadline. */
  public boolean recordSubmission(
      long packageId, String letterNo, String letterDateText, LocalDate today) {
    Package p = repo.pkg(packageId).orElseThrow();
    if (letterNo == null || !REFERENCE.matcher(letterNo.strip()).matches()) {
      throw new ThaiValidationException(
          "กรุณากรอกเลขที่หนังสือถึงกรม (ตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร) เช่น ตร 0019/1234");
    }
    LocalDate letterDate = ThaiDates.parseBuddhist(letterDateText, "วันที่หนังสือถึงกรม");
    if (letterDate.isAfter(today)) {
      throw new ThaiValidationException("วันที่หนังสือถึงกรมอยู่ในอนาคต");
    }
    if (p.receivedOn() != null && letterDate.isBefore(p.receivedOn())) {
      throw new ThaiValidationException(
          "วันที่หนังสือถึงกรมต้องไม่ก่อนวันที่จังหวัดได้รับเอกสาร ("
              + ThaiDates.format(p.receivedOn())
              + ")");
    }
    boolean onTime = p.submissionDue() == null || !letterDate.isAfter(p.submissionDue());
    repo.markSubmitted(packageId, letterNo.strip(), letterDate, onTime);
    return onTime;
  }

  public void recordAcknowledgement(
      long packageId, String meetingReference, String meetingDateText, LocalDate today) {
    if (meetingReference == null || !REFERENCE.matcher(meetingReference.strip()).matches()) {
      throw new ThaiValidationException(
          "กรุณากรอกครั้งที่ประชุมคณะอนุกรรมการฯ จังหวัด เช่น 9/2564");
    }
    LocalDate date = ThaiDates.parseBuddhist(meetingDateText, "วันที่ประชุม");
    if (date.isAfter(today)) {
      throw new ThaiValidationException("วันที่ประชุมอยู่ในอนาคต");
    }
    repo.markAcknowledged(packageId, meetingReference.strip(), date);
  }

  public void closeRound(long roundId, LocalDate today) {
    repo.closeRound(roundId, today);
  }

  public BigDecimal roundTotal(long roundId) {
    return repo.packagesOfRound(roundId).stream()
        .map(Package::totalAmount)
        .filter(a -> a != null)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Package pkg(long packageId) {
    return repo.pkg(packageId).orElseThrow();
  }

  String legend() {
    return "**หมายเลขเอกสาร** "
        + repo.documentTypes().stream()
            .map(t -> t.number() + " = " + t.nameTh() + (t.required() ? "" : " (ไม่บังคับ)"))
            .collect(Collectors.joining(", "));
  }

  static String candidateText(List<Debtor> candidates) {
    if (candidates.isEmpty()) {
      return "ไม่มีลูกหนี้ที่เข้าเกณฑ์ขอปรับโครงสร้างหนี้ในอำเภอนี้";
    }
    StringBuilder s =
        new StringBuilder("**ลูกหนี้ที่เข้าเกณฑ์ " + candidates.size() + " ราย**\n\n");
    for (Debtor d : candidates) {
      s.append("- ลำดับที่ ")
          .append(d.seq())
          .append(": ")
          .append(d.fullName())
          .append(" (")
          .append(d.nationalId().masked())
          .append(") สัญญา ")
          .append(d.applicationNo())
          .append(" ยอดหนี้ ")
          .append(ThaiMoney.format(d.amount()))
          .append(" ค้างชำระ ")
          .append(d.daysOverdue())
          .append(" วัน\n");
    }
    return s.toString();
  }

  static String packageText(List<Debtor> debtors, BigDecimal total) {
    List<Debtor> applying = debtors.stream().filter(Debtor::applies).toList();
    StringBuilder s =
        new StringBuilder(
            "**ผู้ขอปรับโครงสร้างหนี้ "
                + applying.size()
                + " ราย รวม "
                + ThaiMoney.format(total)
                + "**\n\n");
    for (Debtor d : applying) {
      s.append("- ")
          .append(d.fullName())
          .append(" (")
          .append(d.nationalId().masked())
          .append(") ")
          .append(ThaiMoney.format(d.amount()))
          .append('\n');
    }
    return s.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
