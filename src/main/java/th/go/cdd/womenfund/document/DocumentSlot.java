package th.go.cdd.womenfund.document;

import java.util.Set;

/**
 * A kind of paper a process takes: attached while one of {@code steps} (user task ids) of an
 * instance of {@code processKey} is open.
 *
 * @param processKey the process whose instances take it
 * @param steps the user tasks during which it may be attached
 * @param code stored with the document (e.g. {@code SIGNED_CONTRACT})
 * @param nameTh what the pages call it
 */
public record DocumentSlot(String processKey, Set<String> steps, String code, String nameTh) {

  public DocumentSlot {
    steps = Set.copyOf(steps);
  }
}
