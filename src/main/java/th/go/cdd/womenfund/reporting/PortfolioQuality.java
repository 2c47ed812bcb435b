package th.go.cdd.womenfund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.overdue.NightlyOverdueJob;
import th.go.cdd.womenfund.overdue.OverdueSettings;
import th.go.cdd.womenfund.repayment.LedgerReconciliation;
import th.go.cdd.womenfund.reporting.PortfolioRepository.TrendPoint;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Portfolio quality against the overdue target (seed item 1, {@code womenfund.overdue.target-pct}):
 * delinquency buckets and the overdue ratio per district, province and the whole country, on any
 * day (the fund's one definition, {@code repayment.PortfolioArrears}, also behind the dashboard's
 * {@code OverdueFigures}). A past day with a stored snapshot is read from it (the nightly job
 * stores one every night, so the trend stays visible even after schedules change); any other day is
 * computed from the payments dated up to it.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioQuality implements NightlyOverdueJob.NightlyTask {

  private final PortfolioRepository repo;
  private final BigDecimal targetPct;

  private final LedgerReconciliation reconciliation;

  public PortfolioQuality(
      PortfolioRepository repo, OverdueSettings settings, LedgerReconciliation reconciliation) {
    this.repo = repo;
    this.targetPct = settings.targetPct();
    this.reconciliation = reconciliation;
  }

  public record Report(
      LocalDate date,
      BigDecimal targetPct,
      boolean fromSnapshot,
      AreaQuality national,
      List<AreaQuality> provinces,
      List<AreaQuality> districts) {}

  public BigDecimal targetPct() {
    return targetPct;
  }

  /**
   * Every area on {@code day}; {@code visible} filters provinces and districts (the national figure
   * stays). Today is computed live, as the dashboard does (the night's snapshot misses the day's
   * payments); an earlier day is read from its snapshot when there is one.
   */
  public Report on(LocalDate day, Predicate<AreaQuality> visible) {
    Report all;
    if (day.isBefore(EngineClock.today()) && repo.hasSnapshot(day)) {
      Map<String, String> names = repo.areaNames();
      List<AreaQuality> rows =
          repo.snapshot(day).stream()
              .map(
                  q ->
                      new AreaQuality(
                          q.level(),
                          q.code(),
                          q.level().equals(AreaQuality.NATIONAL)
                              ? "ทั่วประเทศ"
                              : names.getOrDefault(q.code(), q.code()),
                          q.loans(),
                          q.outstanding(),
                          q.overdueLoans(),
                          q.overdueAmount(),
                          q.buckets()))
              .toList();
      all =
          new Report(
              day,
              targetPct,
              true,
              rows.stream()
                  .filter(q -> q.level().equals(AreaQuality.NATIONAL))
                  .findFirst()
                  .orElse(
                      AreaQuality.sum(
                          AreaQuality.NATIONAL,
                          AreaQuality.NATIONAL_CODE,
                          "ทั่วประเทศ",
                          List.of())),
              level(rows, AreaQuality.PROVINCE),
              level(rows, AreaQuality.DISTRICT));
    } else {
      all = compute(day);
    }
    return new Report(
        all.date(),
        all.targetPct(),
        all.fromSnapshot(),
        all.national(),
        all.provinces().stream().filter(visible).toList(),
        all.districts().stream().filter(visible).toList());
  }

  /** Computed from the payment records, whatever is stored. */
  public Report compute(LocalDate day) {
    List<AreaQuality> districts = repo.districtsOn(day, null);
    Map<String, String> names = repo.areaNames();
    Map<String, List<AreaQuality>> byProvince =
        districts.stream()
            .collect(
                Collectors.groupingBy(
                    d -> d.code().substring(0, 2), TreeMap::new, Collectors.toList()));
    List<AreaQuality> provinces = new ArrayList<>();
    byProvince.forEach(
        (code, parts) ->
            provinces.add(
                AreaQuality.sum(
                    AreaQuality.PROVINCE, code, names.getOrDefault(code, code), parts)));
    AreaQuality national =
        AreaQuality.sum(AreaQuality.NATIONAL, AreaQuality.NATIONAL_CODE, "ทั่วประเทศ", provinces);
    return new Report(day, targetPct, false, national, List.copyOf(provinces), districts);
  }

  /** Stores the day's figures (replacing any earlier snapshot of that day): idempotent. */
  @Transactional
  public Report snapshot(LocalDate day) {
    Report r = compute(day);
    List<AreaQuality> rows = new ArrayList<>();
    rows.add(r.national());
    rows.addAll(r.provinces());
    rows.addAll(r.districts());
    repo.replaceSnapshot(day, rows);
    return r;
  }

  @Override
  @Transactional
  public void run(LocalDate today) {
    snapshot(today);
    // today's figures are read from the installments' paid to date: check them against the ledger
    reconciliation.check();
  }

  public List<TrendPoint> trend(String level, String code, LocalDate from, LocalDate to) {
    return repo.trend(level, code, from, to);
  }

  private static List<AreaQuality> level(List<AreaQuality> rows, String level) {
    return rows.stream()
        .filter(q -> q.level().equals(level))
        .sorted(Comparator.comparing(AreaQuality::code))
        .toList();
  }
}
