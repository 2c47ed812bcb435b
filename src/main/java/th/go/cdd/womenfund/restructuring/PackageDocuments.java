package th.go.cdd.womenfund.restructuring;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.document.DocumentSlot;
import th.go.cdd.womenfund.document.DocumentSlots;
import th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;

/**
 * The papers of a district's restructuring package, one kind per document type of the checklist
 * (table {@code restructuring_document_type}): attached while the district prepares the package or
 * the province records its receipt.
 */
@Component
public class PackageDocuments implements DocumentSlots {

  /** The document's type code: the checklist's code with this prefix. */
  static final String PREFIX = "RS_";

  private final RestructuringRepository repo;

  public PackageDocuments(RestructuringRepository repo) {
    this.repo = repo;
  }

  @Override
  public List<DocumentSlot> slots() {
    return repo.documentTypes().stream()
        .map(
            t ->
                new DocumentSlot(
                    RestructuringProcess.PACKAGE_KEY,
                    Set.of(Element.PREPARE_PACKAGE, Element.RECORD_RECEIPT_TASK),
                    PREFIX + t.code(),
                    t.nameTh()))
        .toList();
  }
}
