package th.go.cdd.womenfund.overdue;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.document.DocumentSlot;
import th.go.cdd.womenfund.document.DocumentSlots;

/** Photos (or a scanned report) of an overdue group's field visit. */
@Component
public class FieldVisitDocuments implements DocumentSlots {

  public static final String VISIT_PHOTO = "VISIT_PHOTO";

  @Override
  public List<DocumentSlot> slots() {
    return List.of(
        new DocumentSlot(
            OverdueFollowUpProcess.KEY,
            Set.of(OverdueFollowUpProcess.Element.FIELD_VISIT),
            VISIT_PHOTO,
            "ภาพถ่ายหรือบันทึกการลงพื้นที่"));
  }
}
