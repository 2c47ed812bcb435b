package th.go.cdd.womenfund.riskcover;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.document.DocumentSlot;
import th.go.cdd.womenfund.document.DocumentSlots;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess.Element;

/**
 * The death certificate of a claim: attached by the district while the province reviews the claim,
 * or with the letter to the family.
 */
@Component
public class DeathClaimDocuments implements DocumentSlots {

  public static final String DEATH_CERTIFICATE = "DEATH_CERTIFICATE";

  @Override
  public List<DocumentSlot> slots() {
    return List.of(
        new DocumentSlot(
            DeathClaimProcess.KEY,
            Set.of(Element.REVIEW, Element.FAMILY_LETTER),
            DEATH_CERTIFICATE,
            "สำเนาใบมรณบัตร"));
  }
}
