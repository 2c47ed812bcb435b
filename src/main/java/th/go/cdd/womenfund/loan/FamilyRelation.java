package th.go.cdd.womenfund.loan;

import java.util.Arrays;
import java.util.Optional;

/** Who in the borrower's family acknowledged the loan (seed 4.2). Officers write the Thai word. */
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

  public static Optional<FamilyRelation> fromText(String text) {
    String t = text == null ? "" : text.strip();
    return Arrays.stream(values())
        .filter(r -> r.labelTh.equals(t) || r.name().equalsIgnoreCase(t))
        .findFirst();
  }
}
