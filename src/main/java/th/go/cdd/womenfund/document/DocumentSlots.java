package th.go.cdd.womenfund.document;

import java.util.List;

/**
 * The papers a capability's processes take. Each capability with such steps implements it (loan,
 * riskcover, overdue, subsidy, restructuring), so that this capability depends on none of them.
 */
public interface DocumentSlots {

  List<DocumentSlot> slots();
}
