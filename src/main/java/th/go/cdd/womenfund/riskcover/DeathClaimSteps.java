package th.go.cdd.womenfund.riskcover;

import static th.go.cdd.womenfund.riskcover.DeathClaimProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.ThaiMail;
import th.go.cdd.womenfund.repayment.RepaymentLoan;
import th.go.cdd.womenfund.repayment.RepaymentRepository;
import th.go.cdd.womenfund.riskcover.DeathClaimService.Outcome;
import th.go.cdd.womenfund.riskcover.DeathClaimService.Reported;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The engine edge of {@code death-claim}; each public method is a delegate bean of {@link
 * DeathClaimDelegates}.
 */
@Component
public class DeathClaimSteps {

  private final DeathClaimService service;
  private final InstanceScopes scopes;
  private final RepaymentRepository repayments;
  private final AreaRepository areas;
  private final MailService mail;

  public DeathClaimSteps(
      DeathClaimService service,
      InstanceScopes scopes,
      RepaymentRepository repayments,
      AreaRepository areas,
      MailService mail) {
    this.service = service;
    this.scopes = scopes;
    this.repayments = repayments;
    this.areas = areas;
    this.mail = mail;
  }

  public void register(DelegateExecution execution) {
    var actor =
        CurrentActor.runningStep(
            execution, "ไม่ทราบผู้แจ้ง: กรุณาเข้าสู่ระบบก่อนแจ้งการเสียชีวิตของผู้กู้");
    Reported r =
        service.report(
            string(execution, Var.LOAN_NUMBER),
            string(execution, Var.BORROWER_ID),
            string(execution, Var.DEATH_DATE),
            string(execution, Var.CERTIFICATE_NO),
            actor,
            EngineClock.today());
    execution.setProcessBusinessKey("DC-" + r.claimId());
    service.linkProcess(r.claimId(), execution.getProcessInstanceId());
    execution.setVariable(Var.CLAIM_ID, r.claimId());
    execution.setVariable(Var.LOAN_ID, r.loan().id());
    execution.setVariable(Var.APPLICATION_NO, r.loan().applicationNo());
    execution.setVariable(Var.DISTRICT_CODE, r.loan().districtCode());
    execution.setVariable(Var.PROVINCE_CODE, r.loan().provinceCode());
    execution.setVariable(Var.COVERED, r.covered());
    execution.setVariable(Var.CLAIM_SUMMARY, r.summary());
    execution.setVariable(Var.FAMILY_MEMBER, r.familyMember());
    // the full national ID is not kept in the process: the summary shows it masked
    execution.setVariable(Var.BORROWER_ID, r.maskedNationalId());
    scopes.bindDistrict(execution, r.claimId(), r.loan().districtCode());
  }

  public void recordReview(DelegateExecution task) {
    boolean approved =
        service.approved(string(task, Var.CLAIM_DECISION), string(task, Var.CLAIM_DECISION_REASON));
    String decision = approved ? "APPROVE" : "REJECT";
    if (!decision.equals(
        task.getVariable(
            Var.CLAIM_DECISION))) { // the form's value normalised; unchanged is not rewritten
      task.setVariable(Var.CLAIM_DECISION, decision);
    }
  }

  public void settle(DelegateExecution execution) {
    Outcome o = service.settle(claimId(execution), user(execution), EngineClock.today());
    execution.setVariable(Var.OUTCOME_SUMMARY, o.summary());
  }

  public void noPayout(DelegateExecution execution) {
    boolean rejected = "REJECT".equals(string(execution, Var.CLAIM_DECISION));
    Outcome o =
        service.noPayout(
            claimId(execution),
            rejected,
            string(execution, Var.CLAIM_DECISION_REASON),
            EngineClock.today());
    execution.setVariable(Var.OUTCOME_SUMMARY, o.summary());
  }

  /**
   * The district office and the group learn the outcome by mail; the family by the letter that
   * follows.
   */
  public void notifyDistrict(DelegateExecution execution) {
    RepaymentLoan loan = repayments.loan(service.loanOf(claimId(execution))).orElseThrow();
    Optional<District> district =
        areas.district(loan.districtCode()); // read once: its name and its office's address
    Map<String, Object> model = new HashMap<>();
    model.put("loanLabel", loan.label());
    model.put("groupName", loan.groupName());
    model.put("districtName", district.map(District::nameTh).orElse(loan.districtCode()));
    model.put("claimSummary", string(execution, Var.CLAIM_SUMMARY).replace("**", ""));
    model.put("outcomeSummary", string(execution, Var.OUTCOME_SUMMARY));
    model.put("familyMember", string(execution, Var.FAMILY_MEMBER));
    model.put("today", ThaiDates.format(EngineClock.today()));
    List<String> to = new ArrayList<>();
    district.map(District::officeEmail).ifPresent(to::add);
    to.add(loan.contactEmail());
    mail.send(
        new ThaiMail(
            to,
            "ผลการใช้ความคุ้มครองความเสี่ยงกรณีผู้กู้เสียชีวิต " + loan.label(),
            "death-claim-result",
            model));
  }

  public void recordLetter(DelegateExecution task) {
    service.recordLetter(
        claimId(task),
        string(task, Var.LETTER_NO),
        string(task, Var.LETTER_DATE),
        EngineClock.today());
  }

  /** The claim of this instance, from the fund's records. */
  long claimId(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  static String user(DelegateExecution execution) {
    Authentication auth =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }
}
