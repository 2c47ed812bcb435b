package th.go.cdd.womenfund.subsidy;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.document.DocumentSlot;
import th.go.cdd.womenfund.document.DocumentSlots;

/** The transfer slip of a subsidy-type project's disbursement. */
@Component
public class SubsidyProjectDocuments implements DocumentSlots {

  public static final String TRANSFER_SLIP = "TRANSFER_SLIP";

  @Override
  public List<DocumentSlot> slots() {
    return List.of(
        new DocumentSlot(
            SubsidyProjectProcess.KEY,
            Set.of(SubsidyProjectProcess.Element.DISBURSEMENT),
            TRANSFER_SLIP,
            "หลักฐานการโอนเงิน (สลิป)"));
  }
}
