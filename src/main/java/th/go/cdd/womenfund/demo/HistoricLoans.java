package th.go.cdd.womenfund.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.FamilyRelation;
import th.go.cdd.womenfund.loan.InterestRateRepository;
import th.go.cdd.womenfund.loan.LoanApplication;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.loan.LoanStatus;
import th.go.cdd.womenfund.loan.OccupationCategory;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.loan.RepaymentScheduleCalculator;
import th.go.cdd.womenfund.member.NationalId;

/**
 * Loans made before the system existed (keyed in from the paper files): disbursed, with a repayment
 * schedule that started in the past. Demo data and tests use them for restructuring and overdue
 * work: a bean only in the {@code demo} and {@code test} profiles, never in production.
 */
@Component
@Profile({"demo", "test"})
public class HistoricLoans {

  private final LoanRepository loans;
  private final AreaRepository areas;
  private final InterestRateRepository rates;

  public HistoricLoans(LoanRepository loans, AreaRepository areas, InterestRateRepository rates) {
    this.loans = loans;
    this.areas = areas;
    this.rates = rates;
  }

  /**
   * A disbursed group loan in the sub-district, one borrower per amount, monthly over {@code
   * termMonths} from {@code transferDate}. {@code seed} makes national IDs and names distinct and
   * repeatable.
   */
  public long disbursed(
      String subDistrictCode,
      String groupName,
      List<BigDecimal> borrowerAmounts,
      LocalDate transferDate,
      int termMonths,
      int seed) {
    SubDistrict s = areas.subDistrict(subDistrictCode).orElseThrow();
    List<LoanApplication.Borrower> borrowers = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < borrowerAmounts.size(); i++) {
      int person = 100_000 + seed * 100 + i;
      borrowers.add(
          new LoanApplication.Borrower(
              new NationalId(DemoPeople.nationalId(person)),
              DemoPeople.woman(person),
              transferDate.minusYears(30 + i),
              transferDate.minusYears(5),
              borrowerAmounts.get(i).setScale(2),
              new LoanApplication.Acknowledgement(
                  FamilyRelation.SPOUSE,
                  DemoPeople.husbandOf(person),
                  transferDate.minusDays(30))));
      total = total.add(borrowerAmounts.get(i));
    }
    LoanApplication app =
        new LoanApplication(
            groupName,
            s,
            DemoPeople.woman(seed),
            "group-h" + seed + "@womenfund.example",
            null,
            "ทุนหมุนเวียนของ" + groupName,
            OccupationCategory.AGRICULTURE,
            total.setScale(2),
            termMonths,
            RepaymentFrequency.MONTHLY,
            borrowers,
            true);
    long loanId = loans.insert(app, transferDate.minusDays(60)).id();
    LocalDate contract = transferDate.minusDays(7);
    BigDecimal rate = rates.rateOn(contract).loanRatePct();
    loans.recordContract(
        loanId,
        "สญ." + s.districtCode() + "/" + (contract.getYear() + 543) + "/" + seed,
        contract,
        rate);
    loans.recordTransfer(loanId, transferDate, "HIST-" + seed);
    loans.replaceSchedule(
        loanId,
        RepaymentScheduleCalculator.schedule(
            total.setScale(2), rate, termMonths, RepaymentFrequency.MONTHLY, transferDate));
    loans.setStatus(loanId, LoanStatus.DISBURSED);
    return loanId;
  }

  /** Splits an exact total into n amounts to the satang (the last takes the remainder). */
  public static List<BigDecimal> split(BigDecimal total, int n) {
    BigDecimal each = total.divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.DOWN);
    List<BigDecimal> parts = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      parts.add(each);
    }
    parts.add(total.subtract(each.multiply(BigDecimal.valueOf(n - 1))));
    return parts;
  }
}
