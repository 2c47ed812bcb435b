package th.go.cdd.womenfund.budget;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Proposed and approved subsidy allocations with each district's line. */
@Repository
public class SubsidyAllocationRepository {

  private final JdbcClient jdbc;

  public SubsidyAllocationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Allocation(
      long id,
      String provinceCode,
      int fiscalYear,
      BigDecimal budget,
      AllocationBasis basis,
      SubsidyAllocator.Weights weights,
      LocalDate factsAsOf,
      AllocationStatus status,
      LocalDate decidedOn,
      String decisionReason,
      String processInstanceId) {}

  public record Line(
      String districtCode,
      int subDistricts,
      int members,
      BigDecimal overduePct,
      BigDecimal exactQuota,
      BigDecimal amount) {}

  public long insert(
      String provinceCode,
      int fiscalYear,
      BigDecimal budget,
      AllocationBasis basis,
      SubsidyAllocator.Weights w,
      LocalDate factsAsOf,
      String proposedBy,
      String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into subsidy_allocation (fiscal_year, budget, basis, weight_sub_districts, weight_members,"
                + " weight_overdue, facts_as_of, status, province_code, proposed_by, process_instance_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            proposed(
                fiscalYear,
                budget,
                basis,
                w,
                factsAsOf,
                provinceCode,
                proposedBy,
                processInstanceId,
                Timestamp.from(Instant.now())))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void revise(
      long id,
      int fiscalYear,
      BigDecimal budget,
      AllocationBasis basis,
      SubsidyAllocator.Weights w,
      LocalDate factsAsOf) {
    jdbc.sql(
            "update subsidy_allocation set fiscal_year = ?, budget = ?, basis = ?, weight_sub_districts = ?,"
                + " weight_members = ?, weight_overdue = ?, facts_as_of = ?, status = ?, decided_on = null,"
                + " decision_reason = null where id = ?")
        .params(proposed(fiscalYear, budget, basis, w, factsAsOf, id))
        .update();
    jdbc.sql("delete from subsidy_allocation_line where allocation_id = ?").param(id).update();
  }

  /**
   * A proposal's columns in the order both {@link #insert} and {@link #revise} name them (fiscal
   * year to status), then the statement's own values.
   */
  private static Object[] proposed(
      int fiscalYear,
      BigDecimal budget,
      AllocationBasis basis,
      SubsidyAllocator.Weights w,
      LocalDate factsAsOf,
      Object... then) {
    return Stream.concat(
            Stream.of(
                fiscalYear,
                budget,
                basis.name(),
                w.subDistricts(),
                w.members(),
                w.overdue(),
                factsAsOf,
                AllocationStatus.PROPOSED.name()),
            Arrays.stream(then))
        .toArray();
  }

  public void insertLine(long id, SubsidyAllocator.DistrictFacts f, SubsidyAllocator.Share s) {
    jdbc.sql(
            "insert into subsidy_allocation_line (allocation_id, district_code, sub_districts, members, overdue_pct,"
                + " exact_quota, amount) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            f.districtCode(),
            f.subDistricts(),
            f.members(),
            f.overduePct(),
            s.exactQuota(),
            s.amount())
        .update();
  }

  public void decide(long id, AllocationStatus status, LocalDate on, String reason) {
    jdbc.sql(
            "update subsidy_allocation set status = ?, decided_on = ?, decision_reason = ? where id = ?")
        .params(status.name(), on, reason, id)
        .update();
  }

  /** An approved allocation replaces the one approved before it for the same province and year. */
  public void supersedeApproved(String provinceCode, int fiscalYear, long exceptId) {
    jdbc.sql(
            "update subsidy_allocation set status = ? where province_code = ? and fiscal_year = ? and status = ?"
                + " and id <> ?")
        .params(
            AllocationStatus.SUPERSEDED.name(),
            provinceCode,
            fiscalYear,
            AllocationStatus.APPROVED.name(),
            exceptId)
        .update();
  }

  public Allocation get(long id) {
    return jdbc.sql(
            "select id, province_code, fiscal_year, budget, basis, weight_sub_districts, weight_members,"
                + " weight_overdue, facts_as_of, status, decided_on, decision_reason, process_instance_id"
                + " from subsidy_allocation where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Allocation(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getBigDecimal(4),
                    AllocationBasis.valueOf(rs.getString(5)),
                    new SubsidyAllocator.Weights(rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                    rs.getDate(9).toLocalDate(),
                    AllocationStatus.valueOf(rs.getString(10)),
                    date(rs, 11),
                    rs.getString(12),
                    rs.getString(13)))
        .single();
  }

  public List<Line> lines(long id) {
    return jdbc.sql(
            "select district_code, sub_districts, members, overdue_pct, exact_quota, amount"
                + " from subsidy_allocation_line where allocation_id = ? order by district_code")
        .param(id)
        .query(
            (rs, n) ->
                new Line(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5),
                    rs.getBigDecimal(6)))
        .list();
  }

  /**
   * The approved allocation of the year, else the latest one still waiting for the sub-committee.
   */
  public Optional<Allocation> current(String provinceCode, int fiscalYear) {
    return jdbc
        .sql(
            "select id from subsidy_allocation where province_code = ? and fiscal_year = ? and status in (?, ?)"
                + " order by case when status = ? then 0 else 1 end, id desc")
        .params(
            provinceCode,
            fiscalYear,
            AllocationStatus.APPROVED.name(),
            AllocationStatus.PROPOSED.name(),
            AllocationStatus.APPROVED.name())
        .query(Long.class)
        .list()
        .stream()
        .findFirst()
        .map(this::get);
  }

  public int count() {
    return jdbc.sql("select count(*) from subsidy_allocation").query(Integer.class).single();
  }

  /** A district's share of its province's approved allocation of a fiscal year. */
  public record DistrictShare(
      long allocationId, String districtCode, int fiscalYear, BigDecimal amount) {}

  /**
   * The district's share of the approved allocation of the fiscal year (the subsidy capability
   * approves projects within it), locking the allocation's row until the transaction ends so two
   * approvals never both spend the rest.
   */
  public Optional<DistrictShare> approvedShareLocked(String districtCode, int fiscalYear) {
    Optional<Long> id =
        jdbc
            .sql(
                "select id from subsidy_allocation where province_code = ? and fiscal_year = ?"
                    + " and status = ? order by id desc")
            .params(districtCode.substring(0, 2), fiscalYear, AllocationStatus.APPROVED.name())
            .query(Long.class)
            .list()
            .stream()
            .findFirst();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    jdbc.sql("select id from subsidy_allocation where id = ? for update")
        .param(id.get())
        .query(Long.class)
        .optional();
    return jdbc.sql(
            "select amount from subsidy_allocation_line where allocation_id = ? and district_code = ?")
        .params(id.get(), districtCode)
        .query(BigDecimal.class)
        .optional()
        .map(amount -> new DistrictShare(id.get(), districtCode, fiscalYear, amount));
  }
}
