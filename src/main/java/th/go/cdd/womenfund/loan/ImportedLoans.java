package th.go.cdd.womenfund.loan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.SubDistrict;

/**
 * The loan register's side of the portfolio import (issue 15): groups found by their code, running
 * loans found by their contract number, and a loan already disbursed before the system written as
 * the {@code loan-application} process leaves one after the transfer (status DISBURSED, borrowers,
 * family acknowledgements, risk cover, schedule), so the overdue scan, the dashboard, restructuring
 * and the death cover treat it like any other.
 */
@Component
public class ImportedLoans {

  private final JdbcClient jdbc;
  private final InstallmentSchedules schedules;

  public ImportedLoans(JdbcClient jdbc, InstallmentSchedules schedules) {
    this.jdbc = jdbc;
    this.schedules = schedules;
  }

  /** A group as the import needs it: where it is. */
  public record Group(long id, String code, String name, String subDistrictCode) {}

  /** A new group of the fund's books. */
  public record NewGroup(
      String code,
      String name,
      SubDistrict subDistrict,
      String contactName,
      String contactEmail,
      String contactPhone) {}

  /** A loan found by its contract number. */
  public record Contract(
      long id,
      String contractNo,
      String districtCode,
      String provinceCode,
      BigDecimal amount,
      LoanStatus status) {}

  /**
   * One borrower of an imported loan, with the beneficiary of her risk cover (who acknowledged the
   * loan).
   */
  public record Borrower(
      long memberId, BigDecimal amount, String beneficiaryName, FamilyRelation relation) {}

  /** A loan disbursed before the system, as the province's books hold it. */
  public record NewLoan(
      String contractNo,
      Group group,
      SubDistrict subDistrict,
      LocalDate contractDate,
      LocalDate transferDate,
      BigDecimal ratePct,
      int termMonths,
      RepaymentFrequency frequency,
      OccupationCategory occupation,
      String purpose,
      List<Borrower> borrowers) {

    public BigDecimal amount() {
      return borrowers.stream()
          .map(Borrower::amount)
          .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
  }

  public Optional<Group> groupByCode(String code) {
    return jdbc.sql(
            "select id, group_code, name, sub_district_code from women_group where group_code = ?")
        .param(code)
        .query(
            (rs, n) -> new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public long insertGroup(NewGroup g) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into women_group (group_code, name, sub_district_code, contact_name, contact_email, contact_phone,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            g.code(),
            g.name(),
            g.subDistrict().code(),
            g.contactName(),
            g.contactEmail(),
            g.contactPhone(),
            Timestamp.from(Instant.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * The loans with this contract number (the register does not force it unique; the import refuses
   * a clash).
   */
  public List<Contract> byContract(String contractNo) {
    return jdbc.sql(
            "select id, contract_no, district_code, province_code, requested_amount, status from loan_project"
                + " where contract_no = ? order by id")
        .param(contractNo)
        .query(
            (rs, n) ->
                new Contract(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    LoanStatus.valueOf(rs.getString(6))))
        .list();
  }

  /**
   * Writes a disbursed loan with its borrowers, their families' acknowledgements and risk covers;
   * returns its id.
   */
  public long insertDisbursed(NewLoan loan, String importedBy) {
    Timestamp now = Timestamp.from(Instant.now());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into loan_project (group_id, district_code, province_code, purpose, occupation_category,"
                + " requested_amount, term_months, repayment_frequency, status, contract_no, contract_date, transfer_date,"
                + " transfer_reference, interest_rate_pct, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            loan.group().id(),
            loan.subDistrict().districtCode(),
            loan.subDistrict().provinceCode(),
            loan.purpose(),
            loan.occupation().name(),
            loan.amount(),
            loan.termMonths(),
            loan.frequency().name(),
            LoanStatus.DISBURSED.name(),
            loan.contractNo(),
            loan.contractDate(),
            loan.transferDate(),
            "นำเข้าโดย " + importedBy,
            loan.ratePct(),
            now,
            now)
        .update(key, "id");
    long loanId = key.getKey().longValue();
    // the number follow-ups and mails name a loan by, as for a loan applied for here (LA-…): IM-
    // says it was imported
    jdbc.sql("update loan_project set application_no = ? where id = ?")
        .params(
            String.format(
                "IM-%s-%d-%05d",
                loan.subDistrict().districtCode(), loan.contractDate().getYear() + 543, loanId),
            loanId)
        .update();
    for (Borrower b : loan.borrowers()) {
      jdbc.sql("insert into loan_borrower (loan_id, member_id, amount) values (?, ?, ?)")
          .params(loanId, b.memberId(), b.amount())
          .update();
      jdbc.sql(
              "insert into family_acknowledgement (loan_id, member_id, relation, full_name, acknowledged_on)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              loanId, b.memberId(), b.relation().name(), b.beneficiaryName(), loan.contractDate())
          .update();
      jdbc.sql(
              "insert into risk_cover (loan_id, member_id, beneficiary_name, beneficiary_relation, cover_from,"
                  + " in_force) values (?, ?, ?, ?, ?, ?)")
          .params(
              loanId,
              b.memberId(),
              b.beneficiaryName(),
              b.relation().name(),
              loan.contractDate(),
              true)
          .update();
    }
    return loanId;
  }

  public boolean hasSchedule(long loanId) {
    return !schedules.of(loanId).isEmpty();
  }

  /** Sets the schedule of an imported loan (kept by repayment, {@link InstallmentSchedules}). */
  public void setSchedule(long loanId, List<Installment> installments) {
    schedules.replace(loanId, installments);
  }
}
