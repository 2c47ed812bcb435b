package th.go.cdd.womenfund.approval;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import th.go.cdd.womenfund.system.ProcessModel;

/**
 * The {@code moneyApprovals} bean of the model tests whose BPMN carries a second officer's approval
 * task.
 */
public final class MoneyApprovalMocks {

  private MoneyApprovalMocks() {}

  /**
   * Registers a mock that offers the approval task to {@code approvers}; stub waiting/approved per
   * test.
   */
  public static MoneyApprovalSteps offeredTo(ProcessModel model, String approvers) {
    MoneyApprovalSteps approvals = model.bean("moneyApprovals", mock(MoneyApprovalSteps.class));
    when(approvals.approverGroups(any())).thenReturn(List.of(approvers));
    return approvals;
  }
}
