package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Overdue debt per district on a date: what is still owed (outstanding principal), what of it is
 * past its due date (overdue), and the ratio the province steers by (seed item 1: {@code
 * womenfund.overdue.target-pct}). The dashboard, the briefing and the subsidy allocation read only
 * this; the repayment ledger (issue 4) provides the real figures through {@link
 * InstallmentOverdueFigures}, the same definition as {@link PortfolioArrears} (one ratio).
 */
public interface OverdueFigures {

  record DistrictOverdue(String districtCode, BigDecimal outstanding, BigDecimal overdue) {

    /** Overdue as a percentage of outstanding, two decimals; null when nothing is owed. */
    public BigDecimal ratioPct() {
      if (outstanding == null || outstanding.signum() == 0) {
        return null;
      }
      return overdue.multiply(BigDecimal.valueOf(100)).divide(outstanding, 2, RoundingMode.HALF_UP);
    }
  }

  /**
   * Every district of the province that has debt on {@code asOf} (districts without loans may be
   * absent).
   */
  List<DistrictOverdue> byDistrict(String provinceCode, LocalDate asOf);
}
