package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Element;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Var;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Maker-checker on the officer's payment form: above womenfund.repayment.approval-threshold
 * (50,000.00) the payment waits, outside the ledger, for a second officer; the maker cannot approve
 * it herself.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class PaymentApprovalProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final String DISTRICT = Roles.districtOfficers("2305");

  @Autowired ProcessEngine engine;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired PaymentService payments;

  long loanId;
  String contractNo;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    loanId =
        RepaymentFixtures.bigLoan(
            disbursed, loans, "230507", "กลุ่มทดสอบการอนุมัติ " + System.nanoTime());
    contractNo = RepaymentFixtures.contractNo(jdbc, loanId);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  Map<String, Object> form(String amount, String reference) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.LOAN_NUMBER, contractNo);
    vars.put(Var.PAID_ON, "10/03/2569");
    vars.put(Var.AMOUNT, amount);
    vars.put(Var.REFERENCE, reference);
    return vars;
  }

  ProcessInstance startAs(String user, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(DISTRICT));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(RecordRepaymentProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void completeAs(String user, String group, Task task, String decision, String reason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(MoneyApprovalProcess.Var.DECISION, decision);
    if (reason != null) {
      vars.put(MoneyApprovalProcess.Var.REASON, reason);
    }
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task approvalTask(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  int paymentsOfLoan() {
    return jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
        .param(loanId)
        .query(Integer.class)
        .single();
  }

  /** seq: principal paid, interest paid, default interest accrued, default interest paid. */
  List<String> installments() {
    return jdbc.sql(
            "select seq, principal_paid, interest_paid, default_interest, default_interest_paid"
                + " from repayment_installment where loan_id = ? order by seq")
        .param(loanId)
        .query(
            (rs, n) ->
                rs.getInt(1)
                    + ": "
                    + rs.getBigDecimal(2)
                    + " "
                    + rs.getBigDecimal(3)
                    + " "
                    + rs.getBigDecimal(4)
                    + " "
                    + rs.getBigDecimal(5))
        .list();
  }

  static final List<String> UNTOUCHED =
      List.of("1: 0.00 0.00 0.00 0.00", "2: 0.00 0.00 0.00 0.00", "3: 0.00 0.00 0.00 0.00");

  String status() {
    return jdbc.sql("select status from money_approval where loan_id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  @Test
  void aboveTheThresholdThePaymentWaitsAndTheMakerCannotApproveItButAnotherOfficerCan() {
    BigDecimal payoffBefore = payments.balance(loanId, TODAY).payoff();
    // pay-off: 120,050.00 + #3's 10 of 31 days, 10.00 x 10 / 31 = 3.23, + default interest 4.16 +
    // 1.10
    assertThat(payoffBefore).isEqualByComparingTo("120058.49");
    ProcessInstance pi = startAs("maker2305", form("60000.00", "KTB-APPROVE-1"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVE);
    Task task = approvalTask(pi);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder(DISTRICT, Roles.provinceOfficers("23"));
    assertThat(task.getDueDate())
        .isEqualTo(Date.from(TODAY.plusDays(3).atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    assertThat(
            (String)
                engine
                    .getRuntimeService()
                    .getVariable(pi.getId(), MoneyApprovalProcess.Var.SUMMARY))
        .contains("รับชำระ 60,000.00 บาท วันที่ 10 มีนาคม 2569")
        .contains("บันทึกโดย: maker2305")
        .contains("เกินวงเงินที่ต้องอนุมัติ 50,000.00 บาท");
    // pending: not in the ledger, balances unchanged
    assertThat(paymentsOfLoan()).isZero();
    assertThat(installments()).isEqualTo(UNTOUCHED);
    assertThat(payments.balance(loanId, TODAY).payoff()).isEqualByComparingTo(payoffBefore);

    // the maker herself, though of the candidate group, is refused (she performed the keying duty
    // of this
    // instance: four eyes, security/SegregationOfDuties): the completion rolls back, the task stays
    assertThatThrownBy(() -> completeAs("maker2305", DISTRICT, task, "APPROVE", null))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ผู้บันทึกกับผู้ตรวจสอบหรืออนุมัติต้องเป็นคนละคน");
    // so is the maker who is also an administrator
    assertThatThrownBy(() -> completeAs("maker2305", Roles.ADMIN, task, "APPROVE", null))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ผู้บันทึกกับผู้ตรวจสอบหรืออนุมัติต้องเป็นคนละคน");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVE);
    assertThat(approvalTask(pi).getId()).isEqualTo(task.getId());
    assertThat(paymentsOfLoan()).isZero();
    assertThat(installments()).isEqualTo(UNTOUCHED);
    assertThat(status()).isEqualTo("PENDING");

    completeAs("checker2305", DISTRICT, task, "APPROVE", "ตรวจใบเสร็จแล้ว");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.DECIDE).hasPassed(Element.APPROVED);
    // 60,000.00 on 10 March: #1 default interest 40,000 x 0.1% x 38/365 = 4.16, interest 30.00,
    // principal 40,000.00;
    // #2 default interest 10 days = 1.10, interest 20.00, principal 60,000 - 40,034.16 - 21.10 =
    // 19,944.74
    assertThat(installments())
        .containsExactly(
            "1: 40000.00 30.00 4.16 4.16", "2: 19944.74 20.00 1.10 1.10", "3: 0.00 0.00 0.00 0.00");
    assertThat(
            jdbc.sql(
                    "select amount, recorded_by, approved_by, source from repayment_payment where loan_id = ?")
                .param(loanId)
                .query(
                    (rs, n) ->
                        rs.getBigDecimal(1)
                            + " "
                            + rs.getString(2)
                            + " "
                            + rs.getString(3)
                            + " "
                            + rs.getString(4))
                .single())
        .isEqualTo("60000.00 maker2305 checker2305 OFFICER");
    LoanBalance after = payments.balance(loanId, TODAY);
    assertThat(after.outstandingPrincipal()).isEqualByComparingTo("60055.26");
    assertThat(after.payoff()).isEqualByComparingTo("60058.49");
    assertThat(after.payoff().add(new BigDecimal("60000.00"))).isEqualByComparingTo(payoffBefore);
    assertThat(
            jdbc.sql(
                    "select status || ' ' || requested_by || ' ' || decided_by || ' ' || decision_reason"
                        + " from money_approval where loan_id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED maker2305 checker2305 ตรวจใบเสร็จแล้ว");
  }

  @Test
  void aRejectedPaymentNeedsAReasonAndNeverReachesTheLedger() {
    Map<String, Object> slipped = form("60000.00", "KTB-REJECT-1");
    slipped.put(
        MoneyApprovalProcess.Var.DECISION,
        "APPROVE"); // slipped in by the maker with the start form
    assertThatThrownBy(() -> startAs("maker2305", slipped))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ไม่รับ: " + MoneyApprovalProcess.Var.DECISION);
    assertThat(paymentsOfLoan()).isZero();
    ProcessInstance pi = startAs("maker2305", form("60000.00", "KTB-REJECT-1"));
    Task task = approvalTask(pi);
    engine
        .getIdentityService()
        .setAuthentication("provofficer23", List.of(Roles.provinceOfficers("23")));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
          .isInstanceOf(RefusedInputException.class)
          .hasMessageContaining("กรุณาเลือกผลการพิจารณา");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThatThrownBy(
            () -> completeAs("provofficer23", Roles.provinceOfficers("23"), task, "REJECT", " "))
        .isInstanceOf(RefusedInputException.class)
        .hasMessage("กรุณาระบุเหตุผลที่ไม่อนุมัติ");
    assertThatThrownBy(
            () -> completeAs("provofficer23", Roles.provinceOfficers("23"), task, "MAYBE", null))
        .hasMessageContaining("กรุณาเลือกผลการพิจารณา");
    completeAs(
        "provofficer23", Roles.provinceOfficers("23"), task, "REJECT", "ยอดไม่ตรงกับใบเสร็จ");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.REJECTED);
    assertThat(paymentsOfLoan()).isZero();
    assertThat(installments()).isEqualTo(UNTOUCHED);
    assertThat(status()).isEqualTo("REJECTED");
    // the reference is free again once rejected
    assertThat(
            payments
                .record(
                    loanId,
                    new PaymentInput(null, "10/03/2569", "100", "KTB-REJECT-1", null),
                    PaymentSource.OFFICER,
                    new Actor("maker2305", List.of(DISTRICT)),
                    TODAY)
                .amount())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void atTheThresholdThePaymentIsRecordedAtOnceAndAPendingReferenceCannotBeKeyedTwice() {
    ProcessInstance pi = startAs("maker2305", form("50000.00", "KTB-AT-1"));
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed(Element.RECORD, Element.END)
        .hasNotPassed(Element.APPROVE);
    assertThat(paymentsOfLoan()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from money_approval where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();

    startAs("maker2305", form("50000.01", "KTB-ABOVE-1"));
    assertThatThrownBy(() -> startAs("maker2305", form("10.00", "KTB-ABOVE-1")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("รอการอนุมัติอยู่แล้ว");
    // full validation before anything waits: the same Thai refusals as a payment recorded at once
    assertThatThrownBy(() -> startAs("maker2305", form("999999.00", "KTB-ABOVE-2")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("เกินยอดหนี้ทั้งหมด");
    assertThat(
            jdbc.sql("select count(*) from money_approval where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPendingPaymentThatNoLongerFitsIsRefusedOnApprovalAndNothingChanges() {
    ProcessInstance pi = startAs("maker2305", form("60000.00", "KTB-LATE-1"));
    // meanwhile 70,000.00 is recorded (a bank statement, say): 60,000 would now exceed everything
    // owed
    payments.record(
        loanId,
        new PaymentInput(null, "10/03/2569", "70000.00", "KTB-OTHER", null),
        PaymentSource.BANK_STATEMENT,
        new Actor("provofficer23", List.of(Roles.provinceOfficers("23"))),
        TODAY);
    List<String> before = installments();
    assertThatThrownBy(() -> completeAs("checker2305", DISTRICT, approvalTask(pi), "APPROVE", null))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("อนุมัติไม่ได้")
        .hasMessageContaining("เกินยอดหนี้ทั้งหมด");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.APPROVE);
    assertThat(installments()).isEqualTo(before);
    assertThat(paymentsOfLoan()).isEqualTo(1);
    assertThat(status()).isEqualTo("PENDING");
  }

  @Test
  void aReversalKeyedInTasklistWaitsForAnotherOfficerAndThenRestoresTheLoanExactly() {
    payments.record(
        loanId,
        new PaymentInput(null, "01/03/2569", "1000.00", "KTB-TYPO", null),
        PaymentSource.OFFICER,
        new Actor("maker2305", List.of(DISTRICT)),
        TODAY);
    assertThat(installments())
        .containsExactly(
            "1: 966.82 30.00 3.18 3.18", "2: 0.00 0.00 0.00 0.00", "3: 0.00 0.00 0.00 0.00");
    Map<String, Object> vars = new HashMap<>();
    vars.put(PaymentReversalProcess.Var.LOAN_NUMBER, contractNo);
    vars.put(PaymentReversalProcess.Var.PAYMENT_REFERENCE, "KTB-NONE");
    vars.put(PaymentReversalProcess.Var.REASON, "จำนวนเงินผิด");
    engine.getIdentityService().setAuthentication("maker2305", List.of(DISTRICT));
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(PaymentReversalProcess.KEY, vars))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ไม่พบรายการชำระเลขที่อ้างอิง \"KTB-NONE\"");
    vars.put(PaymentReversalProcess.Var.PAYMENT_REFERENCE, "KTB-TYPO");
    ProcessInstance pi =
        engine.getRuntimeService().startProcessInstanceByKey(PaymentReversalProcess.KEY, vars);
    engine.getIdentityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi).isWaitingAt(PaymentReversalProcess.Element.APPROVE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approvalTask(pi).getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder(DISTRICT, Roles.provinceOfficers("23"));

    assertThatThrownBy(() -> completeAs("maker2305", DISTRICT, approvalTask(pi), "APPROVE", null))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ผู้บันทึกกับผู้ตรวจสอบหรืออนุมัติต้องเป็นคนละคน");
    assertThat(installments())
        .containsExactly(
            "1: 966.82 30.00 3.18 3.18", "2: 0.00 0.00 0.00 0.00", "3: 0.00 0.00 0.00 0.00");

    completeAs(
        "provofficer23",
        Roles.provinceOfficers("23"),
        approvalTask(pi),
        "APPROVE",
        "ตรวจกับสมุดบัญชีแล้ว");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(PaymentReversalProcess.Element.APPROVED);
    assertThat(installments()).isEqualTo(UNTOUCHED);
    assertThat(payments.balance(loanId, TODAY).payoff()).isEqualByComparingTo("120058.49");
    assertThat(paymentsOfLoan()).isEqualTo(1); // the keyed payment stays in the history
    assertThat(
            jdbc.sql(
                    "select requested_by || ' ' || approved_by || ' ' || reason from payment_reversal where loan_id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("maker2305 provofficer23 จำนวนเงินผิด");
    // the reference of a reversed payment is still taken; a reversed payment's date no longer
    // orders new ones
    assertThat(
            payments
                .record(
                    loanId,
                    new PaymentInput(null, "28/02/2569", "1000.00", "KTB-TYPO-แก้ไข", null),
                    PaymentSource.OFFICER,
                    new Actor("maker2305", List.of(DISTRICT)),
                    TODAY)
                .amount())
        .isEqualByComparingTo("1000.00");
  }
}
