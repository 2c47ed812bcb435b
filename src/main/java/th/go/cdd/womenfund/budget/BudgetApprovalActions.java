package th.go.cdd.womenfund.budget;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.approval.MakerChecker.ApprovedAction;
import th.go.cdd.womenfund.security.Actor;

/** What an approved administrative-budget change or disbursement does: checked again, then stored. */
@Configuration
public class BudgetApprovalActions {

  @Bean
  ApprovedAction approvedBudget(AdminBudgetService budgets) {
    return action(ApprovalKind.BUDGET, budgets);
  }

  @Bean
  ApprovedAction approvedDisbursement(AdminBudgetService budgets) {
    return action(ApprovalKind.DISBURSEMENT, budgets);
  }

  private static ApprovedAction action(ApprovalKind kind, AdminBudgetService budgets) {
    return new ApprovedAction() {
      @Override
      public ApprovalKind kind() {
        return kind;
      }

      @Override
      public void apply(ApprovalRequest entry, Actor approver, LocalDate today) {
        budgets.applyApproved(entry, approver, today);
      }
    };
  }
}
