package th.go.cdd.womenfund.repayment;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.approval.MakerChecker.ApprovedAction;
import th.go.cdd.womenfund.security.Actor;

/** What an approved payment, bank statement or reversal does: checked again and applied (the ledger changes only now). */
@Configuration
public class PaymentApprovalActions {

  @Bean
  ApprovedAction approvedPayment(PaymentService payments) {
    return new ApprovedAction() {
      @Override
      public ApprovalKind kind() {
        return ApprovalKind.PAYMENT;
      }

      @Override
      public void apply(ApprovalRequest entry, Actor approver, LocalDate today) {
        payments.recordApproved(entry, approver, today);
      }
    };
  }

  @Bean
  ApprovedAction approvedReversal(PaymentReversals reversals) {
    return new ApprovedAction() {
      @Override
      public ApprovalKind kind() {
        return ApprovalKind.REVERSAL;
      }

      @Override
      public void apply(ApprovalRequest entry, Actor approver, LocalDate today) {
        reversals.applyApproved(entry, approver, today);
      }
    };
  }

  @Bean
  ApprovedAction approvedStatement(BankStatementImport statements) {
    return new ApprovedAction() {
      @Override
      public ApprovalKind kind() {
        return ApprovalKind.STATEMENT;
      }

      @Override
      public void apply(ApprovalRequest entry, Actor approver, LocalDate today) {
        statements.applyApproved(entry, approver, today);
      }
    };
  }
}
