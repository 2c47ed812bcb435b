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
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Element;
import th.go.cdd.womenfund.repayment.RecordRepaymentProcess.Var;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/** The officer's payment form: recorded and summarised, or refused in Thai with nothing started. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class RecordRepaymentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  long loanId;
  String contractNo;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 3, 10).atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    loanId = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มทดสอบแบบฟอร์มชำระ");
    contractNo = RepaymentFixtures.contractNo(jdbc, loanId);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  Map<String, Object> form(String amount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.LOAN_NUMBER, contractNo);
    vars.put(Var.PAID_ON, "10/03/2569");
    vars.put(Var.AMOUNT, amount);
    vars.put(Var.REFERENCE, "ใบเสร็จ 12/2569");
    vars.put(Var.NOTE, "ชำระที่สำนักงาน");
    return vars;
  }

  ProcessInstance startAs(String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(RecordRepaymentProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theOfficersFormRecordsThePaymentAndShowsHowItWasApplied() {
    ProcessInstance pi = startAs("officer2305", Roles.districtOfficers("2305"), form("1500"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.RECORD, Element.END);
    String summary =
        (String)
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(Var.PAYMENT_SUMMARY)
                .singleResult()
                .getValue();
    assertThat(summary)
        .contains("รับชำระ 1,500.00 บาท วันที่ 10 มีนาคม 2569 เลขที่อ้างอิง ใบเสร็จ 12/2569")
        .contains("งวดที่ 1: ดอกเบี้ยผิดนัด 0.10 บาท ดอกเบี้ย 10.00 บาท เงินต้น 1,000.00 บาท")
        .contains("ยอดค้างชำระเกินกำหนด 1 งวด: 519.13 บาท");
    assertThat(
            jdbc.sql("select source from repayment_payment where loan_id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("OFFICER");
    // the district's groups read the instance's history, another district's do not
    engine
        .getIdentityService()
        .setAuthentication("committee2305", List.of(Roles.districtCommittee("2305")));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isEqualTo(1);
    engine
        .getIdentityService()
        .setAuthentication("officer2301", List.of(Roles.districtOfficers("2301")));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
  }

  /**
   * Early settlement through the officer's form (issue 13): the pay-off of 10 March, 3,000.00 +
   * 10.00 + 9.00 + #3's 10 of 31 days 2.58 + default interest 0.10 + 0.03 = 3,021.71, closes the
   * loan; the rest of #3's interest (8.00 - 2.58 = 5.42) is forgiven, not charged.
   */
  @Test
  void payingThePayoffOnTheFormClosesTheLoanExactly() {
    ProcessInstance pi = startAs("officer2305", Roles.districtOfficers("2305"), form("3021.71"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.RECORD, Element.END);
    String summary =
        (String)
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(Var.PAYMENT_SUMMARY)
                .singleResult()
                .getValue();
    assertThat(summary)
        .contains("งวดที่ 3: ดอกเบี้ย 2.58 บาท เงินต้น 1,000.00 บาท")
        .contains("ปิดบัญชีเงินกู้");
    assertThat(
            jdbc.sql("select status from loan_project where id = ?")
                .param(loanId)
                .query(String.class)
                .single())
        .isEqualTo("CLOSED");
    assertThat(
            jdbc.sql(
                    "select count(*) from repayment_installment where loan_id = ? and settled_on is null")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select interest_waived from repayment_installment where loan_id = ? and seq = 3")
                .param(loanId)
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("5.42");
  }

  @Test
  void aRefusedPaymentStartsNothingAndSaysWhyInThai() {
    long before =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RecordRepaymentProcess.KEY)
            .count();
    assertThatThrownBy(() -> startAs("officer2305", Roles.districtOfficers("2305"), form("99999")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("เกินยอดหนี้ทั้งหมด");
    assertThatThrownBy(() -> startAs("officer2301", Roles.districtOfficers("2301"), form("100")))
        .hasMessageContaining("ไม่มีสิทธิ์บันทึกการชำระหนี้ของสัญญาเลขที่ " + contractNo);
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(RecordRepaymentProcess.KEY, form("100")))
        .hasMessageContaining("กรุณาเข้าสู่ระบบ");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(RecordRepaymentProcess.KEY)
                .count())
        .isEqualTo(before);
    assertThat(
            jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
