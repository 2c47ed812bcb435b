package th.go.cdd.womenfund.repayment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The fund's one overdue ratio, from the repayment ledger: per district, the principal outstanding
 * on the day of loans transferred by then, and the part of it due before that day, counting the
 * payments dated up to it (with the corrections of reversals), whatever the loan's status (a loan
 * handed over to restructuring or legal action is still owed). It is {@link PortfolioArrears}'s
 * figure, so the dashboard, the briefing, the subsidy allocation and the portfolio API agree to the
 * satang (they used to differ: this class read only DISBURSED loans and every payment, whatever its
 * date).
 */
@Component
public class InstallmentOverdueFigures implements OverdueFigures {

  private final PortfolioArrears arrears;

  public InstallmentOverdueFigures(PortfolioArrears arrears) {
    this.arrears = arrears;
  }

  @Override
  public List<DistrictOverdue> byDistrict(String provinceCode, LocalDate asOf) {
    return arrears.byDistrictOn(asOf, provinceCode).stream()
        .map(a -> new DistrictOverdue(a.districtCode(), a.outstanding(), a.overdue()))
        .toList();
  }
}
