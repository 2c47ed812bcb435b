package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.loan.LoanRepository.StoredLoan;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;

/** Tells the group's contact and the district office how their application ended. */
@Service
public class LoanNotifications {

  private final LoanRepository loans;
  private final AreaRepository areas;
  private final MailService mail;

  public LoanNotifications(LoanRepository loans, AreaRepository areas, MailService mail) {
    this.loans = loans;
    this.areas = areas;
    this.mail = mail;
  }

  public ThaiMail approvalMail(long loanId) {
    StoredLoan loan = loans.find(loanId).orElseThrow();
    Map<String, Object> model = base(loan);
    List<Map<String, String>> rows = new ArrayList<>();
    BigDecimal principal = BigDecimal.ZERO;
    BigDecimal interest = BigDecimal.ZERO;
    for (Installment i : loans.schedule(loanId)) {
      rows.add(
          ThaiMail.installmentRow(
              i.seq(),
              i.dueDate(),
              Map.of(
                  "principal",
                  ThaiMoney.format(i.principal()),
                  "interest",
                  ThaiMoney.format(i.interest()),
                  "total",
                  ThaiMoney.format(i.total()))));
      principal = principal.add(i.principal());
      interest = interest.add(i.interest());
    }
    model.put("installments", rows);
    model.put("totalPrincipal", ThaiMoney.format(principal));
    model.put("totalInterest", ThaiMoney.format(interest));
    model.put("transferDate", ThaiDates.format(loan.transferDate()));
    return new ThaiMail(
        recipients(loan),
        "แจ้งผลการอนุมัติเงินกู้ คำขอเลขที่ " + loan.applicationNo(),
        "loan-approved",
        model);
  }

  public ThaiMail rejectionMail(long loanId, String byWhom, String reason) {
    StoredLoan loan = loans.find(loanId).orElseThrow();
    Map<String, Object> model = base(loan);
    model.put("byWhom", byWhom);
    model.put("reason", reason == null ? "" : reason);
    return new ThaiMail(
        recipients(loan),
        "แจ้งผลการพิจารณาคำขอกู้ เลขที่ " + loan.applicationNo(),
        "loan-rejected",
        model);
  }

  /** Sends a loan's notice once: the key stops a retried job from mailing the group twice. */
  public void send(ThaiMail m, long loanId, String kind) {
    mail.send(m, "loan:" + loanId + ":" + kind);
  }

  private Map<String, Object> base(StoredLoan loan) {
    Map<String, Object> model = new HashMap<>();
    model.put("applicationNo", loan.applicationNo());
    model.put("groupName", loan.groupName());
    model.put("contactName", loan.contactName());
    model.put("amount", ThaiMoney.format(loan.amount()));
    model.put("termMonths", loan.termMonths());
    model.put("frequency", loan.frequency().labelTh());
    model.put(
        "districtName",
        areas.district(loan.districtCode()).map(District::nameTh).orElse(loan.districtCode()));
    return model;
  }

  private List<String> recipients(StoredLoan loan) {
    List<String> to = new ArrayList<>();
    to.add(loan.contactEmail());
    areas.district(loan.districtCode()).map(District::officeEmail).ifPresent(to::add);
    return to;
  }
}
