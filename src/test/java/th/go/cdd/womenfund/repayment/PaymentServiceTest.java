package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.RecordedPayment;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Recording payments on the real tables: allocation, default interest at the table's rate, every
 * refusal.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class PaymentServiceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Actor OFFICER = new Actor("officer2305", List.of(Roles.districtOfficers("2305")));

  @Autowired PaymentService payments;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  long loanId;
  String contractNo;

  @BeforeEach
  void loan() {
    loanId = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มทดสอบการชำระ");
    contractNo = RepaymentFixtures.contractNo(jdbc, loanId);
  }

  RecordedPayment pay(String date, String amount, String reference) {
    return payments.record(
        loanId,
        new PaymentInput(null, date, amount, reference, null),
        PaymentSource.OFFICER,
        OFFICER,
        TODAY);
  }

  int paymentsOfLoan() {
    return jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
        .param(loanId)
        .query(Integer.class)
        .single();
  }

  @Test
  void aPaymentSettlesTheOldestInstallmentFirstWithDefaultInterestAtTheAnnouncedRate() {
    RecordedPayment p = pay("10/03/2569", "1500", "KTB-0001");
    // default rate 0.1% (announcement 2563): #1 1,000 x 0.1% x 38/365 = 0.104 -> 0.10; #2 10 days
    // -> 0.027 -> 0.03
    assertThat(p.allocations())
        .containsExactly(
            new Allocation(
                1, new BigDecimal("0.10"), new BigDecimal("10.00"), new BigDecimal("1000.00")),
            new Allocation(
                2, new BigDecimal("0.03"), new BigDecimal("9.00"), new BigDecimal("480.87")));
    assertThat(p.after().arrears()).isEqualByComparingTo("519.13");
    assertThat(p.after().daysOverdue()).isEqualTo(10);
    assertThat(p.arrearsCleared()).isFalse();
    assertThat(p.summaryTh())
        .contains("รับชำระ 1,500.00 บาท วันที่ 10 มีนาคม 2569")
        .contains("งวดที่ 2")
        .contains("ดอกเบี้ยผิดนัด 0.03 บาท");

    assertThat(
            jdbc.sql("select settled_on from repayment_installment where loan_id = ? and seq = 1")
                .param(loanId)
                .query(LocalDate.class)
                .single())
        .isEqualTo(TODAY);
    assertThat(
            jdbc.sql(
                    "select principal_paid, default_interest, default_interest_paid, accrued_until"
                        + " from repayment_installment where loan_id = ? and seq = 2")
                .param(loanId)
                .query(
                    (rs, n) ->
                        List.of(
                            rs.getBigDecimal(1),
                            rs.getBigDecimal(2),
                            rs.getBigDecimal(3),
                            rs.getDate(4).toLocalDate()))
                .single())
        .containsExactly(
            new BigDecimal("480.87"), new BigDecimal("0.03"), new BigDecimal("0.03"), TODAY);
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(default_interest + interest + principal), 0) from payment_allocation"
                        + " where payment_id = ?")
                .param(p.paymentId())
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("1500.00");
    assertThat(events.stream(PaymentRecorded.class).filter(e -> e.loanId() == loanId))
        .singleElement()
        .satisfies(e -> assertThat(e.inArrearsAfter()).isTrue());
  }

  @Test
  void theNextPaymentClearsTheArrearsAndTheLastOneClosesTheLoan() {
    pay("10/03/2569", "1500", "KTB-0001");
    // #2 has 519.13 principal left; default interest on it resumes from 10 March: 5 days -> 0.007
    // -> 0.01
    RecordedPayment clearing =
        payments.record(
            loanId,
            new PaymentInput(null, "15/03/2569", "519.14", "KTB-0002", "งวด 2"),
            PaymentSource.OFFICER,
            OFFICER,
            LocalDate.of(2026, 3, 15));
    assertThat(clearing.allocations())
        .containsExactly(
            new Allocation(
                2, new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("519.13")));
    assertThat(clearing.arrearsCleared()).isTrue();
    assertThat(
            events.stream(PaymentRecorded.class).filter(e -> e.paymentId() == clearing.paymentId()))
        .singleElement()
        .satisfies(e -> assertThat(e.inArrearsAfter()).isFalse());

    // everything left: #3 1,000 + 8.00, paid on its due date (no default interest)
    RecordedPayment last =
        payments.record(
            loanId,
            new PaymentInput(contractNo, "31/03/2569", "1008.00", "KTB-0003", null),
            PaymentSource.OFFICER,
            OFFICER,
            LocalDate.of(2026, 4, 1));
    assertThat(last.loanClosed()).isTrue();
    assertThat(
            jdbc.sql("select status from loan_project where id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("CLOSED");
    assertThatThrownBy(
            () ->
                payments.record(
                    loanId,
                    new PaymentInput(null, "01/04/2569", "1", "KTB-0004", null),
                    PaymentSource.OFFICER,
                    OFFICER,
                    LocalDate.of(2026, 4, 1)))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("ชำระครบและปิดบัญชีแล้ว ไม่รับชำระเพิ่ม");
  }

  @Test
  void badInputIsRefusedWithEveryProblemInThaiAndNothingIsWritten() {
    assertThatThrownBy(() -> pay("11/03/2569", "-5", " "))
        .isInstanceOf(ThaiValidationException.class)
        .satisfies(
            e ->
                assertThat(((ThaiValidationException) e).problems())
                    .containsExactly(
                        "จำนวนเงินที่ชำระ ต้องไม่ติดลบ",
                        "วันที่ชำระ 11 มีนาคม 2569 อยู่ในอนาคต",
                        "กรุณากรอกเลขที่อ้างอิงการชำระ (เลขที่ใบเสร็จหรือรายการธนาคาร)"));
    assertThatThrownBy(() -> pay("10/03/2569", "0.00", "R1"))
        .hasMessage("จำนวนเงินที่ชำระต้องมากกว่า 0 บาท");
    assertThatThrownBy(() -> pay("10/03/2569", "หนึ่งพันบาท", "R1"))
        .hasMessageContaining("ไม่ใช่จำนวนเงินที่ถูกต้อง");
    assertThatThrownBy(() -> pay("10/03/2026", "100", "R1")).hasMessageContaining("พุทธศักราช");
    assertThatThrownBy(() -> pay("30/12/2568", "100", "R1"))
        .hasMessage("วันที่ชำระต้องไม่ก่อนวันที่โอนเงินกู้ (31 ธันวาคม 2568)");
    assertThatThrownBy(() -> pay("10/03/2569", "100", "<script>"))
        .hasMessageContaining("ใช้ได้เฉพาะตัวอักษร");
    assertThat(paymentsOfLoan()).isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from repayment_installment where loan_id = ? and accrued_until is not null")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void morThanEverythingOwedIsRefusedNamingTheExactPayoff() {
    // pay-off on 10 March: principal 3,000.00, interest of #1 and #2 in full (10.00 + 9.00), of #3
    // the 10 days run of
    // its 31, 8.00 x 10 / 31 = 2.5806 -> 2.58 (not the whole 8.00), default interest 0.10 + 0.03 =
    // 3,021.71
    assertThatThrownBy(() -> pay("10/03/2569", "3021.72", "R1"))
        .hasMessageContaining("เกินยอดหนี้ทั้งหมด")
        .hasMessageContaining("(ยอดปิดบัญชี 3,021.71 บาท");
    assertThat(pay("10/03/2569", "3021.71", "R1").loanClosed()).isTrue();
  }

  @Test
  void aReferenceIsRecordedOnceAndPaymentsGoInDateOrder() {
    pay("05/03/2569", "100", "KTB-1");
    assertThatThrownBy(() -> pay("06/03/2569", "100", "KTB-1"))
        .hasMessageContaining("บันทึกไว้แล้ว")
        .hasMessageContaining("5 มีนาคม 2569");
    assertThatThrownBy(() -> pay("04/03/2569", "100", "KTB-2"))
        .hasMessageContaining("อยู่ก่อนการชำระครั้งล่าสุด")
        .hasMessageContaining("5 มีนาคม 2569");
    assertThat(paymentsOfLoan()).isEqualTo(1);
  }

  @Test
  void anOfficerOfAnotherDistrictMayNotRecordButTheProvinceOfficerMay() {
    Actor other = new Actor("officer2301", List.of(Roles.districtOfficers("2301")));
    assertThatThrownBy(
            () ->
                payments.record(
                    loanId,
                    new PaymentInput(null, "10/03/2569", "100", "R1", null),
                    PaymentSource.API,
                    other,
                    TODAY))
        .isInstanceOf(NotYourAreaException.class)
        .hasMessageContaining("ไม่มีสิทธิ์");
    Actor committee = new Actor("committee2305", List.of(Roles.districtCommittee("2305")));
    assertThatThrownBy(
            () ->
                payments.record(
                    loanId,
                    new PaymentInput(null, "10/03/2569", "100", "R1", null),
                    PaymentSource.API,
                    committee,
                    TODAY))
        .isInstanceOf(NotYourAreaException.class);
    Actor province = new Actor("provofficer23", List.of(Roles.provinceOfficers("23")));
    assertThat(
            payments
                .record(
                    loanId,
                    new PaymentInput(null, "10/03/2569", "100", "R1", null),
                    PaymentSource.API,
                    province,
                    TODAY)
                .amount())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void aLoanNotYetDisbursedOrUnknownTakesNoPayment() {
    jdbc.sql("update loan_project set status = 'APPROVED' where id = ?").param(loanId).update();
    assertThatThrownBy(() -> pay("10/03/2569", "100", "R1"))
        .hasMessageContaining("ยังไม่ได้โอนเงินกู้");
    assertThatThrownBy(
            () ->
                payments.recordByNumber(
                    new PaymentInput("สญ.ไม่มี/1", "10/03/2569", "100", "R1", null),
                    PaymentSource.OFFICER,
                    OFFICER,
                    TODAY))
        .isInstanceOf(LoanNotFoundException.class)
        .hasMessage("ไม่พบสัญญาเงินกู้เลขที่ \"สญ.ไม่มี/1\"");
  }
}
