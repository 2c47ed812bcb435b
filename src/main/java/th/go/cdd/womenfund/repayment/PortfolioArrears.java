package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based arrears per district on any day, from the repayment ledger (the schedules, the
 * payments' allocations and the corrections of reversals). The ledger's tables are read here, by
 * the capability that owns them; reporting (portfolio quality, the snapshots) asks this class.
 *
 * <p>Two ways to the same figures (issue 15, docs/PERFORMANCE.md "National size"):
 *
 * <ul>
 *   <li><b>paid to date</b>: each installment's {@code principal_paid}, kept by repayment in the
 *       same transaction as every payment, reversal and reschedule ({@link
 *       RepaymentRepository#updateInstallments}), always equals the principal of its allocations
 *       plus their corrections. On a day no payment is dated after (today: a payment in the future
 *       is refused) that is exactly what the ledger gives, without reading the allocations: only
 *       the installments not paid off are read.
 *   <li><b>the ledger</b>: for a past day with payments dated after it (a backfilled snapshot, an
 *       as-of figure), the allocations of the payments dated up to that day are summed.
 * </ul>
 *
 * {@code PaidToDateTest} holds the two to each other and the invariant on every installment.
 */
@Repository
public class PortfolioArrears {

  /**
   * Per district, of per-loan figures {@code x} (outstanding, overdue, oldest unpaid due date):
   * outstanding, loans and principal overdue, then loans and principal in each band of days past
   * due, the bounds passed as dates.
   */
  private static final String BANDS =
      """
        sum(x.outstanding), sum(case when x.overdue > 0 then 1 else 0 end), sum(x.overdue),
        sum(case when x.oldest >= :d30 then 1 else 0 end), sum(case when x.oldest >= :d30 then x.overdue else 0 end),
        sum(case when x.oldest < :d30 and x.oldest >= :d60 then 1 else 0 end),
        sum(case when x.oldest < :d30 and x.oldest >= :d60 then x.overdue else 0 end),
        sum(case when x.oldest < :d60 and x.oldest >= :d90 then 1 else 0 end),
        sum(case when x.oldest < :d60 and x.oldest >= :d90 then x.overdue else 0 end),
        sum(case when x.oldest < :d90 then 1 else 0 end), sum(case when x.oldest < :d90 then x.overdue else 0 end)
      """;

  /**
   * Per loan on day :d: outstanding principal (scheduled less what payments dated on or before :d
   * paid of it, with the corrections of reversals: a reversed payment paid nothing, later ones as
   * re-allocated), the part of it due before :d, and the oldest such unpaid due date; then per
   * district, with the loans banded by that date (bounds passed as dates, so no date arithmetic
   * differs between H2 and PostgreSQL). Loans disbursed after :d or with nothing outstanding do not
   * count. For one province the payments are summed for its loans only (the first {@code %s}):
   * summing the whole country's and joining after made a province's dashboard cost as much as the
   * country's (issue 15, docs/PERFORMANCE.md "National size").
   */
  private static final String BY_DISTRICT =
      "select x.district_code, count(*),"
          + BANDS
          + """
      from (
        select l.id, l.district_code,
          sum(i.principal - coalesce(p.paid, 0)) as outstanding,
          sum(case when i.due_date < :d then i.principal - coalesce(p.paid, 0) else 0 end) as overdue,
          min(case when i.due_date < :d and i.principal - coalesce(p.paid, 0) > 0 then i.due_date end) as oldest
        from loan_view l
        join repayment_installment i on i.loan_id = l.id
        left join (
          select a.loan_id, a.seq, sum(a.principal) as paid
          from (
            select payment_id, loan_id, seq, principal from payment_allocation
            union all
            select payment_id, loan_id, seq, principal from allocation_correction
          ) a join repayment_payment r on r.id = a.payment_id%s
          where r.paid_on <= :d
          group by a.loan_id, a.seq
        ) p on p.loan_id = i.loan_id and p.seq = i.seq
        where l.transfer_date <= :d %s
          and (i.restructured_on is null or i.restructured_on > :d)
          and (i.rescheduled_from is null or i.rescheduled_from <= :d)
        group by l.id, l.district_code
        having sum(i.principal - coalesce(p.paid, 0)) > 0
      ) x
      group by x.district_code
      order by x.district_code
      """;

  /**
   * Per loan from the installments not paid off, by their paid-to-date principal; valid on a day no
   * payment is dated after. Grouped by loan before the loans are joined, so the country's
   * installments are aggregated in parallel; a province's are found by its loans (V90's index holds
   * every column read).
   */
  private static final String PAID_TO_DATE =
      "select l.district_code, count(*),"
          + BANDS
          + """
      from (
        select i.loan_id,
          sum(i.principal - i.principal_paid) as outstanding,
          sum(case when i.due_date < :d then i.principal - i.principal_paid else 0 end) as overdue,
          min(case when i.due_date < :d then i.due_date end) as oldest
        from repayment_installment i%s
        where i.principal_paid < i.principal
          and (i.restructured_on is null or i.restructured_on > :d)
          and (i.rescheduled_from is null or i.rescheduled_from <= :d)
        group by i.loan_id
      ) x
      join loan_view l on l.id = x.loan_id
      where l.transfer_date <= :d%s
      group by l.district_code
      order by l.district_code
      """;

  private static final String PAID_AFTER =
      "select count(*) from repayment_payment where paid_on > :d";

  /**
   * Loans and their overdue principal whose oldest unpaid due date is in one band of days past due.
   */
  public record Band(int loans, BigDecimal overdue) {}

  /**
   * A district's arrears on a day: loans with principal outstanding, that principal, loans and
   * principal overdue, and {@code bands} 1–30, 31–60, 61–90 and over 90 days past due, in this
   * order.
   */
  public record DistrictArrears(
      String districtCode,
      int loans,
      BigDecimal outstanding,
      int overdueLoans,
      BigDecimal overdue,
      List<Band> bands) {}

  private final JdbcClient jdbc;

  public PortfolioArrears(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every district with loans outstanding on {@code day}; {@code provinceCode} null for the whole
   * country. Read from the installments' paid-to-date principal when no payment is dated after
   * {@code day} (always the case for today), otherwise from the ledger.
   */
  public List<DistrictArrears> byDistrictOn(LocalDate day, String provinceCode) {
    return paymentsDatedAfter(day)
        ? fromLedger(day, provinceCode)
        : fromPaidToDate(day, provinceCode);
  }

  /** Whether any payment is dated after {@code day} (none is after today). */
  public boolean paymentsDatedAfter(LocalDate day) {
    return jdbc.sql(PAID_AFTER).param("d", day).query(Integer.class).single() > 0;
  }

  /** The figures from each installment's paid-to-date principal: only valid on such a day. */
  public List<DistrictArrears> fromPaidToDate(LocalDate day, String provinceCode) {
    String sql =
        provinceCode == null
            ? PAID_TO_DATE.formatted("", "")
            : PAID_TO_DATE.formatted(
                "\n join loan_view pl on pl.id = i.loan_id and pl.province_code = :province",
                " and l.province_code = :province");
    return query(sql, day, provinceCode);
  }

  /** The figures from the ledger: the allocations of the payments dated up to {@code day}. */
  public List<DistrictArrears> fromLedger(LocalDate day, String provinceCode) {
    String sql =
        provinceCode == null
            ? BY_DISTRICT.formatted("", "")
            : BY_DISTRICT.formatted(
                "\n join loan_view pl on pl.id = a.loan_id and pl.province_code = :province",
                "and l.province_code = :province");
    return query(sql, day, provinceCode);
  }

  private List<DistrictArrears> query(String sql, LocalDate day, String provinceCode) {
    var spec =
        jdbc.sql(sql)
            .params(
                Map.of(
                    "d",
                    day,
                    "d30",
                    day.minusDays(30),
                    "d60",
                    day.minusDays(60),
                    "d90",
                    day.minusDays(90)));
    if (provinceCode != null) {
      spec = spec.param("province", provinceCode);
    }
    return spec.query(
            (rs, n) ->
                new DistrictArrears(
                    rs.getString(1),
                    rs.getInt(2),
                    money(rs, 3),
                    rs.getInt(4),
                    money(rs, 5),
                    List.of(
                        new Band(rs.getInt(6), money(rs, 7)),
                        new Band(rs.getInt(8), money(rs, 9)),
                        new Band(rs.getInt(10), money(rs, 11)),
                        new Band(rs.getInt(12), money(rs, 13)))))
        .list();
  }

  private static BigDecimal money(ResultSet rs, int col) throws SQLException {
    BigDecimal v = rs.getBigDecimal(col);
    return v == null
        ? BigDecimal.ZERO.setScale(2)
        : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}
