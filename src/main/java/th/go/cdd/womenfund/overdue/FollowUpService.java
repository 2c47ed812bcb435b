package th.go.cdd.womenfund.overdue;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.loan.LoanStatusChanges;
import th.go.cdd.womenfund.overdue.FollowUpRepository.Event;
import th.go.cdd.womenfund.overdue.FollowUpRepository.FollowUp;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.EscalationDecision;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Outcome;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Step;
import th.go.cdd.womenfund.repayment.LoanBalance;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.RepaymentLoan;
import th.go.cdd.womenfund.repayment.RepaymentRepository;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The overdue follow-up of one loan, without the engine: opening it, checking the arrears,
 * recording what officers and committees did at each rung, handing over or closing it.
 */
@Service
@Transactional
public class FollowUpService {

  static final int MAX_TEXT = 2000;

  /** How an officer reached the group. */
  public static final Map<String, String> CONTACT_METHODS =
      Map.of(
          "PHONE",
          "โทรศัพท์",
          "VISIT",
          "พบที่บ้าน/ที่ทำการกลุ่ม",
          "LETTER",
          "หนังสือ",
          "LINE",
          "ไลน์/ข้อความ",
          "MEETING",
          "เชิญมาพบที่สำนักงาน");

  private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-()]{1,50}");
  private static final Pattern LINK = Pattern.compile("https?://\\S{1,480}");

  private final FollowUpRepository followUps;
  private final RepaymentRepository repayments;
  private final PaymentService payments;
  private final AreaRepository areas;
  private final LoanStatusChanges loanStatus;
  private final ApplicationEventPublisher events;

  public FollowUpService(
      FollowUpRepository followUps,
      RepaymentRepository repayments,
      PaymentService payments,
      AreaRepository areas,
      LoanStatusChanges loanStatus,
      ApplicationEventPublisher events) {
    this.events = events;
    this.followUps = followUps;
    this.repayments = repayments;
    this.payments = payments;
    this.areas = areas;
    this.loanStatus = loanStatus;
  }

  public record Opened(
      long followUpId,
      long loanId,
      String applicationNo,
      String districtCode,
      String provinceCode,
      String groupName,
      String areaName,
      String loanSummary) {}

  public record Arrears(boolean inArrears, int daysOverdue, LoanBalance balance, String summary) {}

  /** The loan's open follow-up, described for the tasks that come. */
  public Opened open(long loanId) {
    FollowUp f = openFollowUp(loanId);
    RepaymentLoan loan = repayments.loan(loanId).orElseThrow();
    String district =
        areas.district(loan.districtCode()).map(District::nameTh).orElse(loan.districtCode());
    String province =
        areas.province(loan.provinceCode()).map(Province::nameTh).orElse(loan.provinceCode());
    String area = "อ." + district + " จ." + province;
    String summary =
        "**"
            + loan.label()
            + "** (คำขอเลขที่ "
            + loan.applicationNo()
            + ")\n\n"
            + "- กลุ่ม: "
            + loan.groupName()
            + " ("
            + area
            + ")\n"
            + "- ผู้ประสานงาน: "
            + loan.contactName()
            + (loan.contactEmail() == null ? "" : " " + loan.contactEmail())
            + "\n"
            + "- วงเงินกู้: "
            + ThaiMoney.format(loan.amount())
            + " โอนเงินเมื่อ "
            + (loan.transferDate() == null ? "-" : ThaiDates.format(loan.transferDate()))
            + "\n"
            + "- เริ่มติดตามเมื่อ "
            + ThaiDates.format(f.startedOn())
            + " (ค้างตั้งแต่งวดครบกำหนด "
            + ThaiDates.format(f.oldestDueDate())
            + ")\n";
    return new Opened(
        f.id(),
        loanId,
        loan.applicationNo(),
        loan.districtCode(),
        loan.provinceCode(),
        loan.groupName(),
        area,
        summary);
  }

  /** What the loan owes past due today. */
  @Transactional(readOnly = true)
  public Arrears check(long loanId, LocalDate today) {
    LoanBalance b = payments.balance(loanId, today);
    String summary = "**สถานะหนี้ ณ วันที่ " + ThaiDates.format(today) + "**\n\n" + b.summaryTh();
    return new Arrears(b.inArrears(), b.daysOverdue(), b, summary);
  }

  /** The follow-up's events so far, as markdown for the forms. */
  @Transactional(readOnly = true)
  public String history(long followUpId) {
    List<Event> events = followUps.events(followUpId);
    if (events.isEmpty()) {
      return "ยังไม่มีการติดตาม";
    }
    StringBuilder text = new StringBuilder("**การติดตามที่ผ่านมา**\n\n");
    for (Event e : events) {
      text.append("- ")
          .append(ThaiDates.formatShort(e.occurredOn()))
          .append(" ")
          .append(stepLabel(e.step()))
          .append(": ")
          .append(e.details().replace('\n', ' '))
          .append('\n');
    }
    return text.toString();
  }

  public void recordReminderSent(long followUpId, Arrears arrears, LocalDate today) {
    followUps.addEvent(
        followUpId,
        Step.REMINDER.name(),
        today,
        "ส่งหนังสือ/อีเมลแจ้งเตือนยอดค้าง "
            + ThaiMoney.format(arrears.balance().arrears())
            + " เกินกำหนด "
            + arrears.daysOverdue()
            + " วัน",
        "system");
  }

  /**
   * The district officer's contact with the group: date, how, what was said, a promised payment
   * date.
   */
  public String recordContact(
      long followUpId,
      String dateText,
      String method,
      String result,
      String promisedText,
      String by,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate date = pastDate(problems, dateText, "วันที่ติดต่อกลุ่ม", today);
    String methodTh = method == null ? null : CONTACT_METHODS.get(method.strip());
    if (methodTh == null) {
      problems.add("กรุณาเลือกวิธีติดต่อกลุ่ม");
    }
    requiredText(problems, result, "ผลการติดต่อ");
    LocalDate promised = null;
    if (promisedText != null && !promisedText.isBlank()) {
      promised =
          collect(problems, () -> ThaiDates.parseBuddhist(promisedText, "วันที่กลุ่มนัดชำระ"));
      if (promised != null && promised.isBefore(today)) {
        problems.add("วันที่กลุ่มนัดชำระ " + ThaiDates.format(promised) + " ผ่านมาแล้ว");
      }
    }
    refuse(problems);
    String details =
        methodTh
            + " เมื่อ "
            + ThaiDates.format(date)
            + ": "
            + result.strip()
            + (promised == null ? "" : " (นัดชำระ " + ThaiDates.format(promised) + ")");
    followUps.addEvent(followUpId, Step.CONTACT.name(), today, details, by);
    return details;
  }

  /** The joint field visit: all three bodies named, findings and the plan agreed with the group. */
  public FieldVisit recordFieldVisit(
      long followUpId,
      String dateText,
      String districtCommittee,
      String subdistrictGroup,
      String secretariat,
      String findings,
      String plan,
      String planDueText,
      String photosLink,
      String by,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate date = pastDate(problems, dateText, "วันที่ลงพื้นที่", today);
    requiredText(problems, districtCommittee, "ผู้แทนคณะอนุกรรมการกลั่นกรองและติดตามฯ อำเภอ");
    requiredText(problems, subdistrictGroup, "ผู้แทนคณะทำงานขับเคลื่อนกองทุนฯ ตำบล");
    requiredText(problems, secretariat, "เจ้าหน้าที่สำนักงานเลขานุการ (สำนักงานพัฒนาชุมชนจังหวัด)");
    requiredText(problems, findings, "ข้อค้นพบ/ปัญหาของสมาชิก");
    requiredText(problems, plan, "แผนการชำระหนี้ที่ตกลงกับกลุ่ม");
    LocalDate planDue = null;
    if (planDueText != null && !planDueText.isBlank()) {
      planDue =
          collect(problems, () -> ThaiDates.parseBuddhist(planDueText, "วันที่ครบกำหนดตามแผน"));
      if (planDue != null && date != null && planDue.isBefore(date)) {
        problems.add("วันที่ครบกำหนดตามแผนต้องไม่ก่อนวันที่ลงพื้นที่");
      }
    }
    String link = photosLink == null || photosLink.isBlank() ? null : photosLink.strip();
    if (link != null && !LINK.matcher(link).matches()) {
      problems.add("ลิงก์ภาพถ่ายต้องขึ้นต้นด้วย http:// หรือ https:// (หรือเว้นว่างได้)");
    }
    refuse(problems);
    FollowUp f = followUps.find(followUpId).orElseThrow();
    FieldVisit visit =
        new FieldVisit(
            date,
            districtCommittee.strip(),
            subdistrictGroup.strip(),
            secretariat.strip(),
            findings.strip(),
            plan.strip(),
            planDue,
            link);
    followUps.insertFieldVisit(followUpId, f.loanId(), visit, by);
    followUps.addEvent(
        followUpId,
        Step.FIELD_VISIT.name(),
        today,
        "ลงพื้นที่ "
            + ThaiDates.format(date)
            + ": "
            + visit.findings()
            + " / แผน: "
            + visit.agreedPlan()
            + (planDue == null ? "" : " (ภายใน " + ThaiDates.format(planDue) + ")"),
        by);
    return visit;
  }

  /** The provincial sub-committee's decision on a loan still behind. */
  public EscalationDecision recordEscalation(
      long followUpId,
      String decisionText,
      String reason,
      String meetingRef,
      String by,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    EscalationDecision decision = null;
    try {
      decision = EscalationDecision.valueOf(decisionText == null ? "" : decisionText.strip());
    } catch (IllegalArgumentException e) {
      problems.add("กรุณาเลือกมติของคณะอนุกรรมการกองทุนฯ จังหวัด");
    }
    requiredText(problems, reason, "เหตุผลของมติ");
    if (meetingRef == null || meetingRef.isBlank()) {
      problems.add("กรุณากรอกครั้งที่/เลขที่มติที่ประชุม");
    } else if (!REFERENCE.matcher(meetingRef.strip()).matches()) {
      problems.add(
          "ครั้งที่/เลขที่มติที่ประชุม ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - ( ) ไม่เกิน 50 ตัวอักษร");
    }
    refuse(problems);
    followUps.addEvent(
        followUpId,
        Step.ESCALATION.name(),
        today,
        "มติ " + meetingRef.strip() + ": " + decision.labelTh() + " — " + reason.strip(),
        by);
    return decision;
  }

  /**
   * Restructuring or legal action takes the loan over: the loan's status says so and the follow-up
   * ends.
   */
  public void handOver(long loanId, EscalationDecision decision, LocalDate today) {
    FollowUp f = openFollowUp(loanId);
    Outcome outcome =
        decision == EscalationDecision.RESTRUCTURING ? Outcome.RESTRUCTURING : Outcome.LEGAL_ACTION;
    if (decision == EscalationDecision.RESTRUCTURING) {
      loanStatus.toRestructuring(loanId);
    } else {
      loanStatus.toLegalAction(loanId);
    }
    followUps.close(f.id(), outcome, today);
    if (decision == EscalationDecision.RESTRUCTURING) {
      events.publishEvent(new HandedOverToRestructuring(loanId, today));
    }
  }

  /**
   * A payment cleared the arrears (or they are gone otherwise): the follow-up ends. No-op if none
   * is open.
   */
  public Optional<FollowUp> close(long loanId, Outcome outcome, String details, LocalDate today) {
    Optional<FollowUp> open = followUps.openOf(loanId);
    open.ifPresent(
        f -> {
          followUps.addEvent(f.id(), outcome.name(), today, details, "system");
          followUps.close(f.id(), outcome, today);
        });
    return open;
  }

  private FollowUp openFollowUp(long loanId) {
    return followUps
        .openOf(loanId)
        .orElseThrow(
            () -> new IllegalStateException("no open overdue follow-up for loan " + loanId));
  }

  static String stepLabel(String step) {
    return switch (step) {
      case "REMINDER" -> "แจ้งเตือน";
      case "CONTACT" -> "เจ้าหน้าที่อำเภอติดต่อกลุ่ม";
      case "FIELD_VISIT" -> "ลงพื้นที่ติดตาม";
      case "ESCALATION" -> "คณะอนุกรรมการกองทุนฯ จังหวัด";
      case "CLEARED" -> "ชำระยอดค้างครบ";
      case "NO_LONGER_BEHIND" -> "ไม่มียอดค้าง";
      case "RESCHEDULED" -> "ปรับโครงสร้างหนี้แล้ว (ตารางชำระใหม่)";
      default -> step;
    };
  }

  private static LocalDate pastDate(
      List<String> problems, String text, String label, LocalDate today) {
    LocalDate date = collect(problems, () -> ThaiDates.parseBuddhist(text, label));
    if (date != null && date.isAfter(today)) {
      problems.add(label + " " + ThaiDates.format(date) + " อยู่ในอนาคต");
    }
    return date;
  }

  private static void requiredText(List<String> problems, String value, String label) {
    if (value == null || value.isBlank()) {
      problems.add("กรุณากรอก" + label);
    } else if (value.length() > MAX_TEXT) {
      problems.add(label + " ยาวเกิน " + MAX_TEXT + " ตัวอักษร");
    } else if (value.contains("<") || value.contains(">")) {
      problems.add(label + " มีอักขระที่ไม่อนุญาต (< >)");
    }
  }

  private static void refuse(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
  }
}
