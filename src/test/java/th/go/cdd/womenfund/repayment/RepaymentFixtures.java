package th.go.cdd.womenfund.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.LoanRepository;

/** Disbursed loans with a schedule simple enough to compute by hand. */
public final class RepaymentFixtures {

  public static final LocalDate TRANSFER = LocalDate.of(2025, 12, 31);

  private RepaymentFixtures() {}

  /** The loan's contract number: what an officer keys as the loan number. */
  public static String contractNo(JdbcClient jdbc, long loanId) {
    return jdbc.sql("select contract_no from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  /** The loan's application number: the business key of its processes. */
  public static String applicationNo(JdbcClient jdbc, long loanId) {
    return jdbc.sql("select application_no from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  /** The contact address of the loan's group: where the group's mails go. */
  public static String groupMail(JdbcClient jdbc, long loanId) {
    return jdbc.sql(
            "select g.contact_email from women_group g join loan_project l on l.group_id = g.id where l.id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  /**
   * A 3,000-baht loan of five women (600 each) in ต.คลองใหญ่ อ.แหลมงอบ (2305) or another
   * sub-district: 31 Jan 2026 1,000 + 10.00 interest; 28 Feb 1,000 + 9.00; 31 Mar 1,000 + 8.00.
   */
  public static long simpleLoan(
      DisbursedLoans loans, LoanRepository loanRepository, String subDistrict, String name) {
    long id = loans.insert(DisbursedLoans.group(subDistrict, name, 5, "600.00", 3, TRANSFER));
    loanRepository.replaceSchedule(
        id,
        List.of(
            new Installment(
                1, LocalDate.of(2026, 1, 31), new BigDecimal("1000.00"), new BigDecimal("10.00")),
            new Installment(
                2, LocalDate.of(2026, 2, 28), new BigDecimal("1000.00"), new BigDecimal("9.00")),
            new Installment(
                3, LocalDate.of(2026, 3, 31), new BigDecimal("1000.00"), new BigDecimal("8.00"))));
    return id;
  }

  /**
   * A 120,000-baht loan of five women (24,000 each), large enough for payments above the approval
   * threshold (50,000.00): 31 Jan 2026 40,000 + 30.00 interest; 28 Feb 40,000 + 20.00; 31 Mar
   * 40,000 + 10.00.
   */
  public static long bigLoan(
      DisbursedLoans loans, LoanRepository loanRepository, String subDistrict, String name) {
    long id = loans.insert(DisbursedLoans.group(subDistrict, name, 5, "24000.00", 3, TRANSFER));
    loanRepository.replaceSchedule(
        id,
        List.of(
            new Installment(
                1, LocalDate.of(2026, 1, 31), new BigDecimal("40000.00"), new BigDecimal("30.00")),
            new Installment(
                2, LocalDate.of(2026, 2, 28), new BigDecimal("40000.00"), new BigDecimal("20.00")),
            new Installment(
                3,
                LocalDate.of(2026, 3, 31),
                new BigDecimal("40000.00"),
                new BigDecimal("10.00"))));
    return id;
  }
}
