package th.go.cdd.womenfund.repayment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.MakerChecker.ApprovedAction;

/**
 * What an approved payment, bank statement or reversal does: checked again and applied (the ledger
 * changes only now).
 */
@Configuration
public class PaymentApprovalActions {

  @Bean
  ApprovedAction approvedPayment(PaymentService payments) {
    return ApprovedAction.of(payments::recordApproved, ApprovalKind.PAYMENT);
  }

  @Bean
  ApprovedAction approvedReversal(PaymentReversals reversals) {
    return ApprovedAction.of(reversals::applyApproved, ApprovalKind.REVERSAL);
  }

  @Bean
  ApprovedAction approvedStatement(BankStatementImport statements) {
    return ApprovedAction.of(statements::applyApproved, ApprovalKind.STATEMENT);
  }
}
