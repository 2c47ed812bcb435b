package th.go.cdd.womenfund.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.FamilyRelation;
import th.go.cdd.womenfund.loan.InterestRateRepository;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.loan.LoanStatus;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.loan.RepaymentScheduleCalculator;
import th.go.cdd.womenfund.member.Member;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.member.NationalId;

/**
 * Puts a disbursed loan straight into the tables, as the {@code loan-application} process leaves it
 * after the transfer (group, borrowers, family acknowledgements, risk cover, contract, schedule),
 * for demo data and tests of what comes after disbursement. Not used by the application's own flow:
 * a bean only in the {@code demo} and {@code test} profiles, never in production.
 */
@Component
@Profile({"demo", "test"})
public class DisbursedLoans {

  private final JdbcClient jdbc;
  private final AreaRepository areas;
  private final MemberRepository members;
  private final LoanRepository loans;
  private final InterestRateRepository rates;

  public DisbursedLoans(
      JdbcClient jdbc,
      AreaRepository areas,
      MemberRepository members,
      LoanRepository loans,
      InterestRateRepository rates) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.members = members;
    this.loans = loans;
    this.rates = rates;
  }

  public record Borrower(
      String fullName, BigDecimal amount, FamilyRelation relation, String acknowledgedBy) {}

  public record Spec(
      String subDistrictCode,
      String groupName,
      String contactEmail,
      List<Borrower> borrowers,
      int termMonths,
      RepaymentFrequency frequency,
      LocalDate transferDate) {

    public BigDecimal amount() {
      return borrowers.stream().map(Borrower::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A group of {@code size} women each borrowing {@code each}, monthly installments. */
  public static Spec group(
      String subDistrictCode,
      String groupName,
      int size,
      String each,
      int termMonths,
      LocalDate transferDate) {
    List<Borrower> borrowers = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      borrowers.add(
          new Borrower(
              DemoPeople.woman(groupName.length() + i),
              new BigDecimal(each),
              FamilyRelation.SPOUSE,
              DemoPeople.husbandOf(groupName.length() + i)));
    }
    return new Spec(
        subDistrictCode,
        groupName,
        "group-" + Math.abs(groupName.hashCode() % 100000) + "@womenfund.example",
        borrowers,
        termMonths,
        RepaymentFrequency.MONTHLY,
        transferDate);
  }

  /** Inserts the loan; returns its id. */
  @Transactional
  public long insert(Spec spec) {
    SubDistrict s = areas.subDistrict(spec.subDistrictCode()).orElseThrow();
    Timestamp now = Timestamp.from(Instant.now());
    KeyHolder groupKey = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into women_group (name, sub_district_code, contact_name, contact_email, contact_phone, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            spec.groupName(),
            s.code(),
            spec.borrowers().get(0).fullName(),
            spec.contactEmail(),
            "0812345678",
            now)
        .update(groupKey, "id");
    BigDecimal rate = rates.rateOn(spec.transferDate()).loanRatePct();
    KeyHolder loanKey = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into loan_project (group_id, district_code, province_code, purpose, occupation_category,"
                + " requested_amount, term_months, repayment_frequency, status, contract_date, transfer_date,"
                + " transfer_reference, interest_rate_pct, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            groupKey.getKey().longValue(),
            s.districtCode(),
            s.provinceCode(),
            "ทุนหมุนเวียนของ" + spec.groupName(),
            "TRADE",
            spec.amount(),
            spec.termMonths(),
            spec.frequency().name(),
            LoanStatus.DISBURSED.name(),
            spec.transferDate(),
            spec.transferDate(),
            "TR-" + spec.groupName().hashCode(),
            rate,
            now,
            now)
        .update(loanKey, "id");
    long loanId = loanKey.getKey().longValue();
    jdbc.sql("update loan_project set application_no = ?, contract_no = ? where id = ?")
        .params(
            String.format(
                "LA-%s-%d-%05d", s.districtCode(), spec.transferDate().getYear() + 543, loanId),
            "สญ." + s.districtCode() + "/" + loanId + "/" + (spec.transferDate().getYear() + 543),
            loanId)
        .update();
    long next = jdbc.sql("select coalesce(max(id), 0) from member").query(Long.class).single() + 1;
    for (Borrower b : spec.borrowers()) {
      String first12 = String.format("8%011d", next++);
      NationalId id = new NationalId(first12 + NationalId.checkDigit(first12));
      long memberId =
          members.save(
              new Member(
                  null,
                  id,
                  b.fullName(),
                  spec.transferDate().minusYears(40),
                  spec.transferDate().minusYears(5),
                  s.code()));
      jdbc.sql("insert into loan_borrower (loan_id, member_id, amount) values (?, ?, ?)")
          .params(loanId, memberId, b.amount())
          .update();
      jdbc.sql(
              "insert into family_acknowledgement (loan_id, member_id, relation, full_name, acknowledged_on)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              loanId,
              memberId,
              b.relation().name(),
              b.acknowledgedBy(),
              spec.transferDate().minusDays(30))
          .update();
      loans.insertRiskCover(
          loanId, memberId, b.acknowledgedBy(), b.relation(), spec.transferDate());
    }
    loans.replaceSchedule(
        loanId,
        RepaymentScheduleCalculator.schedule(
            spec.amount(), rate, spec.termMonths(), spec.frequency(), spec.transferDate()));
    return loanId;
  }
}
