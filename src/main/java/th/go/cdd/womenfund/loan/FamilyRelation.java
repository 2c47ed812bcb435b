package th.go.cdd.womenfund.loan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who in the borrower's family acknowledged the loan (seed 4.2). Officers choose the Thai word in
 * the loan forms (their select lists these labels, LoanFormsTest checks) or write it in imports.
 */
public enum FamilyRelation {
  SPOUSE("คู่สมรส"),
  CHILD("บุตร"),
  RELATIVE("ญาติ");

  private final String labelTh;

  FamilyRelation(String labelTh) {
    this.labelTh = labelTh;
  }

  public String labelTh() {
    return labelTh;
  }

  /** The Thai words, in order: the choices the forms offer and the server accepts. */
  public static List<String> labelsTh() {
    return Arrays.stream(values()).map(FamilyRelation::labelTh).toList();
  }

  /** The choices for a Thai message: "คู่สมรส บุตร หรือ ญาติ". */
  public static String choicesTh() {
    List<String> labels = labelsTh();
    return String.join(" ", labels.subList(0, labels.size() - 1))
        + " หรือ "
        + labels.get(labels.size() - 1);
  }

  public static Optional<FamilyRelation> fromText(String text) {
    String t = text == null ? "" : text.strip();
    return Arrays.stream(values())
        .filter(r -> r.labelTh.equals(t) || r.name().equalsIgnoreCase(t))
        .findFirst();
  }
}
