package th.go.cdd.womenfund.budget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.MakerChecker.ApprovedAction;

/**
 * What an approved administrative-budget change or disbursement does: checked again, then stored.
 */
@Configuration
public class BudgetApprovalActions {

  @Bean
  ApprovedAction approvedBudgetEntry(AdminBudgetService budgets) {
    return ApprovedAction.of(
        budgets::applyApproved, ApprovalKind.BUDGET, ApprovalKind.DISBURSEMENT);
  }
}
