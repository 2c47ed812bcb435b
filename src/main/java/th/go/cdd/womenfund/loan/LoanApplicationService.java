package th.go.cdd.womenfund.loan;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.LoanRepository.StepDates;
import th.go.cdd.womenfund.loan.LoanRepository.StoredLoan;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The revolving-fund loan application, from registration to repayment schedule. Knows nothing of
 * the process engine: the delegates hand it what the forms sent and store what it returns.
 */
@Service
@Transactional
public class LoanApplicationService {

  static final int MAX_REASON = 1000;

  /** The words each committee's form uses for its choices. */
  static final Map<Decision, String> DISTRICT_LABELS =
      new EnumMap<>(
          Map.of(
              Decision.APPROVE,
              "เห็นชอบ",
              Decision.RETURN,
              "ส่งกลับให้แก้ไข",
              Decision.REJECT,
              "ไม่เห็นชอบ"));

  static final Map<Decision, String> PROVINCE_LABELS =
      new EnumMap<>(
          Map.of(
              Decision.APPROVE,
              "อนุมัติ",
              Decision.RETURN,
              "ส่งกลับให้อำเภอแก้ไข",
              Decision.REJECT,
              "ไม่อนุมัติ"));
  private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()]{1,50}");

  private final LoanApplicationParser parser;
  private final EligibilityRules rules;
  private final LoanRepository loans;
  private final AreaRepository areas;
  private final InterestRateRepository rates;
  private final BorrowerMembership membership;

  public LoanApplicationService(
      LoanApplicationParser parser,
      EligibilityRules rules,
      LoanRepository loans,
      AreaRepository areas,
      InterestRateRepository rates,
      BorrowerMembership membership) {
    this.parser = parser;
    this.rules = rules;
    this.loans = loans;
    this.areas = areas;
    this.rates = rates;
    this.membership = membership;
  }

  /** What registration (or a fix) produced, for the officers who come next. */
  public record Registration(
      long loanId,
      String applicationNo,
      String districtCode,
      String provinceCode,
      String areaName,
      String applicationSummary,
      String eligibilitySummary) {}

  public Registration register(LoanApplicationInput input, Actor actor, LocalDate today) {
    LoanApplication app = parser.parse(input, today);
    requireMayRegister(actor, app.subDistrict());
    List<EligibilityCheck> checks = requireEligible(app, today);
    requireMembers(app, null, today, today);
    LoanRepository.NewLoan loan = loans.insert(app, today);
    membership.registerNew(app, loan.id(), by(actor), today);
    return describe(loan.id(), loan.applicationNo(), app, checks);
  }

  public Registration update(
      long loanId, LoanApplicationInput input, Actor actor, LocalDate today) {
    StoredLoan stored =
        loans.find(loanId).orElseThrow(() -> new IllegalStateException("no loan " + loanId));
    LoanApplication app = parser.parse(input, today);
    if (!app.subDistrict().districtCode().equals(stored.districtCode())) {
      throw new ThaiValidationException(
          "ย้ายคำขอไปตำบลของอำเภออื่นไม่ได้: ตำบล "
              + app.subDistrict().code()
              + " ไม่อยู่ในอำเภอรหัส "
              + stored.districtCode()
              + " กรุณายื่นคำขอใหม่ที่อำเภอนั้น");
    }
    requireMayRegister(actor, app.subDistrict());
    List<EligibilityCheck> checks = requireEligible(app, today);
    LocalDate appliedOn = loans.stepDates(loanId).appliedOn();
    requireMembers(app, loanId, appliedOn == null ? today : appliedOn, today);
    loans.update(loanId, app);
    membership.registerNew(app, loanId, by(actor), today);
    loans.setStatus(loanId, LoanStatus.REGISTERED);
    return describe(loanId, stored.applicationNo(), app, checks);
  }

  public void linkProcess(long loanId, String processInstanceId) {
    loans.setProcessInstance(loanId, processInstanceId);
  }

  /**
   * The sub-district working group's endorsement: meeting date and reference are required; the
   * meeting is not in the future and not before the application was made.
   */
  public LocalDate recordEndorsement(
      long loanId, String dateText, String reference, String opinion, LocalDate today) {
    LocalDate date =
        ThaiDates.parseBuddhist(dateText, "วันที่ประชุมคณะทำงานขับเคลื่อนกองทุนฯ ตำบล");
    if (date.isAfter(today)) {
      throw new ThaiValidationException("วันที่ประชุมคณะทำงานฯ ตำบลอยู่ในอนาคต");
    }
    StepDates dates = loans.stepDates(loanId);
    notBefore(date, "วันที่ประชุมคณะทำงานฯ ตำบล", dates.appliedOn(), "วันที่ยื่นคำขอกู้");
    reference(reference, "ครั้งที่/เลขที่มติที่ประชุม");
    optionalText(opinion, "ความเห็นของคณะทำงานฯ ตำบล");
    loans.setEndorsedOn(loanId, date);
    return date;
  }

  /**
   * The district screening sub-committee: approve, return for fixes, or reject with a reason. Its
   * date is the day it is recorded, not before the sub-district's endorsement.
   */
  public Decision recordDistrictDecision(
      long loanId, String decisionText, String reason, LocalDate today) {
    Decision decision =
        decision(decisionText, DISTRICT_LABELS, reason, "คณะอนุกรรมการกลั่นกรองฯ อำเภอ");
    StepDates dates = loans.stepDates(loanId);
    notBefore(
        today,
        "วันที่คณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา",
        dates.appliedOn(),
        "วันที่ยื่นคำขอกู้");
    notBefore(
        today,
        "วันที่คณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา",
        dates.endorsedOn(),
        "วันที่ประชุมคณะทำงานฯ ตำบล");
    loans.setStatus(
        loanId,
        switch (decision) {
          case APPROVE -> LoanStatus.DISTRICT_APPROVED;
          case RETURN -> LoanStatus.RETURNED;
          case REJECT -> LoanStatus.REJECTED_BY_DISTRICT;
        });
    loans.setScreenedOn(loanId, today);
    return decision;
  }

  /**
   * The provincial sub-committee: approve, send back to the district for fixes, or reject (the last
   * two with a reason). Its date is the day it is recorded, not before the district's screening.
   */
  public Decision recordProvinceDecision(
      long loanId, String decisionText, String reason, LocalDate today) {
    Decision decision =
        decision(decisionText, PROVINCE_LABELS, reason, "คณะอนุกรรมการกองทุนฯ จังหวัด");
    notBefore(
        today,
        "วันที่คณะอนุกรรมการกองทุนฯ จังหวัดพิจารณา",
        loans.stepDates(loanId).screenedOn(),
        "วันที่คณะอนุกรรมการกลั่นกรองฯ อำเภอพิจารณา");
    loans.setStatus(
        loanId,
        switch (decision) {
          case APPROVE -> LoanStatus.APPROVED;
          case RETURN -> LoanStatus.RETURNED;
          case REJECT -> LoanStatus.REJECTED_BY_PROVINCE;
        });
    if (decision == Decision.APPROVE) {
      loans.setProvinceApprovedOn(loanId, today);
    }
    return decision;
  }

  /**
   * The contract: number and date; the rate in force on the contract date is fixed into it, and
   * each borrower's risk cover starts on the contract date, with the family member who acknowledged
   * the loan as beneficiary. Not before the province approved the loan.
   */
  public InterestRate recordContract(
      long loanId, String contractNo, String dateText, LocalDate today) {
    reference(contractNo, "เลขที่สัญญา");
    LocalDate date = ThaiDates.parseBuddhist(dateText, "วันที่ทำสัญญา");
    if (date.isAfter(today)) {
      throw new ThaiValidationException("วันที่ทำสัญญาอยู่ในอนาคต");
    }
    // dates in order: no contract (and so no risk cover) before the province approved the loan
    notBefore(
        date,
        "วันที่ทำสัญญา",
        loans.stepDates(loanId).provinceApprovedOn(),
        "วันที่คณะอนุกรรมการกองทุนฯ จังหวัดอนุมัติ");
    InterestRate rate = rates.rateOn(date);
    loans.recordContract(loanId, contractNo.strip(), date, rate.loanRatePct());
    loans.insertRiskCovers(loanId, loans.borrowers(loanId), date);
    return rate;
  }

  /**
   * The transfer of the money to the group's account: not before the contract, not in the future.
   */
  public LocalDate recordTransfer(long loanId, String dateText, String reference, LocalDate today) {
    LocalDate date = ThaiDates.parseBuddhist(dateText, "วันที่โอนเงิน");
    if (date.isAfter(today)) {
      throw new ThaiValidationException("วันที่โอนเงินอยู่ในอนาคต");
    }
    notBefore(date, "วันที่โอนเงิน", loans.stepDates(loanId).contractDate(), "วันที่ทำสัญญา");
    reference(reference, "เลขที่อ้างอิงการโอน");
    loans.recordTransfer(loanId, date, reference.strip());
    return date;
  }

  /**
   * Dates in order: {@code date} (what this step records) may not be before {@code earlier} (what
   * the step before it recorded; null when that step left no date). The refusal names both days in
   * the Buddhist era.
   */
  static void notBefore(LocalDate date, String label, LocalDate earlier, String earlierLabel) {
    if (earlier != null && date.isBefore(earlier)) {
      throw new ThaiValidationException(
          label
              + " ("
              + ThaiDates.format(date)
              + ") ต้องไม่ก่อน"
              + earlierLabel
              + " ("
              + ThaiDates.format(earlier)
              + ")");
    }
  }

  /**
   * Generates and stores the repayment schedule from the transfer date; returns it as Thai text.
   */
  public String generateSchedule(long loanId) {
    StoredLoan loan = loans.find(loanId).orElseThrow();
    java.math.BigDecimal rate = loans.contractRate(loanId);
    List<Installment> installments =
        RepaymentScheduleCalculator.schedule(
            loan.amount(), rate, loan.termMonths(), loan.frequency(), loan.transferDate());
    loans.replaceSchedule(loanId, installments);
    loans.setStatus(loanId, LoanStatus.DISBURSED);
    return scheduleText(installments, rate);
  }

  public StoredLoan loan(long loanId) {
    return loans.find(loanId).orElseThrow();
  }

  public List<Installment> schedule(long loanId) {
    return loans.schedule(loanId);
  }

  static String scheduleText(List<Installment> installments, java.math.BigDecimal ratePct) {
    StringBuilder text =
        new StringBuilder(
            "ตารางชำระคืน "
                + installments.size()
                + " งวด อัตราดอกเบี้ยร้อยละ "
                + ratePct.stripTrailingZeros().toPlainString()
                + " ต่อปี\n\n");
    for (Installment i : installments) {
      text.append("- งวดที่ ")
          .append(i.seq())
          .append(" ครบกำหนด ")
          .append(ThaiDates.formatShort(i.dueDate()))
          .append(": เงินต้น ")
          .append(ThaiMoney.format(i.principal()))
          .append(" ดอกเบี้ย ")
          .append(ThaiMoney.format(i.interest()))
          .append('\n');
    }
    return text.toString();
  }

  private void requireMayRegister(Actor actor, SubDistrict subDistrict) {
    if (actor != null && !actor.mayRegisterFor(subDistrict.districtCode())) {
      String district =
          areas
              .district(subDistrict.districtCode())
              .map(District::nameTh)
              .orElse(subDistrict.districtCode());
      throw new ThaiValidationException(
          "ท่านไม่มีสิทธิ์ยื่นคำขอกู้ของอำเภอ"
              + district
              + ": เฉพาะเจ้าหน้าที่พัฒนาชุมชนอำเภอนั้นเท่านั้น");
    }
  }

  /**
   * Borrowers are members of the fund in the district on the application date, or join now (issue
   * 13).
   */
  private void requireMembers(
      LoanApplication app, Long loanId, LocalDate appliedOn, LocalDate today) {
    List<String> problems = membership.problems(app, loanId, appliedOn, today);
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
  }

  private static String by(Actor actor) {
    return actor == null ? "system" : actor.userId();
  }

  private List<EligibilityCheck> requireEligible(LoanApplication app, LocalDate today) {
    List<EligibilityCheck> checks = rules.evaluate(app.facts(today));
    List<String> failed =
        checks.stream().filter(c -> !c.passed()).map(EligibilityCheck::message).toList();
    if (!failed.isEmpty()) {
      throw new ThaiValidationException(failed);
    }
    return checks;
  }

  private Registration describe(
      long loanId, String applicationNo, LoanApplication app, List<EligibilityCheck> checks) {
    SubDistrict s = app.subDistrict();
    District d = areas.district(s.districtCode()).orElseThrow();
    Province p = areas.province(s.provinceCode()).orElseThrow();
    String area = "ต." + s.nameTh() + " อ." + d.nameTh() + " จ." + p.nameTh();
    String eligibility =
        "**ผลการตรวจคุณสมบัติตามเกณฑ์ของกองทุนฯ**\n\n"
            + checks.stream().map(c -> "- " + c.line()).collect(Collectors.joining("\n"));
    return new Registration(
        loanId,
        applicationNo,
        s.districtCode(),
        s.provinceCode(),
        area,
        summary(applicationNo, app, area),
        eligibility);
  }

  static String summary(String applicationNo, LoanApplication app, String area) {
    StringBuilder text = new StringBuilder();
    text.append("**คำขอเลขที่ ")
        .append(applicationNo)
        .append("**\n\n")
        .append("- กลุ่ม: ")
        .append(app.groupName())
        .append(" (")
        .append(area)
        .append(")\n")
        .append("- ผู้ประสานงาน: ")
        .append(app.contactName())
        .append('\n')
        .append("- โครงการ: ")
        .append(app.purpose())
        .append(" (อาชีพ")
        .append(app.occupation().labelTh())
        .append(")\n")
        .append("- วงเงินขอกู้: ")
        .append(ThaiMoney.format(app.requestedAmount()))
        .append(" ระยะเวลา ")
        .append(app.termMonths())
        .append(" เดือน ชำระ")
        .append(app.frequency().labelTh())
        .append('\n')
        .append("- ผู้กู้ ")
        .append(app.borrowers().size())
        .append(" คน:\n\n");
    int n = 1;
    for (LoanApplication.Borrower b : app.borrowers()) {
      text.append(n++)
          .append(". ")
          .append(b.fullName())
          .append(" (")
          .append(b.nationalId().masked())
          .append(") ")
          .append(ThaiMoney.format(b.amount()))
          .append(" — ")
          .append(b.acknowledgement().relation().labelTh())
          .append(' ')
          .append(b.acknowledgement().fullName())
          .append(" รับทราบเมื่อ ")
          .append(ThaiDates.formatShort(b.acknowledgement().date()))
          .append('\n');
    }
    return text.toString();
  }

  private static Decision decision(
      String text, Map<Decision, String> labels, String reason, String who) {
    Decision decision;
    try {
      decision = Decision.valueOf(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw new ThaiValidationException("กรุณาเลือกผลการพิจารณาของ" + who);
    }
    if (!labels.containsKey(decision)) {
      throw new ThaiValidationException(
          "ผลการพิจารณา \"" + decision.labelTh() + "\" ใช้ไม่ได้ในขั้นตอนนี้");
    }
    if (decision != Decision.APPROVE && (reason == null || reason.isBlank())) {
      throw new ThaiValidationException("กรุณาระบุเหตุผลที่" + labels.get(decision));
    }
    optionalText(reason, "เหตุผล");
    return decision;
  }

  private static void reference(String value, String label) {
    if (value == null || value.isBlank()) {
      throw new ThaiValidationException("กรุณากรอก" + label);
    }
    if (!REFERENCE.matcher(value.strip()).matches()) {
      throw new ThaiValidationException(
          label + " ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร");
    }
  }

  private static void optionalText(String value, String label) {
    if (value != null && value.length() > MAX_REASON) {
      throw new ThaiValidationException(label + " ยาวเกิน " + MAX_REASON + " ตัวอักษร");
    }
    if (value != null && (value.contains("<") || value.contains(">"))) {
      throw new ThaiValidationException(label + " มีอักขระที่ไม่อนุญาต (< >)");
    }
  }
}
