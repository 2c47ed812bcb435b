package th.go.cdd.womenfund.loan;

import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import static th.go.cdd.womenfund.system.FormValues.string;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.loan.LoanApplicationService.Registration;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.FormJsonValues;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The engine edge of {@code loan-application}: reads what the forms sent, calls {@link
 * LoanApplicationService}, writes back what the next steps show. Each public method is a {@link
 * org.camunda.bpm.engine.delegate.JavaDelegate} bean of {@link LoanDelegates}. The "record" steps
 * run synchronously right after their user task: when one refuses the input (a Thai {@link
 * ThaiValidationException}), the task completion rolls back and the officer sees the message.
 */
@Component
public class LoanProcessSteps {

  private final LoanApplicationService service;
  private final LoanNotifications notifications;
  private final InstanceScopes scopes;

  public LoanProcessSteps(
      LoanApplicationService service, LoanNotifications notifications, InstanceScopes scopes) {
    this.service = service;
    this.notifications = notifications;
    this.scopes = scopes;
  }

  public void register(DelegateExecution execution) {
    Registration r = service.register(input(execution), actor(execution), EngineClock.today());
    service.linkProcess(r.loanId(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(r.applicationNo());
    // from here on, the loan and the district of this instance come from the fund's records, not
    // from variables
    scopes.bindDistrict(execution, r.loanId(), r.districtCode());
    store(execution, r);
  }

  public void update(DelegateExecution execution) {
    Registration r =
        service.update(loanId(execution), input(execution), actor(execution), EngineClock.today());
    scopes.bindDistrict(
        execution, r.loanId(), r.districtCode()); // a fix cannot move the application elsewhere
    store(execution, r);
    // the next screening round starts blank: the returned decision must not be pre-filled in the
    // form, nor the
    // province's when it was the province that sent the application back (fixRequest stays: the
    // last return's
    // reason, replaced at the next one)
    execution.removeVariables(
        List.of(
            Var.DISTRICT_DECISION,
            Var.DISTRICT_DECISION_REASON,
            Var.PROVINCE_DECISION,
            Var.PROVINCE_DECISION_REASON));
  }

  public void recordEndorsement(DelegateExecution task) {
    LocalDate date =
        service.recordEndorsement(
            loanId(task),
            string(task, Var.ENDORSEMENT_DATE),
            string(task, Var.ENDORSEMENT_REFERENCE),
            string(task, Var.ENDORSEMENT_OPINION),
            EngineClock.today());
    setIfChanged(task, Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(date));
  }

  public void recordDistrictDecision(DelegateExecution task) {
    Decision d =
        service.recordDistrictDecision(
            loanId(task),
            string(task, Var.DISTRICT_DECISION),
            string(task, Var.DISTRICT_DECISION_REASON),
            EngineClock.today());
    setIfChanged(task, Var.DISTRICT_DECISION, d.name());
    if (d == Decision.RETURN) {
      task.setVariable(
          Var.FIX_REQUEST,
          "คณะอนุกรรมการกลั่นกรองฯ อำเภอส่งกลับให้แก้ไข เหตุผล: "
              + string(task, Var.DISTRICT_DECISION_REASON));
    } else if (d == Decision.REJECT) {
      maskTypedLists(task);
    }
  }

  /**
   * Once the application can no longer be returned for fixes (approved or rejected by the province,
   * or rejected by the district), the people are registered and the forms that follow show the
   * summary: the full national IDs the officer typed are not needed any more.
   */
  private static void maskTypedLists(VariableScope scope) {
    maskIds(scope, Var.BORROWERS);
    maskIds(scope, Var.FAMILY_ACKNOWLEDGEMENTS);
    Object rows = scope.getVariable(Var.BORROWER_ROWS);
    if (rows instanceof String json && !json.equals(NationalId.maskAll(json))) {
      scope.setVariable(Var.BORROWER_ROWS, FormJsonValues.value(NationalId.maskAll(json)));
    }
  }

  private static void maskIds(VariableScope scope, String name) {
    Object text = scope.getVariable(name);
    if (text instanceof String s) {
      setIfChanged(scope, name, NationalId.maskAll(s));
    }
  }

  public void recordProvinceDecision(DelegateExecution task) {
    Decision d =
        service.recordProvinceDecision(
            loanId(task),
            string(task, Var.PROVINCE_DECISION),
            string(task, Var.PROVINCE_DECISION_REASON),
            EngineClock.today());
    setIfChanged(task, Var.PROVINCE_DECISION, d.name());
    if (d == Decision.RETURN) {
      // back to the district's officers (fix), then its screening committee, then the province
      // again
      task.setVariable(
          Var.FIX_REQUEST,
          "คณะอนุกรรมการกองทุนฯ จังหวัดส่งกลับให้อำเภอแก้ไข เหตุผล: "
              + string(task, Var.PROVINCE_DECISION_REASON));
    } else {
      maskTypedLists(task);
    }
  }

  public void recordContract(DelegateExecution task) {
    service.recordContract(
        loanId(task),
        string(task, Var.CONTRACT_NO),
        string(task, Var.CONTRACT_DATE),
        EngineClock.today());
  }

  public void recordTransfer(DelegateExecution task) {
    service.recordTransfer(
        loanId(task),
        string(task, Var.TRANSFER_DATE),
        string(task, Var.TRANSFER_REFERENCE),
        EngineClock.today());
  }

  public void generateSchedule(DelegateExecution execution) {
    execution.setVariable(Var.SCHEDULE_SUMMARY, service.generateSchedule(loanId(execution)));
  }

  public void notifyApproval(DelegateExecution execution) {
    notifications.send(
        notifications.approvalMail(loanId(execution)), loanId(execution), "approved");
  }

  /** Whichever committee rejected: the district's decision is REJECT, or else the province's. */
  public void notifyRejection(DelegateExecution execution) {
    boolean byDistrict = Decision.REJECT.name().equals(string(execution, Var.DISTRICT_DECISION));
    notifications.send(
        byDistrict
            ? notifications.rejectionMail(
                loanId(execution),
                "คณะอนุกรรมการกลั่นกรองและติดตามการดำเนินงานกองทุนฯ อำเภอ",
                string(execution, Var.DISTRICT_DECISION_REASON))
            : notifications.rejectionMail(
                loanId(execution),
                "คณะอนุกรรมการกองทุนพัฒนาบทบาทสตรีจังหวัด",
                string(execution, Var.PROVINCE_DECISION_REASON)),
        loanId(execution),
        "rejected");
  }

  private static void store(DelegateExecution execution, Registration r) {
    execution.setVariable(Var.LOAN_ID, r.loanId());
    execution.setVariable(Var.APPLICATION_NO, r.applicationNo());
    execution.setVariable(Var.DISTRICT_CODE, r.districtCode());
    execution.setVariable(Var.PROVINCE_CODE, r.provinceCode());
    execution.setVariable(Var.AREA_NAME, r.areaName());
    // one variable for what every form shows together: the application and each criterion's outcome
    execution.setVariable(
        Var.APPLICATION_SUMMARY, r.applicationSummary() + "\n\n" + r.eligibilitySummary());
  }

  /**
   * Writes the normalised value only when it differs from what the form sent (each write is a
   * history row).
   */
  private static void setIfChanged(VariableScope scope, String name, String value) {
    if (!value.equals(scope.getVariable(name))) {
      scope.setVariable(name, value);
    }
  }

  static LoanApplicationInput input(VariableScope v) {
    Object thaiWomen = v.getVariable(Var.ALL_THAI_WOMEN);
    return new LoanApplicationInput(
        string(v, Var.GROUP_NAME),
        string(v, Var.SUB_DISTRICT_CODE),
        string(v, Var.CONTACT_NAME),
        string(v, Var.CONTACT_EMAIL),
        string(v, Var.CONTACT_PHONE),
        string(v, Var.PURPOSE),
        string(v, Var.OCCUPATION),
        string(v, Var.REQUESTED_AMOUNT),
        string(v, Var.TERM_MONTHS),
        string(v, Var.REPAYMENT_FREQUENCY),
        string(v, Var.BORROWERS),
        string(v, Var.FAMILY_ACKNOWLEDGEMENTS),
        thaiWomen == null ? null : Boolean.valueOf(thaiWomen.toString()),
        string(v, Var.BORROWER_ROWS));
  }

  /** The loan of this instance, from the fund's records (never the {@code loanId} variable). */
  private long loanId(DelegateExecution execution) {
    return scopes.subject(execution);
  }

  private static Actor actor(DelegateExecution execution) {
    return CurrentActor.of(
            execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElseThrow(
            () ->
                new ThaiValidationException("ไม่ทราบผู้ยื่นคำขอ: กรุณาเข้าสู่ระบบก่อนยื่นคำขอกู้"));
  }
}
