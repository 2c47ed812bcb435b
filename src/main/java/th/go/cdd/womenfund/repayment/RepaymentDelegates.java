package th.go.cdd.womenfund.repayment;

import static th.go.cdd.womenfund.system.FormValues.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.approval.MoneyApprovalSteps;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.Submitted;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Var;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.security.InstanceAuthorizations;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/** The delegate of {@code record-repayment}: the officer's start form becomes a payment. */
@Configuration
public class RepaymentDelegates {

  @Bean
  JavaDelegate recordRepayment(
      PaymentService payments, InstanceAuthorizations instances, MoneyApprovalSteps approvals) {
    return execution -> {
      try {
        record(execution, payments, instances, approvals);
      } catch (ThaiValidationException e) {
        throw new RefusedInputException(e);
      }
    };
  }

  /**
   * The start of {@code payment-reversal}: the officer's request waits, bound to this instance, for
   * a second officer.
   */
  @Bean
  JavaDelegate requestPaymentReversal(PaymentReversals reversals, MoneyApprovalSteps approvals) {
    return RefusedInputException.refusingBadInput(
        execution -> {
          Actor actor =
              CurrentActor.runningStep(execution, "ไม่ทราบผู้ขอ: กรุณาเข้าสู่ระบบก่อนขอกลับรายการ");
          var entry =
              reversals.requestByReference(
                  string(execution, PaymentReversalProcess.Var.LOAN_NUMBER),
                  string(execution, PaymentReversalProcess.Var.PAYMENT_REFERENCE),
                  string(execution, PaymentReversalProcess.Var.REASON),
                  actor,
                  EngineClock.today(),
                  e -> approvals.attach(execution, e));
          RepaymentLoan loan = reversals.loanOf(entry);
          execution.setProcessBusinessKey(
              loan.applicationNo() + "/" + entry.reference() + "/กลับรายการ");
          execution.setVariable(PaymentReversalProcess.Var.APPLICATION_NO, loan.applicationNo());
        });
  }

  /**
   * Records the keyed payment, or (above {@code womenfund.repayment.approval-threshold}) stores it
   * as pending and binds it to this instance, whose next step is then the approval task.
   */
  static void record(
      DelegateExecution execution,
      PaymentService payments,
      InstanceAuthorizations instances,
      MoneyApprovalSteps approvals) {
    Actor actor =
        CurrentActor.runningStep(
            execution, "ไม่ทราบผู้บันทึก: กรุณาเข้าสู่ระบบก่อนบันทึกการรับชำระ");
    Submitted s =
        payments.submitByNumber(
            new PaymentInput(
                string(execution, Var.LOAN_NUMBER),
                string(execution, Var.PAID_ON),
                string(execution, Var.AMOUNT),
                string(execution, Var.REFERENCE),
                string(execution, Var.NOTE)),
            PaymentSource.OFFICER,
            actor,
            EngineClock.today());
    RepaymentLoan loan =
        s.waitsForApproval() ? payments.loan(s.pending().loanId()) : s.recorded().loan();
    String reference = s.waitsForApproval() ? s.pending().reference() : s.recorded().reference();
    execution.setProcessBusinessKey(loan.applicationNo() + "/" + reference);
    execution.setVariable(Var.LOAN_ID, loan.id());
    execution.setVariable(Var.APPLICATION_NO, loan.applicationNo());
    execution.setVariable(Var.DISTRICT_CODE, loan.districtCode());
    execution.setVariable(Var.PROVINCE_CODE, loan.provinceCode());
    if (s.waitsForApproval()) {
      execution.setVariable(Var.PAYMENT_SUMMARY, "รอการอนุมัติ: " + s.pending().summary());
      approvals.attach(execution, s.pending());
    } else {
      execution.setVariable(Var.PAYMENT_SUMMARY, s.recorded().summaryTh());
      instances.grantArea(
          execution.getProcessEngineServices().getAuthorizationService(),
          execution.getProcessInstanceId(),
          loan.districtCode(),
          loan.provinceCode());
    }
  }
}
