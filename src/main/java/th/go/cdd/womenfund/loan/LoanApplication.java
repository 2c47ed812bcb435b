package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.member.NationalId;

/** A checked loan application: a women's group's project with its borrowers. */
public record LoanApplication(
    String groupName,
    SubDistrict subDistrict,
    String contactName,
    String contactEmail,
    String contactPhone,
    String purpose,
    OccupationCategory occupation,
    BigDecimal requestedAmount,
    int termMonths,
    RepaymentFrequency frequency,
    List<Borrower> borrowers,
    boolean allBorrowersThaiWomen) {

  /** One borrower of the group, with her family's acknowledgement of the amount. */
  public record Borrower(
      NationalId nationalId,
      String fullName,
      LocalDate birthDate,
      LocalDate residentSince,
      BigDecimal amount,
      Acknowledgement acknowledgement) {}

  /** การรับทราบของครอบครัว: who acknowledged the amount, and when. */
  public record Acknowledgement(FamilyRelation relation, String fullName, LocalDate date) {}

  /** The facts the eligibility decision table looks at. */
  public EligibilityFacts facts(LocalDate today) {
    return new EligibilityFacts(
        borrowers.size(),
        requestedAmount,
        borrowers.stream()
            .map(Borrower::amount)
            .max(Comparator.naturalOrder())
            .orElse(BigDecimal.ZERO),
        termMonths,
        borrowers.stream()
            .mapToInt(b -> java.time.Period.between(b.birthDate(), today).getYears())
            .min()
            .orElse(0),
        borrowers.stream()
            .mapToInt(b -> (int) java.time.Period.between(b.residentSince(), today).toTotalMonths())
            .min()
            .orElse(0),
        allBorrowersThaiWomen);
  }
}
