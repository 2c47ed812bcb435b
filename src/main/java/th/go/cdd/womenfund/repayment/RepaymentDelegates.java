package th.go.cdd.womenfund.repayment;

import static th.go.cdd.womenfund.system.FormValues.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.RecordedPayment;
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
  JavaDelegate recordRepayment(PaymentService payments, InstanceAuthorizations instances) {
    return execution -> {
      try {
        record(execution, payments, instances);
      } catch (ThaiValidationException e) {
        throw new RefusedInputException(e);
      }
    };
  }

  static void record(DelegateExecution execution, PaymentService payments, InstanceAuthorizations instances) {
    Actor actor = CurrentActor.of(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .orElseThrow(() -> new ThaiValidationException("ไม่ทราบผู้บันทึก: กรุณาเข้าสู่ระบบก่อนบันทึกการรับชำระ"));
    RecordedPayment p = payments.recordByNumber(new PaymentInput(string(execution, Var.LOAN_NUMBER),
            string(execution, Var.PAID_ON), string(execution, Var.AMOUNT), string(execution, Var.REFERENCE),
            string(execution, Var.NOTE)), PaymentSource.OFFICER, actor, EngineClock.today());
    execution.setProcessBusinessKey(p.loan().applicationNo() + "/" + p.reference());
    execution.setVariable(Var.LOAN_ID, p.loan().id());
    execution.setVariable(Var.APPLICATION_NO, p.loan().applicationNo());
    execution.setVariable(Var.DISTRICT_CODE, p.loan().districtCode());
    execution.setVariable(Var.PROVINCE_CODE, p.loan().provinceCode());
    execution.setVariable(Var.PAYMENT_SUMMARY, p.summaryTh());
    instances.grantArea(execution.getProcessEngineServices().getAuthorizationService(), execution.getProcessInstanceId(),
        p.loan().districtCode(), p.loan().provinceCode());
  }

}
