package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.overdue.FollowUpService.Arrears;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.EscalationDecision;
import th.go.cdd.womenfund.repayment.InstallmentState;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.RepaymentLoan;
import th.go.cdd.womenfund.repayment.RepaymentRepository;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;

/**
 * Mails of the overdue follow-up: the reminder to the group (copy to the district office), the
 * thank-you once the arrears are paid, and the hand-over notice to the district office.
 */
@Service
public class OverdueNotifications {

  private final RepaymentRepository repayments;
  private final PaymentService payments;
  private final AreaRepository areas;
  private final MailService mail;

  public OverdueNotifications(
      RepaymentRepository repayments,
      PaymentService payments,
      AreaRepository areas,
      MailService mail) {
    this.repayments = repayments;
    this.payments = payments;
    this.areas = areas;
    this.mail = mail;
  }

  public ThaiMail reminderMail(long loanId, Arrears arrears, LocalDate today) {
    RepaymentLoan loan = repayments.loan(loanId).orElseThrow();
    Optional<District> district = districtOf(loan);
    Map<String, Object> model = base(loan, district, today);
    List<Map<String, String>> rows = new ArrayList<>();
    for (InstallmentState i : repayments.openInstallments(loanId)) {
      if (i.dueDate().isBefore(today)) {
        rows.add(
            ThaiMail.installmentRow(
                i.seq(),
                i.dueDate(),
                Map.of("unpaid", ThaiMoney.format(i.unpaidPrincipal().add(i.unpaidInterest())))));
      }
    }
    model.put("installments", rows);
    model.put("arrears", ThaiMoney.format(arrears.balance().arrears()));
    model.put("defaultInterest", ThaiMoney.format(arrears.balance().defaultInterest()));
    model.put("daysOverdue", arrears.daysOverdue());
    model.put(
        "oldestDue",
        arrears.balance().oldestOverdueDueDate() == null
            ? "-"
            : ThaiDates.format(arrears.balance().oldestOverdueDueDate()));
    return new ThaiMail(
        groupAndOffice(loan, district),
        "แจ้งเตือนหนี้ค้างชำระ " + loan.label() + " (" + loan.groupName() + ")",
        "overdue-reminder",
        model);
  }

  public ThaiMail thankYouMail(long loanId, String paymentSummary, LocalDate today) {
    RepaymentLoan loan = repayments.loan(loanId).orElseThrow();
    Optional<District> district = districtOf(loan);
    Map<String, Object> model = base(loan, district, today);
    model.put("paymentSummary", paymentSummary == null ? "" : paymentSummary);
    return new ThaiMail(
        groupAndOffice(loan, district),
        "ขอบคุณที่ชำระหนี้ค้าง " + loan.label() + " (" + loan.groupName() + ")",
        "overdue-thank-you",
        model);
  }

  public ThaiMail handOverMail(
      long loanId,
      EscalationDecision decision,
      String reason,
      String meetingReference,
      LocalDate today) {
    RepaymentLoan loan = repayments.loan(loanId).orElseThrow();
    Optional<District> district = districtOf(loan);
    Map<String, Object> model = base(loan, district, today);
    var balance = payments.balance(loanId, today);
    model.put("decision", decision.labelTh());
    model.put("reason", reason == null ? "" : reason);
    model.put("meetingReference", meetingReference == null ? "" : meetingReference);
    model.put("arrears", ThaiMoney.format(balance.arrears()));
    model.put("daysOverdue", balance.daysOverdue());
    List<String> to = new ArrayList<>();
    district.map(District::officeEmail).ifPresent(to::add);
    return new ThaiMail(
        to,
        "ส่งต่อการติดตามหนี้: " + decision.labelTh() + " " + loan.label(),
        "overdue-hand-over",
        model);
  }

  public void send(ThaiMail m) {
    mail.send(m);
  }

  /** The district of the loan, read once per mail (its name and its office's address). */
  private Optional<District> districtOf(RepaymentLoan loan) {
    return areas.district(loan.districtCode());
  }

  private static Map<String, Object> base(
      RepaymentLoan loan, Optional<District> district, LocalDate today) {
    Map<String, Object> model = new HashMap<>();
    model.put("loanLabel", loan.label());
    model.put("groupName", loan.groupName());
    model.put("contactName", loan.contactName());
    model.put("today", ThaiDates.format(today));
    model.put("districtName", district.map(District::nameTh).orElse(loan.districtCode()));
    return model;
  }

  private static List<String> groupAndOffice(RepaymentLoan loan, Optional<District> district) {
    List<String> to = new ArrayList<>();
    to.add(loan.contactEmail());
    district.map(District::officeEmail).ifPresent(to::add);
    return to;
  }
}
