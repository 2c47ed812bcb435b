package th.go.cdd.womenfund.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.AuthorizationException;
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
import th.go.cdd.womenfund.approval.MoneyApprovalProcess.Element;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.budget.AdminBudgetService;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.BankStatementImport;
import th.go.cdd.womenfund.repayment.LoanBalance;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.repayment.PaymentReversals;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.repayment.Rescheduling;
import th.go.cdd.womenfund.reporting.AreaQuality;
import th.go.cdd.womenfund.reporting.PortfolioRepository;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * money-approval for every kind it carries: the administrative budget and its disbursements, a bank
 * statement, a payment reversal. Each: approved by a second person (ledger or budget changes, exact
 * to the satang), rejected (nothing changes), the maker herself refused (the task stays open,
 * nothing changes).
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class MoneyApprovalProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final String PROVINCE = Roles.provinceOfficers("23");
  static final String DISTRICT = Roles.districtOfficers("2305");
  static final Actor PROV_MAKER = new Actor("provmaker23", List.of(PROVINCE));
  static final Actor DISTRICT_MAKER = new Actor("maker2305", List.of(DISTRICT));
  static final int RUN = (int) (System.currentTimeMillis() / 1000 % 100_000);

  @Autowired ProcessEngine engine;
  @Autowired MoneyApprovalSteps steps;
  @Autowired AdminBudgetService budgets;
  @Autowired BankStatementImport statements;
  @Autowired PaymentReversals reversals;
  @Autowired PaymentService payments;
  @Autowired PortfolioRepository portfolio;
  @Autowired OverdueFigures overdueFigures;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.repayment.PortfolioArrears arrears;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired Rescheduling rescheduling;
  @Autowired th.go.cdd.womenfund.repayment.RepaymentRepository repayments;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** The running instance, or null once it ended. */
  ProcessInstance instance(AtomicReference<String> id) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(id.get())
        .singleResult();
  }

  Task task(String processInstanceId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .singleResult();
  }

  void complete(
      String user, String group, String processInstanceId, String decision, String reason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(MoneyApprovalProcess.Var.DECISION, decision);
    vars.put(MoneyApprovalProcess.Var.REASON, reason);
    String taskId = task(processInstanceId).getId();
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(taskId, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void approve(String user, String group, AtomicReference<String> pi) {
    complete(user, group, pi.get(), "APPROVE", null);
  }

  /** Who keyed the change cannot approve it (four eyes); the task stays open. */
  void assertOwnApprovalRefused(String maker, String group, AtomicReference<String> pi) {
    assertThatThrownBy(() -> approve(maker, group, pi))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("อนุมัติรายการของตนเองไม่ได้");
  }

  List<String> candidateGroups(String processInstanceId) {
    return engine.getTaskService().getIdentityLinksForTask(task(processInstanceId).getId()).stream()
        .map(IdentityLink::getGroupId)
        .toList();
  }

  BigDecimal budgetOf(String district, int year) {
    return jdbc.sql(
            "select coalesce(max(amount), 0) from admin_budget where district_code = ? and fiscal_year = ?")
        .params(district, year)
        .query(BigDecimal.class)
        .single();
  }

  @Test
  void aBudgetChangeTakesEffectOnlyWhenAnotherProvinceOfficerApprovesIt() {
    // years of their own, so that the test runs again on a kept database (PostgreSQL)
    int year = 2600 + RUN % 200;
    int past = 2450 + RUN % 100;
    AtomicReference<String> pi = new AtomicReference<>();
    budgets.requestBudget(
        "2303", Integer.toString(year), "45,000.50", PROV_MAKER, e -> pi.set(steps.start(e)));
    BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Element.APPROVE);
    assertThat(candidateGroups(pi.get())).containsExactly(PROVINCE);
    // only the system starts it: not offered in Tasklist's start list, and a start by hand finds no
    // entry
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(MoneyApprovalProcess.KEY)
                .latestVersion()
                .singleResult()
                .isStartableInTasklist())
        .isFalse();
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(MoneyApprovalProcess.KEY, "budget-forged"))
        .hasMessageContaining("no unbound money_approval entry");
    assertThat(
            (String)
                engine.getRuntimeService().getVariable(pi.get(), MoneyApprovalProcess.Var.SUMMARY))
        .contains("งบบริหารของอำเภอเขาสมิง ปีงบประมาณ พ.ศ. " + year + ": กำหนดใหม่ 45,000.50 บาท")
        .contains("provmaker23");
    assertThat(budgetOf("2303", year)).isEqualByComparingTo("0");
    assertThat(budgets.pending("23"))
        .extracting(AdminBudgetService.PendingChange::what)
        .contains("งบบริหารของอำเภอเขาสมิง ปีงบประมาณ พ.ศ. " + year + ": กำหนดใหม่ 45,000.50 บาท");

    assertOwnApprovalRefused("provmaker23", PROVINCE, pi);
    BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Element.APPROVE);
    assertThat(budgetOf("2303", year)).isEqualByComparingTo("0");

    approve("provchecker23", PROVINCE, pi);
    assertThat(instance(pi)).isNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.get())
                .activityId(Element.APPROVED)
                .count())
        .isEqualTo(1);
    assertThat(budgetOf("2303", year)).isEqualByComparingTo("45000.50");
    assertThat(budgets.pending("23"))
        .extracting(AdminBudgetService.PendingChange::what)
        .noneMatch(w -> w.contains("พ.ศ. " + year + ":"));
    assertThat(
            jdbc.sql(
                    "select set_by from admin_budget where district_code = '2303' and fiscal_year = ?")
                .param(year)
                .query(String.class)
                .single())
        .isEqualTo("provmaker23");

    // a disbursement: rejected, nothing recorded; approved, exactly what remains
    budgets.setBudget("2303", Integer.toString(past), "5000.00", PROV_MAKER);
    LocalDate inYear = new ThaiFiscalYear(past).firstDay().plusDays(5);
    AtomicReference<String> refused = new AtomicReference<>();
    budgets.requestDisbursement(
        "2303",
        Integer.toString(past),
        ThaiDates.formatNumeric(inYear),
        "100",
        "ค่าวัสดุ",
        PROV_MAKER,
        TODAY,
        e -> refused.set(steps.start(e)));
    complete("provchecker23", PROVINCE, refused.get(), "REJECT", "ไม่มีใบสำคัญจ่าย");
    assertThat(rejections(refused)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from admin_disbursement x join admin_budget b on b.id = x.budget_id"
                        + " where b.district_code = '2303' and b.fiscal_year = ?")
                .param(past)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aDisbursementIsCheckedAgainOnApprovalAndThenRecordedToTheSatang() {
    int past = 2450 + RUN % 100;
    budgets.setBudget("2302", Integer.toString(past), "10000.00", PROV_MAKER);
    LocalDate inYear = new ThaiFiscalYear(past).firstDay().plusDays(5);
    AtomicReference<String> first = new AtomicReference<>();
    AtomicReference<String> second = new AtomicReference<>();
    budgets.requestDisbursement(
        "2302",
        Integer.toString(past),
        ThaiDates.formatNumeric(inYear),
        "6000.25",
        "ค่าประชุม",
        PROV_MAKER,
        TODAY,
        e -> first.set(steps.start(e)));
    budgets.requestDisbursement(
        "2302",
        Integer.toString(past),
        ThaiDates.formatNumeric(inYear),
        "4000.00",
        "ค่าเดินทาง",
        PROV_MAKER,
        TODAY,
        e -> second.set(steps.start(e)));
    approve("provchecker23", PROVINCE, first);
    // the second no longer fits the budget (3,999.75 left): refused in Thai, the task stays open
    assertThatThrownBy(() -> approve("provchecker23", PROVINCE, second))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("อนุมัติไม่ได้")
        .hasMessageContaining("เบิกจ่ายเกินงบประมาณ: คงเหลือ 3,999.75 บาท");
    BpmnAwareTests.assertThat(instance(second)).isWaitingAt(Element.APPROVE);
    AdminBudgetService.DistrictBudget d =
        budgets.summary("23", new ThaiFiscalYear(past)).districts().stream()
            .filter(x -> x.districtCode().equals("2302"))
            .findFirst()
            .orElseThrow();
    assertThat(d.disbursed()).isEqualByComparingTo("6000.25");
    assertThat(d.remaining()).isEqualByComparingTo("3999.75");
  }

  @Test
  void aBankStatementIsAppliedWholeOnlyWhenAnotherProvinceOfficerApprovesIt() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มรายการเดินบัญชี " + System.nanoTime());
    String contract = RepaymentFixtures.contractNo(jdbc, loanId);
    String csv =
        BankStatementImport.TEMPLATE
            + "\n01/03/2569,"
            + contract
            + ",1010.08,KTB-S1,\n10/03/2569,"
            + contract
            + ",\"1,009.03\",KTB-S2,\n";
    AtomicReference<String> pi = new AtomicReference<>();
    BankStatementImport.Report r =
        statements.request(csv, PROV_MAKER, TODAY, e -> pi.set(steps.start(e)));
    assertThat(r.waitsForApproval()).isTrue();
    BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Element.APPROVE);
    assertThat(candidateGroups(pi.get())).containsExactly(PROVINCE);
    assertThat(paymentsOf(loanId)).isZero();

    assertOwnApprovalRefused("provmaker23", PROVINCE, pi);
    // a district officer is not of the statement's approvers
    assertThatThrownBy(() -> approve("checker2305", DISTRICT, pi))
        .isInstanceOfAny(AuthorizationException.class, RefusedInputException.class);
    assertThat(paymentsOf(loanId)).isZero();

    approve("provchecker23", PROVINCE, pi);
    // 1 March: #1 default interest 1,000 x 0.1% x 29/365 = 0.08, 10.00, 1,000.00; 10 March: #2
    // 0.03, 9.00, 1,000.00
    assertThat(installments(loanId))
        .containsExactly(
            "1: 1000.00 10.00 0.08 0.08 settled",
            "2: 1000.00 9.00 0.03 0.03 settled",
            untouched(3));
    // pay-off: #3 1,000.00 and the 10 days run of its 31, 8.00 x 10 / 31 = 2.58 (issue 13: not the
    // whole 8.00)
    assertThat(payments.balance(loanId, TODAY).payoff()).isEqualByComparingTo("1002.58");
    assertThat(
            count(
                "select count(*) from repayment_payment where loan_id = ? and recorded_by = 'provmaker23'"
                    + " and approved_by = 'provchecker23'",
                loanId))
        .isEqualTo(2);
  }

  @Test
  void aRejectedStatementChangesNothing() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มรายการเดินบัญชีไม่อนุมัติ " + System.nanoTime());
    String contract = RepaymentFixtures.contractNo(jdbc, loanId);
    AtomicReference<String> pi = new AtomicReference<>();
    statements.request(
        BankStatementImport.TEMPLATE + "\n01/03/2569," + contract + ",100,KTB-R1,\n",
        PROV_MAKER,
        TODAY,
        e -> pi.set(steps.start(e)));
    complete("provchecker23", PROVINCE, pi.get(), "REJECT", "ไฟล์ไม่ตรงกับรายการธนาคาร");
    assertThat(rejections(pi)).isEqualTo(1);
    assertThat(paymentsOf(loanId)).isZero();
    assertThat(installments(loanId)).containsOnly(untouched(1), untouched(2), untouched(3));
  }

  @Test
  void aReversedPaymentIsANewEntryAndTheLaterPaymentIsReallocatedExactly() {
    long loanId =
        RepaymentFixtures.bigLoan(
            disbursed, loans, "230507", "กลุ่มกลับรายการ " + System.nanoTime());
    long wrong = keyed(loanId, "01/03/2569", "60000.00", "KTB-WRONG");
    long later = keyed(loanId, "10/03/2569", "30000.00", "KTB-LATER");
    // 60,000 on 1 March: #1 default 40,000 x 0.1% x 29/365 = 3.18, 30.00, 40,000.00; #2 0.11,
    // 20.00, 19,946.71
    // 30,000 on 10 March: #2 default on 20,053.29 for 9 days = 0.49, principal 20,053.29; #3 10.00,
    // 9,936.22
    assertThat(installments(loanId))
        .containsExactly(
            "1: 40000.00 30.00 3.18 3.18 settled",
            "2: 40000.00 20.00 0.60 0.60 settled",
            "3: 9936.22 10.00 0.00 0.00 open");
    BigDecimal outstandingBefore = district2305Outstanding();
    BigDecimal overdueBefore = district2305Overdue();

    AtomicReference<String> pi = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                reversals.request(
                    loanId, wrong, " ", DISTRICT_MAKER, TODAY, e -> pi.set(steps.start(e))))
        .hasMessage("กรุณาระบุเหตุผลที่กลับรายการ");
    reversals.request(
        loanId,
        wrong,
        "บันทึกผิดสัญญา: เงินของกลุ่มอื่น",
        DISTRICT_MAKER,
        TODAY,
        e -> pi.set(steps.start(e)));
    BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Element.APPROVE);
    assertThat(candidateGroups(pi.get())).containsExactlyInAnyOrder(DISTRICT, PROVINCE);
    assertThat(
            (String)
                engine.getRuntimeService().getVariable(pi.get(), MoneyApprovalProcess.Var.SUMMARY))
        .contains("กลับรายการรับชำระ 60,000.00 บาท วันที่ 1 มีนาคม 2569")
        .contains("การชำระหลังจากนั้น 1 รายการ");
    assertThatThrownBy(
            () -> reversals.request(loanId, wrong, "ซ้ำ", DISTRICT_MAKER, TODAY, e -> {}))
        .hasMessageContaining("รออนุมัติอยู่แล้ว");
    assertOwnApprovalRefused("maker2305", DISTRICT, pi);
    assertThat(installments(loanId))
        .containsExactly(
            "1: 40000.00 30.00 3.18 3.18 settled",
            "2: 40000.00 20.00 0.60 0.60 settled",
            "3: 9936.22 10.00 0.00 0.00 open");

    approve("checker2305", DISTRICT, pi);
    // as if only 30,000 on 10 March: #1 default 38 days = 4.16, 30.00, principal 29,965.84; #2 and
    // #3 untouched
    assertThat(installments(loanId))
        .containsExactly("1: 29965.84 30.00 4.16 4.16 open", untouched(2), untouched(3));
    LoanBalance b = payments.balance(loanId, TODAY);
    assertThat(b.outstandingPrincipal()).isEqualByComparingTo("90034.16");
    assertThat(b.unpaidInterest()).isEqualByComparingTo("30.00");
    assertThat(b.defaultInterest()).isEqualByComparingTo("1.10"); // #2: 40,000 x 0.1% x 10/365
    assertThat(b.payoff()).isEqualByComparingTo("90058.49");
    assertThat(b.arrears())
        .isEqualByComparingTo("50055.26"); // #1 10,034.16 + #2 40,000 + 20.00 + 1.10
    // nothing deleted or updated: both payments stand as keyed; the reversal is a new entry with
    // who and why
    assertThat(
            jdbc.sql(
                    "select reference || ' ' || amount from repayment_payment where loan_id = ? order by id")
                .param(loanId)
                .query(String.class)
                .list())
        .containsExactly("KTB-WRONG 60000.00", "KTB-LATER 30000.00");
    assertThat(
            jdbc.sql(
                    "select amount || ' ' || reason || ' ' || requested_by || ' ' || approved_by from payment_reversal"
                        + " where payment_id = ?")
                .param(wrong)
                .query(String.class)
                .single())
        .isEqualTo("60000.00 บันทึกผิดสัญญา: เงินของกลุ่มอื่น maker2305 checker2305");
    assertThat(paid(wrong)).isEqualTo("0.00 0.00 0.00");
    assertThat(paid(later)).isEqualTo("4.16 30.00 29965.84");
    // the portfolio reads the corrected ledger: principal paid went from 89,936.22 to 29,965.84
    assertThat(district2305Outstanding().subtract(outstandingBefore))
        .isEqualByComparingTo("59970.38");
    // the dashboard's overdue figures (installments) too: #1 10,034.16 and #2 40,000.00 are overdue
    // again
    assertThat(district2305Overdue().subtract(overdueBefore)).isEqualByComparingTo("50034.16");
    // and the audit trail: both payments as keyed, the reversal with who asked, who approved and
    // why
    assertThat(payments.ledger(loanId))
        .extracting(
            l ->
                l.kind()
                    + " "
                    + l.reference()
                    + " "
                    + l.keyedBy()
                    + " "
                    + l.approvedBy()
                    + " "
                    + l.status())
        .containsExactly(
            "PAYMENT KTB-WRONG maker2305 null RECORDED",
            "PAYMENT KTB-LATER maker2305 null RECORDED",
            "APPROVAL_REVERSAL KTB-WRONG maker2305 checker2305 APPROVED",
            "REVERSAL KTB-WRONG maker2305 checker2305 RECORDED");
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
    // a reversed payment cannot be reversed again
    assertThatThrownBy(
            () -> reversals.request(loanId, wrong, "อีกครั้ง", DISTRICT_MAKER, TODAY, e -> {}))
        .hasMessageContaining("กลับรายการไปแล้ว");
  }

  /**
   * A restructured loan: a payment keyed wrongly on the new schedule is reversed through the
   * approval like any other (maker, then another officer); only the new schedule's payments are
   * replayed, from the decision day, with the default interest the decision carried; the closed
   * installments do not move. A payment made before the decision cannot be reversed.
   */
  @Test
  void aPaymentOnTheNewScheduleOfARestructuredLoanIsReversedAndTheLaterOneReallocated() {
    LocalDate decision = LocalDate.of(2026, 3, 10);
    LocalDate later = LocalDate.of(2026, 5, 25);
    ClockUtil.setCurrentTime(Date.from(later.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    long loanId =
        RepaymentFixtures.bigLoan(
            disbursed, loans, "230507", "กลุ่มกลับรายการหลังปรับโครงสร้าง " + System.nanoTime());
    // #1 paid on its due date (31 Jan), no default interest
    long before = keyed(loanId, "31/01/2569", "40030.00", "KTB-RS-BEFORE", decision);
    // 10 March 2026: #2 overdue 10 days, default 40,000 x 0.1% x 10/365 = 1.10, interest 20.00
    // due (carried); #3 not due. New schedule on 80,000.00 at 0.1%, 1 month left + 2 = 3 months:
    // #4 10 Apr 26,666.66 + 6.79 (31 days on 80,000) + 20.00 carried = 26.79, default 1.10;
    // #5 10 May 26,666.66 + 4.38 (30 days on 53,333.34); #6 10 Jun 26,666.68 + 2.26
    Rescheduling.Outcome o =
        rescheduling.reschedule(loanId, decision, new Rescheduling.Terms(2, null, true, true));
    assertThat(o.defaultInterest()).isEqualByComparingTo("1.10");
    assertThat(o.installments())
        .extracting(i -> i.seq() + " " + i.principal() + " " + i.interest())
        .containsExactly("4 26666.66 26.79", "5 26666.66 4.38", "6 26666.68 2.26");
    List<String> closed =
        List.of(
            "1: 40000.00 30.00 0.00 0.00 settled",
            "2: 0.00 0.00 1.10 0.00 settled",
            "3: 0.00 0.00 0.00 0.00 settled");

    // wrong: 30,000 on 20 April; #4 10 days late: 26,666.66 x 0.1% x 10/365 = 0.73, default 1.83;
    // #4 1.83 + 26.79 + 26,666.66 = 26,695.28 (settled), the 3,304.72 left: #5 4.38 + 3,300.34
    long wrong = keyed(loanId, "20/04/2569", "30000.00", "KTB-RS-WRONG", later);
    // 10,000 on 20 May: #5 10 days late on 23,366.32 = 0.64, principal 9,999.36
    long then = keyed(loanId, "20/05/2569", "10000.00", "KTB-RS-THEN", later);
    assertThat(installments(loanId).subList(0, 3)).isEqualTo(closed);
    assertThat(installments(loanId).subList(3, 6))
        .containsExactly(
            "4: 26666.66 26.79 1.83 1.83 settled",
            "5: 13299.70 4.38 0.64 0.64 open",
            "6: 0.00 0.00 0.00 0.00 open");
    // with nothing reversed, the replay gives back every stored installment to the satang
    assertThat(reversals.replayedInstallments(loanId)).isEqualTo(repayments.installments(loanId));

    // a payment before the decision: refused in Thai, nothing asked, nothing changed
    assertThatThrownBy(
            () ->
                reversals.request(
                    loanId, before, "บันทึกผิด", DISTRICT_MAKER, later, e -> fail("started")))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("รายการชำระวันที่ 31 มกราคม 2569 อยู่ก่อนการปรับโครงสร้างหนี้")
        .hasMessageContaining("ยกไปเป็นตารางชำระใหม่แล้ว เมื่อ 10 มีนาคม 2569")
        .hasMessageContaining("กรุณาให้จังหวัดติดต่อกรมการพัฒนาชุมชน");
    assertThat(
            count(
                "select count(*) from money_approval where loan_id = ? and kind = 'REVERSAL'",
                loanId))
        .isZero();

    AtomicReference<String> pi = new AtomicReference<>();
    reversals.request(
        loanId, wrong, "ยอดเงินของงวดอื่น", DISTRICT_MAKER, later, e -> pi.set(steps.start(e)));
    assertOwnApprovalRefused("maker2305", DISTRICT, pi);
    approve("checker2305", DISTRICT, pi);

    // as if only 10,000 on 20 May: #4 40 days late on 26,666.66 = 2.92, default 1.10 + 2.92 =
    // 4.02; 4.02 + 26.79 + principal 9,969.19; #5 and #6 untouched; #1 to #3 as they were
    assertThat(installments(loanId).subList(0, 3)).isEqualTo(closed);
    assertThat(installments(loanId).subList(3, 6))
        .containsExactly(
            "4: 9969.19 26.79 4.02 4.02 open",
            "5: 0.00 0.00 0.00 0.00 open",
            "6: 0.00 0.00 0.00 0.00 open");
    assertThat(paid(wrong)).isEqualTo("0.00 0.00 0.00");
    assertThat(paid(then)).isEqualTo("4.02 26.79 9969.19");
    assertThat(paid(before)).isEqualTo("0.00 30.00 40000.00");
    assertThat(
            count(
                "select count(*) from allocation_correction where payment_id = ? and seq < 4",
                before))
        .isZero();
    assertThat(reversals.replayedInstallments(loanId)).isEqualTo(repayments.installments(loanId));
    assertThat(payments.ledger(loanId))
        .extracting(l -> l.kind() + " " + l.reference() + " " + l.keyedBy() + " " + l.approvedBy())
        .containsExactly(
            "PAYMENT KTB-RS-BEFORE maker2305 null",
            "PAYMENT KTB-RS-WRONG maker2305 null",
            "PAYMENT KTB-RS-THEN maker2305 null",
            "APPROVAL_REVERSAL KTB-RS-WRONG maker2305 checker2305",
            "REVERSAL KTB-RS-WRONG maker2305 checker2305");
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
  }

  /**
   * The same loan, the decision waiving the default interest: the first new installment starts from
   * none, though the closed installments show 1.10 unpaid; the replay reads that back from what the
   * payments stored (not from the closed installments) and re-allocates exactly.
   */
  @Test
  void aReversalAfterADecisionThatWaivedTheDefaultInterestStartsTheNewScheduleFromNone() {
    LocalDate later = LocalDate.of(2026, 5, 25);
    ClockUtil.setCurrentTime(Date.from(later.atTime(9, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    long loanId =
        RepaymentFixtures.bigLoan(
            disbursed, loans, "230507", "กลุ่มกลับรายการงดดอกเบี้ยผิดนัด " + System.nanoTime());
    keyed(loanId, "31/01/2569", "40030.00", "KTB-WV-BEFORE", later);
    Rescheduling.Outcome o =
        rescheduling.reschedule(
            loanId, LocalDate.of(2026, 3, 10), new Rescheduling.Terms(2, null, true, false));
    assertThat(o.waivedDefaultInterest()).isEqualByComparingTo("1.10");
    // 30,000 on 20 April: #4 0.73 (10 days late, nothing carried) + 26.79 + 26,666.66; #5 4.38 +
    // 3,301.44; 10,000 on 20 May: #5 0.64 (10 days on 23,365.22) + 9,999.36
    long wrong = keyed(loanId, "20/04/2569", "30000.00", "KTB-WV-WRONG", later);
    long then = keyed(loanId, "20/05/2569", "10000.00", "KTB-WV-THEN", later);
    assertThat(installments(loanId).subList(1, 6))
        .containsExactly(
            "2: 0.00 0.00 1.10 0.00 settled",
            "3: 0.00 0.00 0.00 0.00 settled",
            "4: 26666.66 26.79 0.73 0.73 settled",
            "5: 13300.80 4.38 0.64 0.64 open",
            "6: 0.00 0.00 0.00 0.00 open");
    assertThat(reversals.replayedInstallments(loanId)).isEqualTo(repayments.installments(loanId));

    AtomicReference<String> pi = new AtomicReference<>();
    reversals.request(
        loanId, wrong, "ยอดเงินของงวดอื่น", DISTRICT_MAKER, later, e -> pi.set(steps.start(e)));
    approve("checker2305", DISTRICT, pi);
    // as if only 10,000 on 20 May: #4 40 days late on 26,666.66 = 2.92 (no 1.10 carried), 26.79,
    // principal 9,970.29
    assertThat(installments(loanId).subList(1, 6))
        .containsExactly(
            "2: 0.00 0.00 1.10 0.00 settled",
            "3: 0.00 0.00 0.00 0.00 settled",
            "4: 9970.29 26.79 2.92 2.92 open",
            "5: 0.00 0.00 0.00 0.00 open",
            "6: 0.00 0.00 0.00 0.00 open");
    assertThat(paid(then)).isEqualTo("2.92 26.79 9970.29");
    assertThat(reversals.replayedInstallments(loanId)).isEqualTo(repayments.installments(loanId));
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
  }

  @Test
  void aPaymentKeyedOverRestAboveTheThresholdIsRecordedOnlyWhenAnotherOfficerApprovesIt() {
    long loanId =
        RepaymentFixtures.bigLoan(
            disbursed, loans, "230507", "กลุ่มชำระผ่าน REST " + System.nanoTime());
    AtomicReference<String> pi = new AtomicReference<>();
    PaymentService.Submitted s =
        payments.submit(
            loanId,
            new PaymentInput(null, "10/03/2569", "80000.00", "API-1", null),
            PaymentSource.API,
            DISTRICT_MAKER,
            TODAY);
    assertThat(s.waitsForApproval()).isTrue();
    pi.set(steps.start(s.pending()));
    BpmnAwareTests.assertThat(instance(pi)).isWaitingAt(Element.APPROVE);
    assertThat(candidateGroups(pi.get())).containsExactlyInAnyOrder(DISTRICT, PROVINCE);
    assertThat(installments(loanId)).containsOnly(untouched(1), untouched(2), untouched(3));
    assertOwnApprovalRefused("maker2305", DISTRICT, pi);
    assertThat(paymentsOf(loanId)).isZero();

    approve("provchecker23", PROVINCE, pi);
    // 80,000.00 on 10 March: #1 4.16 + 30.00 + 40,000.00; #2 1.10 + 20.00 + 39,944.74
    assertThat(installments(loanId))
        .containsExactly(
            "1: 40000.00 30.00 4.16 4.16 settled",
            "2: 39944.74 20.00 1.10 1.10 open",
            untouched(3));
    assertThat(payments.balance(loanId, TODAY).payoff()).isEqualByComparingTo("40058.49");
    assertThat(
            count(
                "select count(*) from repayment_payment where loan_id = ? and source = 'API'"
                    + " and recorded_by = 'maker2305' and approved_by = 'provchecker23'",
                loanId))
        .isEqualTo(1);
  }

  @Test
  void reversingThePaymentThatClosedALoanOpensItAgain() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มปิดบัญชีแล้วกลับรายการ " + System.nanoTime());
    // pay-off on 10 March: 3,000.00 + 10.00 + 9.00 + #3's 10 of 31 days 2.58 + default interest
    // 0.10 + 0.03
    long closing = keyed(loanId, "10/03/2569", "3021.71", "KTB-ALL");
    assertThat(loanStatus(loanId)).isEqualTo("CLOSED");
    assertThat(interestWaived(loanId)).isEqualByComparingTo("5.42"); // 8.00 - 2.58 forgiven
    AtomicReference<String> pi = new AtomicReference<>();
    reversals.request(
        loanId, closing, "โอนเข้าผิดบัญชี", DISTRICT_MAKER, TODAY, e -> pi.set(steps.start(e)));
    approve("checker2305", DISTRICT, pi);
    assertThat(loanStatus(loanId)).isEqualTo("DISBURSED");
    assertThat(installments(loanId)).containsExactly(untouched(1), untouched(2), untouched(3));
    assertThat(payments.balance(loanId, TODAY).payoff()).isEqualByComparingTo("3021.71");
    // the reversal takes back what the settlement forgave
    assertThat(interestWaived(loanId)).isEqualByComparingTo("0.00");
    assertThat(paid(closing)).isEqualTo("0.00 0.00 0.00");
  }

  @Test
  void aRejectedReversalChangesNothing() {
    long loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มกลับรายการไม่อนุมัติ " + System.nanoTime());
    long paid = keyed(loanId, "01/03/2569", "1010.08", "KTB-KEEP");
    AtomicReference<String> pi = new AtomicReference<>();
    reversals.request(
        loanId, paid, "คิดว่าบันทึกซ้ำ", DISTRICT_MAKER, TODAY, e -> pi.set(steps.start(e)));
    complete("provchecker23", PROVINCE, pi.get(), "REJECT", "ตรวจแล้วไม่ซ้ำ");
    assertThat(rejections(pi)).isEqualTo(1);
    assertThat(installments(loanId))
        .containsExactly("1: 1000.00 10.00 0.08 0.08 settled", untouched(2), untouched(3));
    assertThat(count("select count(*) from payment_reversal where loan_id = ?", loanId)).isZero();
    assertThat(paid(paid)).isEqualTo("0.08 10.00 1000.00");
  }

  /** A payment keyed by the district's officer (recorded at once: below the threshold). */
  long keyed(long loanId, String date, String amount, String reference) {
    return keyed(loanId, date, amount, reference, TODAY);
  }

  /** A payment keyed by the district's maker on {@code today}, recorded at once. */
  long keyed(long loanId, String date, String amount, String reference, LocalDate today) {
    return payments
        .record(
            loanId,
            new PaymentInput(null, date, amount, reference, null),
            PaymentSource.OFFICER,
            DISTRICT_MAKER,
            today)
        .paymentId();
  }

  /** How often the instance ended as rejected. */
  long rejections(AtomicReference<String> pi) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.get())
        .activityId(Element.REJECTED)
        .count();
  }

  String loanStatus(long loanId) {
    return jdbc.sql("select status from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  BigDecimal interestWaived(long loanId) {
    return jdbc.sql("select sum(interest_waived) from repayment_installment where loan_id = ?")
        .param(loanId)
        .query(BigDecimal.class)
        .single();
  }

  /** An installment as {@link #installments} shows it when nothing was paid on it. */
  static String untouched(int seq) {
    return seq + ": 0.00 0.00 0.00 0.00 open";
  }

  /** How many payments of the loan are recorded. */
  int paymentsOf(long loanId) {
    return count("select count(*) from repayment_payment where loan_id = ?", loanId);
  }

  int count(String sql, long loanId) {
    return jdbc.sql(sql).param(loanId).query(Integer.class).single();
  }

  /**
   * What a payment paid in all (default interest, interest, principal), with reversals'
   * corrections.
   */
  String paid(long paymentId) {
    return jdbc.sql(
            "select sum(d), sum(i), sum(p) from (select default_interest d, interest i, principal p"
                + " from payment_allocation where payment_id = ? union all select default_interest, interest, principal"
                + " from allocation_correction where payment_id = ?) x")
        .params(paymentId, paymentId)
        .query(
            (rs, n) ->
                rs.getBigDecimal(1).setScale(2)
                    + " "
                    + rs.getBigDecimal(2).setScale(2)
                    + " "
                    + rs.getBigDecimal(3).setScale(2))
        .single();
  }

  List<String> installments(long loanId) {
    return jdbc.sql(
            "select seq, principal_paid, interest_paid, default_interest, default_interest_paid, settled_on"
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
                    + rs.getBigDecimal(5)
                    + " "
                    + (rs.getDate(6) == null ? "open" : "settled"))
        .list();
  }

  BigDecimal district2305Overdue() {
    return overdueFigures.byDistrict("23", TODAY).stream()
        .filter(d -> d.districtCode().equals("2305"))
        .findFirst()
        .map(OverdueFigures.DistrictOverdue::overdue)
        .orElse(BigDecimal.ZERO);
  }

  BigDecimal district2305Outstanding() {
    return portfolio.districtsOn(TODAY, "23").stream()
        .filter(q -> q.code().equals("2305"))
        .findFirst()
        .map(AreaQuality::outstanding)
        .orElse(BigDecimal.ZERO);
  }
}
