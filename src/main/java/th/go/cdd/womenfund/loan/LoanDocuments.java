package th.go.cdd.womenfund.loan;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.document.DocumentSlot;
import th.go.cdd.womenfund.document.DocumentSlots;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;

/** The papers of a loan application: the signed contract and the transfer slip. */
@Component
public class LoanDocuments implements DocumentSlots {

  public static final String SIGNED_CONTRACT = "SIGNED_CONTRACT";
  public static final String TRANSFER_SLIP = "TRANSFER_SLIP";

  @Override
  public List<DocumentSlot> slots() {
    return List.of(
        new DocumentSlot(
            LoanApplicationProcess.KEY,
            Set.of(Element.SIGN_CONTRACT),
            SIGNED_CONTRACT,
            "สำเนาสัญญากู้ยืมที่ลงนามแล้ว"),
        new DocumentSlot(
            LoanApplicationProcess.KEY,
            Set.of(Element.RECORD_TRANSFER),
            TRANSFER_SLIP,
            "หลักฐานการโอนเงิน (สลิป)"));
  }
}
