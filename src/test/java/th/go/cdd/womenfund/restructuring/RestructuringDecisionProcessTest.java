package th.go.cdd.womenfund.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Element;
import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess;
import th.go.cdd.womenfund.overdue.OverdueScan;
import th.go.cdd.womenfund.repayment.Allocation;
import th.go.cdd.womenfund.repayment.InstallmentState;
import th.go.cdd.womenfund.repayment.LoanBalance;
import th.go.cdd.womenfund.repayment.PaymentReversals;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.RecordedPayment;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.repayment.RepaymentRepository;
import th.go.cdd.womenfund.repayment.Rescheduling;
import th.go.cdd.womenfund.reporting.BriefingService;
import th.go.cdd.womenfund.reporting.DashboardService;
import th.go.cdd.womenfund.reporting.DashboardService.Dashboard;
import th.go.cdd.womenfund.riskcover.DeathClaimService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Issue 13 end to end: the overdue follow-up hands a loan over to restructuring, the province's
 * round lists it in its district's task (read when the district prepares, not when the round
 * opened), the Department's decision is recorded by a second province officer, an approved loan
 * gets a new schedule carried over to the satang, its follow-up ends, payments go to the new
 * schedule and the dashboard and briefing count it as restructured. Also the rejection path and the
 * attacks on the decision step. Province 75 (สมุทรสงคราม): one district per test.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestructuringDecisionProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String PROVINCE = "75";
  static final LocalDate TRANSFER = LocalDate.of(2025, 12, 31);

  /**
   * 104 days after the first installment (31 Jan 2026) fell due: the ladder goes straight to the
   * sub-committee.
   */
  static final LocalDate HAND_OVER_DAY = LocalDate.of(2026, 5, 15);

  static final LocalDate DECISION_DAY = LocalDate.of(2026, 6, 1);

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired OverdueScan scan;
  @Autowired PaymentService payments;
  @Autowired DashboardService dashboards;
  @Autowired BriefingService briefings;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.repayment.PortfolioArrears arrears;
  @Autowired LoginThrottle throttle;
  @Autowired Rescheduling rescheduling;
  @Autowired RestructuringTerms terms;
  @Autowired RepaymentRepository repayments;
  @Autowired PaymentReversals reversals;
  @LocalServerPort int port;

  @Value("${womenfund.admin.user}")
  String adminUser;

  @Value("${womenfund.admin.password}")
  String adminPassword;

  ProcessInstance round;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    throttle.liftAll();
    for (District d : areas.districtsOf(PROVINCE)) {
      roles.ensureDistrict(d);
    }
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    user("rd75keyer", Roles.provinceOfficers(PROVINCE));
    user("rd75decider", Roles.provinceOfficers(PROVINCE));
    user("rd75committee", Roles.provinceCommittee(PROVINCE));
    for (String d : List.of("7501", "7502", "7503")) {
      user("rd" + d, Roles.districtOfficers(d));
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    if (round != null
        && engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(round.getId())
                .count()
            > 0) {
      engine.getRuntimeService().deleteProcessInstance(round.getId(), "test over");
    }
  }

  void user(String id, String group) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User u = engine.getIdentityService().newUser(id);
      u.setFirstName("ทดสอบ");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership(id, group);
    }
  }

  static void clock(LocalDate day) {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(day, java.time.LocalTime.of(9, 0))
                .atZone(ThaiDates.BANGKOK)
                .toInstant()));
  }

  /**
   * 3,000 baht of five women (600 each): 31 Jan 2026 1,000 + 10.00; 28 Feb 1,000 + 9.00; 31 Mar
   * 1,000 + 8.00.
   */
  long loan(String subDistrict) {
    long id =
        disbursed.insert(
            DisbursedLoans.group(
                subDistrict, "กลุ่มปรับโครงสร้าง " + System.nanoTime(), 5, "600.00", 3, TRANSFER));
    loans.replaceSchedule(
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

  String applicationNo(long loanId) {
    return jdbc.sql("select application_no from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  String status(long loanId) {
    return jdbc.sql("select status from loan_project where id = ?")
        .param(loanId)
        .query(String.class)
        .single();
  }

  /**
   * The nightly scan starts the loan's follow-up; far behind, the ladder goes to the provincial
   * sub-committee.
   */
  ProcessInstance followUpAtEscalation(long loanId) {
    scan.run(ClockUtil.getCurrentTime().toInstant().atZone(ThaiDates.BANGKOK).toLocalDate());
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(OverdueFollowUpProcess.KEY)
            .processInstanceBusinessKey(applicationNo(loanId))
            .singleResult();
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getId());
    BpmnAwareTests.assertThat(pi).isWaitingAt(OverdueFollowUpProcess.Element.ESCALATION);
    return pi;
  }

  void handOverToRestructuring(ProcessInstance followUp) {
    as(
        "rd75committee",
        Roles.provinceCommittee(PROVINCE),
        () ->
            engine
                .getTaskService()
                .complete(
                    task(followUp, OverdueFollowUpProcess.Element.ESCALATION).getId(),
                    Map.of(
                        OverdueFollowUpProcess.Var.ESCALATION_DECISION,
                        "RESTRUCTURING",
                        OverdueFollowUpProcess.Var.ESCALATION_REASON,
                        "รายได้กลุ่มลดลงจากราคาผลผลิต ขอขยายเวลาชำระ",
                        OverdueFollowUpProcess.Var.MEETING_REFERENCE,
                        "5/2569")));
  }

  void as(String userId, String group, Runnable action) {
    engine.getIdentityService().setAuthentication(userId, List.of(group));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance openRound() {
    engine
        .getIdentityService()
        .setAuthentication("rd75keyer", List.of(Roles.provinceOfficers(PROVINCE)));
    try {
      round =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  RestructuringProcess.KEY,
                  Map.of(
                      Var.ROUND_TITLE,
                      "ปรับโครงสร้างหนี้สมุทรสงคราม " + System.nanoTime(),
                      Var.PROVINCE_CODE,
                      PROVINCE,
                      Var.ANNOUNCEMENT,
                      "ประกาศฯ พ.ศ. 2563 (ฉบับที่ 4)"));
      return round;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(ProcessInstance pi, String element) {
    return RoundInstances.task(engine, pi, element);
  }

  long packageId(ProcessInstance pi) {
    return ((Number) engine.getRuntimeService().getVariable(pi.getId(), Var.PACKAGE_ID))
        .longValue();
  }

  List<Integer> seqsOf(ProcessInstance pi, long loanId) {
    return jdbc.sql(
            "select seq from restructuring_debtor where package_id = ? and loan_id = ? order by seq")
        .params(packageId(pi), loanId)
        .query(Integer.class)
        .list();
  }

  String lines(List<Integer> seqs, String suffix) {
    StringBuilder s = new StringBuilder();
    seqs.forEach(seq -> s.append(seq).append(suffix).append('\n'));
    return s.toString();
  }

  /**
   * The district sends the loans' borrowers; the province receives and submits; the committee
   * acknowledges.
   */
  void sendToTheDepartment(
      ProcessInstance pkg, String district, List<Long> loanIds, LocalDate day) {
    StringBuilder applicants = new StringBuilder();
    loanIds.forEach(l -> applicants.append(lines(seqsOf(pkg, l), ", 1 2 3 4 5")));
    as(
        "rd" + district,
        Roles.districtOfficers(district),
        () ->
            engine
                .getTaskService()
                .complete(
                    task(pkg, Element.PREPARE_PACKAGE).getId(),
                    Map.of(Var.APPLICANTS, applicants.toString())));
    as(
        "rd75keyer",
        Roles.provinceOfficers(PROVINCE),
        () ->
            engine
                .getTaskService()
                .complete(
                    task(pkg, Element.RECORD_RECEIPT_TASK).getId(),
                    Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(day))));
    as(
        "rd75keyer",
        Roles.provinceOfficers(PROVINCE),
        () ->
            engine
                .getTaskService()
                .complete(
                    task(pkg, Element.SUBMIT_TO_DEPARTMENT).getId(),
                    Map.of(
                        Var.LETTER_NO,
                        "สส 0019/75",
                        Var.LETTER_DATE,
                        ThaiDates.formatNumeric(day))));
    as(
        "rd75committee",
        Roles.provinceCommittee(PROVINCE),
        () ->
            engine
                .getTaskService()
                .complete(
                    task(pkg, Element.COMMITTEE_ACKNOWLEDGEMENT).getId(),
                    Map.of(
                        Var.MEETING_REFERENCE,
                        "6/2569",
                        Var.MEETING_DATE,
                        ThaiDates.formatNumeric(day))));
  }

  Map<String, Object> decision(String lines) {
    return Map.of(
        Var.DECISION_LETTER_NO,
        "มท 0410.5/1234",
        Var.DECISION_LETTER_DATE,
        ThaiDates.formatNumeric(DECISION_DAY),
        Var.DECISIONS,
        lines);
  }

  BigDecimal money(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(BigDecimal.class).single();
  }

  @Test
  void followUpHandsOverTheRoundListsItTheDepartmentApprovesAndTheLoanRepaysOnItsNewSchedule()
      throws Exception {
    clock(HAND_OVER_DAY);
    long handedOver = loan("750101");
    long officersChoice = loan("750102");
    ProcessInstance followUp = followUpAtEscalation(handedOver);
    ProcessInstance stillFollowed = followUpAtEscalation(officersChoice);
    handOverToRestructuring(followUp);
    assertThat(status(handedOver)).isEqualTo("RESTRUCTURING");

    // the next round of the province lists both in Mueang Samut Songkhram's task: one handed over,
    // one overdue
    openRound();
    ProcessInstance pkg = RoundInstances.packageOf(engine, round, "7501");
    String candidates =
        (String) engine.getRuntimeService().getVariable(pkg.getId(), Var.CANDIDATES);
    assertThat(candidates)
        .contains(applicationNo(handedOver))
        .contains(applicationNo(officersChoice));
    assertThat(seqsOf(pkg, handedOver)).hasSize(5);
    sendToTheDepartment(pkg, "7501", List.of(handedOver, officersChoice), HAND_OVER_DAY);
    Task record = task(pkg, Element.RECORD_DECISION_TASK);
    BpmnAwareTests.assertThat(record).hasCandidateGroup(Roles.provinceOfficers(PROVINCE));
    assertThat(record.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    assertThat((String) engine.getRuntimeService().getVariable(pkg.getId(), Var.DECISION_PROPOSAL))
        .contains("ขยายเวลา 12 เดือน")
        .contains("3,000.00 บาท");

    clock(DECISION_DAY);
    String approveAll =
        lines(seqsOf(pkg, handedOver), " อนุมัติ") + lines(seqsOf(pkg, officersChoice), " อนุมัติ");
    as(
        "rd75decider",
        Roles.provinceOfficers(PROVINCE),
        () -> engine.getTaskService().complete(record.getId(), decision(approveAll)));
    BpmnAwareTests.assertThat(pkg)
        .isEnded()
        .hasPassed(Element.RECORD_DECISION, Element.PACKAGE_ACKNOWLEDGED);

    // the loan is repaying again, on a new schedule from the decision day; the old one stays,
    // closed that day
    assertThat(status(handedOver)).isEqualTo("DISBURSED");
    assertThat(
            jdbc.sql(
                    "select count(*) from repayment_installment where loan_id = ? and restructured_on = ?"
                        + " and settled_on = ? and principal = 1000.00 and principal_paid = 0")
                .params(handedOver, DECISION_DAY, DECISION_DAY)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    List<Integer> fresh =
        jdbc.sql(
                "select seq from repayment_installment where loan_id = ? and rescheduled_from = ?"
                    + " order by seq")
            .params(handedOver, DECISION_DAY)
            .query(Integer.class)
            .list();
    // nothing left of the old term + 12 months' extension (restructuring-terms.dmn), numbered after
    // the old ones
    assertThat(fresh).hasSize(12).first().isEqualTo(4);
    assertThat(
            jdbc.sql(
                    "select due_date from repayment_installment where loan_id = ? and seq in (4, 15) order by seq")
                .param(handedOver)
                .query(LocalDate.class)
                .list())
        .containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 1));
    // the unpaid principal, carried over exactly
    assertThat(
            money(
                "select sum(principal) from repayment_installment where loan_id = ?"
                    + " and rescheduled_from is not null",
                handedOver))
        .isEqualByComparingTo("3000.00");
    assertThat(
            money(
                "select principal from repayment_installment where loan_id = ? and seq = 4",
                handedOver))
        .isEqualByComparingTo("250.00");
    // 27.00 of interest due and unpaid carried into the first installment, plus 30 days at 0.1% on
    // 3,000.00 (0.25)
    assertThat(
            money(
                "select interest from repayment_installment where loan_id = ? and seq = 4",
                handedOver))
        .isEqualByComparingTo("27.25");
    // default interest accrued to 1 June (0.33 + 0.25 + 0.17) is waived by the rule for up to a
    // year behind
    assertThat(
            money(
                "select waived_default_interest from loan_reschedule where loan_id = ?",
                handedOver))
        .isEqualByComparingTo("0.75");
    assertThat(
            money(
                "select default_interest from repayment_installment where loan_id = ? and seq = 4",
                handedOver))
        .isEqualByComparingTo("0.00");
    assertThat(
            money(
                "select carried_principal + carried_interest + carried_default_interest from loan_reschedule"
                    + " where loan_id = ?",
                handedOver))
        .isEqualByComparingTo("3027.00");

    // the officer's choice still had its follow-up running: the system ended it by message
    BpmnAwareTests.assertThat(stillFollowed)
        .isEnded()
        .hasPassed(OverdueFollowUpProcess.Element.CLOSE_RESCHEDULED);
    assertThat(
            jdbc.sql("select outcome from overdue_follow_up where loan_id = ? order by id desc")
                .param(officersChoice)
                .query(String.class)
                .list()
                .get(0))
        .isEqualTo("RESCHEDULED");
    assertThat(status(officersChoice)).isEqualTo("DISBURSED");

    // payments from now on go to the new schedule
    LocalDate firstDue = LocalDate.of(2026, 7, 1);
    clock(firstDue);
    RecordedPayment paid =
        payments.record(
            handedOver,
            new PaymentInput(null, ThaiDates.formatNumeric(firstDue), "277.25", "RS-75-1", null),
            PaymentSource.OFFICER,
            null,
            firstDue);
    assertThat(paid.allocations()).hasSize(1);
    assertThat(paid.allocations().get(0).seq()).isEqualTo(4);
    assertThat(paid.allocations().get(0).principal()).isEqualByComparingTo("250.00");
    assertThat(paid.allocations().get(0).interest()).isEqualByComparingTo("27.25");
    LoanBalance after = payments.balance(handedOver, firstDue);
    assertThat(after.outstandingPrincipal()).isEqualByComparingTo("2750.00");
    assertThat(after.inArrears()).isFalse();
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
    assertThat(after.nextDueDate()).isEqualTo(LocalDate.of(2026, 8, 1));

    // the dashboard and the briefing count them as restructured, per district, to the satang
    Dashboard d = dashboards.dashboard(PROVINCE, ThaiFiscalYear.of(firstDue), firstDue);
    assertThat(d.figures().restructuredLoans()).isEqualTo(2);
    assertThat(d.figures().restructuredAmount()).isEqualByComparingTo("6054.00");
    assertThat(d.restructured().rows()).hasSize(1);
    assertThat(d.restructured().rows().get(0).cells())
        .containsExactly("เมืองสมุทรสงคราม", 2, new BigDecimal("6054.00"));
    // the old schedule no longer counts as debt: 2,750.00 + 3,000.00 outstanding, nothing overdue
    // on 1 July
    Table.Row overdue =
        d.overdue().rows().stream()
            .filter(r -> "เมืองสมุทรสงคราม".equals(r.cells().get(0)))
            .findFirst()
            .orElseThrow();
    assertThat((BigDecimal) overdue.cells().get(1)).isEqualByComparingTo("5750.00");
    assertThat((BigDecimal) overdue.cells().get(2)).isEqualByComparingTo("0.00");
    assertThat(
            String.join(
                "\n", briefings.briefing(PROVINCE, firstDue, firstDue).items().get(1).paragraphs()))
        .contains(
            "กรมอนุมัติปรับโครงสร้างหนี้แล้ว 2 สัญญา ยอดหนี้ที่ยกไปตารางชำระใหม่ 6,054.00 บาท");
    HttpResponse<String> page =
        AppSession.login(port, adminUser, adminPassword).get("/dashboard?province=" + PROVINCE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"section-restructured\"")
        .contains("id=\"restructured-loans\">2<")
        .contains(">6,054.00<");
  }

  @Test
  void overTwoYearsBehindTheRuleCarriesDefaultInterestIntoTheFirstInstallmentWhichIsPaidFirst() {
    clock(DECISION_DAY);
    long id =
        disbursed.insert(
            DisbursedLoans.group(
                "750302",
                "กลุ่มค้างนาน " + System.nanoTime(),
                5,
                "600.00",
                3,
                LocalDate.of(2023, 12, 31)));
    loans.replaceSchedule(
        id,
        List.of(
            new Installment(
                1, LocalDate.of(2024, 1, 31), new BigDecimal("1000.00"), new BigDecimal("10.00")),
            new Installment(
                2, LocalDate.of(2024, 2, 29), new BigDecimal("1000.00"), new BigDecimal("9.00")),
            new Installment(
                3, LocalDate.of(2024, 3, 31), new BigDecimal("1000.00"), new BigDecimal("8.00"))));
    // 852 days behind on 1 June 2026: the table's last rule
    RestructuringTerms.Rule rule = terms.evaluate(852, "RESTRUCTURING");
    assertThat(rule.terms()).isEqualTo(new Rescheduling.Terms(36, null, true, true));

    Rescheduling.Outcome o = rescheduling.reschedule(id, DECISION_DAY, rule.terms());
    // default interest to 1 June: 852, 823 and 792 days on 1,000.00 at 0.1% a year = 2.33 + 2.25 +
    // 2.17
    assertThat(o.defaultInterest()).isEqualByComparingTo("6.75");
    assertThat(o.carried()).isEqualByComparingTo("3033.75");
    assertThat(o.installments()).hasSize(36);
    assertThat(
            o.installments().stream()
                .map(Installment::principal)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("3000.00");
    assertThat(o.installments().get(0).principal()).isEqualByComparingTo("83.33");
    assertThat(o.installments().get(35).principal()).isEqualByComparingTo("83.45");
    assertThat(
            money(
                "select default_interest from repayment_installment where loan_id = ? and seq = 4",
                id))
        .isEqualByComparingTo("6.75");

    LocalDate firstDue = LocalDate.of(2026, 7, 1);
    RecordedPayment paid =
        payments.record(
            id,
            new PaymentInput(null, ThaiDates.formatNumeric(firstDue), "117.33", "RS-75-OLD", null),
            PaymentSource.OFFICER,
            null,
            firstDue);
    assertThat(paid.allocations())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.seq()).isEqualTo(4);
              assertThat(a.defaultInterest()).isEqualByComparingTo("6.75");
              assertThat(a.interest()).isEqualByComparingTo("27.25");
              assertThat(a.principal()).isEqualByComparingTo("83.33");
            });
    LoanBalance after = payments.balance(id, firstDue);
    assertThat(after.outstandingPrincipal()).isEqualByComparingTo("2916.67");
    assertThat(after.defaultInterest()).isEqualByComparingTo("0.00");
    assertThat(after.inArrears()).isFalse();
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
  }

  /**
   * A deceased borrower's risk cover forgave her share of the interest not yet earned on two open
   * installments; the Department's new schedule closes them and must keep that forgiveness: the
   * closed installments still agree with their allocations (paid and forgiven, to the satang), what
   * the decision waived is exactly what they show unpaid, and the reversal replay agrees with every
   * stored paid and forgiven amount. Reversing a payment made before the decision is refused.
   */
  @Test
  void interestTheRiskCoverForgaveStaysForgivenWhenTheLoanIsRescheduled() {
    LocalDate death = LocalDate.of(2026, 2, 15);
    clock(death);
    long id = loan("750304");
    // her share (600 of 3,000): seq 2 has earned 4.82 of its 9.00 by 15 Feb (15 of 28 days), seq 3
    // nothing of its 8.00; she pays a fifth of what is earned and a fifth of the rest is forgiven
    List<Allocation> shares =
        DeathClaimService.shares(
            payments.payoff(id, death), new BigDecimal("600.00"), new BigDecimal("3000.00"));
    payments.recordCoverSettlement(
        id, death, shares, "RC-75-" + System.nanoTime(), "ทดสอบ", "rd75keyer", death);
    LocalDate paidOn = LocalDate.of(2026, 3, 1);
    RecordedPayment paid =
        payments.record(
            id,
            new PaymentInput(
                null,
                ThaiDates.formatNumeric(paidOn),
                "100.00",
                "RS-75-WV-" + System.nanoTime(),
                null),
            PaymentSource.OFFICER,
            null,
            paidOn);
    assertThat(waived(id)).containsExactly("0.00", "0.84", "1.60");

    clock(DECISION_DAY);
    Rescheduling.Outcome o =
        rescheduling.reschedule(id, DECISION_DAY, new Rescheduling.Terms(12, null, false, false));

    // the forgiven interest stays forgiven on the closed installments
    assertThat(waived(id).subList(0, 3)).containsExactly("0.00", "0.84", "1.60");
    List<InstallmentState> stored = repayments.installments(id);
    List<InstallmentState> old = stored.stream().filter(i -> i.seq() <= 3).toList();
    assertThat(old).allSatisfy(i -> assertThat(i.settledOn()).isEqualTo(DECISION_DAY));
    // the decision waived what the closed installments show unpaid, no more, no less
    assertThat(o.waivedInterest())
        .isEqualByComparingTo(
            old.stream()
                .map(InstallmentState::unpaidInterest)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    // every installment's paid and forgiven amounts are the sums of its allocations (and
    // corrections)
    Map<Long, List<Allocation>> allocations = repayments.effectiveAllocations(id);
    for (InstallmentState i : stored) {
      List<Allocation> of =
          allocations.values().stream()
              .flatMap(List::stream)
              .filter(a -> a.seq() == i.seq())
              .toList();
      assertThat(i.principalPaid())
          .as("principal paid of " + i.seq())
          .isEqualByComparingTo(sum(of, Allocation::principal));
      assertThat(i.interestPaid())
          .as("interest paid of " + i.seq())
          .isEqualByComparingTo(sum(of, Allocation::interest));
      assertThat(i.defaultInterestPaid())
          .as("default interest paid of " + i.seq())
          .isEqualByComparingTo(sum(of, Allocation::defaultInterest));
      assertThat(i.interestWaived())
          .as("interest forgiven of " + i.seq())
          .isEqualByComparingTo(sum(of, Allocation::interestWaived));
    }
    // the reversal replay gives back every stored paid and forgiven amount to the satang (the
    // closed installments as stored, the new ones from the decision day); a payment made before
    // the decision can no longer be reversed (below)
    assertThat(
            reversals.replayedInstallments(id).stream()
                .map(RestructuringDecisionProcessTest::paidAndForgiven))
        .containsExactlyElementsOf(
            stored.stream().map(RestructuringDecisionProcessTest::paidAndForgiven).toList());
    assertThatThrownBy(
            () ->
                reversals.request(
                    id,
                    paid.paymentId(),
                    "บันทึกยอดผิด",
                    new Actor("rd7503", List.of(Roles.districtOfficers("7503"))),
                    DECISION_DAY,
                    e -> {}))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("อยู่ก่อนการปรับโครงสร้างหนี้");
  }

  List<String> waived(long loanId) {
    return jdbc
        .sql("select interest_waived from repayment_installment where loan_id = ? order by seq")
        .param(loanId)
        .query(BigDecimal.class)
        .list()
        .stream()
        .map(v -> v.setScale(2).toPlainString())
        .toList();
  }

  static BigDecimal sum(
      List<Allocation> of, java.util.function.Function<Allocation, BigDecimal> f) {
    return of.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static String paidAndForgiven(InstallmentState i) {
    return i.seq()
        + ": "
        + i.principalPaid().toPlainString()
        + " "
        + i.interestPaid().toPlainString()
        + " "
        + i.defaultInterestPaid().toPlainString()
        + " "
        + i.interestWaived().toPlainString();
  }

  @Test
  void candidatesAreReadWhileTheDistrictPreparesNotWhenTheRoundOpened() {
    clock(LocalDate.of(2026, 1, 15)); // the loan is not behind yet
    long loan = loan("750201");
    openRound();
    ProcessInstance pkg = RoundInstances.packageOf(engine, round, "7502");
    assertThat((String) engine.getRuntimeService().getVariable(pkg.getId(), Var.CANDIDATES))
        .doesNotContain(applicationNo(loan));

    // months later the sub-committee hands it over: the open package lists it at once
    clock(HAND_OVER_DAY);
    handOverToRestructuring(followUpAtEscalation(loan));
    assertThat(seqsOf(pkg, loan)).hasSize(5);
    assertThat((String) engine.getRuntimeService().getVariable(pkg.getId(), Var.CANDIDATES))
        .contains(applicationNo(loan))
        .contains("ค้างชำระ");

    // a loan that fell behind since the round opened appears at the daily reading, after the
    // numbers already shown
    long later = loan("750202");
    int shown = seqsOf(pkg, loan).get(4);
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pkg.getId())
                .timers()
                .activityId(Element.REFRESH_TIMER)
                .singleResult()
                .getId());
    assertThat(seqsOf(pkg, later)).hasSize(5).allMatch(seq -> seq > shown);
    assertThat(seqsOf(pkg, loan)).hasSize(5).last().isEqualTo(shown);
    assertThat((String) engine.getRuntimeService().getVariable(pkg.getId(), Var.CANDIDATES))
        .contains(applicationNo(later));
    BpmnAwareTests.assertThat(pkg).isWaitingAt(Element.PREPARE_PACKAGE);
  }

  @Test
  void aRejectedLoanKeepsItsScheduleAndGoesBackToTheFollowUp() {
    clock(HAND_OVER_DAY);
    long loan = loan("750301");
    handOverToRestructuring(followUpAtEscalation(loan));
    openRound();
    ProcessInstance pkg = RoundInstances.packageOf(engine, round, "7503");
    long packageId = packageId(pkg);
    sendToTheDepartment(pkg, "7503", List.of(loan), HAND_OVER_DAY);
    clock(DECISION_DAY);
    String taskId = task(pkg, Element.RECORD_DECISION_TASK).getId();
    List<Integer> seqs = seqsOf(pkg, loan);

    // borrowers of one loan share its schedule: one decision for all; every applicant needs one
    as(
        "rd75decider",
        Roles.provinceOfficers(PROVINCE),
        () -> {
          assertThatThrownBy(
                  () ->
                      engine
                          .getTaskService()
                          .complete(
                              taskId,
                              decision(
                                  seqs.get(0)
                                      + " อนุมัติ\n"
                                      + lines(seqs.subList(1, 5), " ไม่อนุมัติ ขาดแผนชำระหนี้"))))
              .isInstanceOf(RefusedInputException.class)
              .hasMessageContaining("ต้องได้ผลเดียวกัน");
          assertThatThrownBy(
                  () ->
                      engine.getTaskService().complete(taskId, decision(seqs.get(0) + " อนุมัติ")))
              .hasMessageContaining("ยังไม่ได้บันทึกผลของลำดับที่");
          Map<String, Object> future = new HashMap<>(decision(lines(seqs, " อนุมัติ")));
          future.put(Var.DECISION_LETTER_DATE, ThaiDates.formatNumeric(DECISION_DAY.plusDays(1)));
          assertThatThrownBy(() -> engine.getTaskService().complete(taskId, future))
              .hasMessageContaining("อยู่ในอนาคต");
          assertThatThrownBy(
                  () ->
                      engine
                          .getTaskService()
                          .complete(taskId, decision("99 อนุมัติ\n" + lines(seqs, " อนุมัติ"))))
              .hasMessageContaining("ไม่ใช่ผู้ขอปรับโครงสร้างหนี้");
        });
    BpmnAwareTests.assertThat(pkg).isWaitingAt(Element.RECORD_DECISION_TASK);
    assertThat(status(loan)).isEqualTo("RESTRUCTURING");

    as(
        "rd75decider",
        Roles.provinceOfficers(PROVINCE),
        () ->
            engine
                .getTaskService()
                .complete(
                    taskId, decision(lines(seqs, " ไม่อนุมัติ รายได้กลุ่มไม่พอชำระตามตารางใหม่"))));
    BpmnAwareTests.assertThat(pkg).isEnded();
    // back to the ordinary repayment: same schedule, no reschedule, and the nightly scan follows it
    // up again
    assertThat(status(loan)).isEqualTo("DISBURSED");
    assertThat(
            jdbc.sql("select count(*) from repayment_installment where loan_id = ?")
                .param(loan)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql("select count(*) from loan_reschedule where loan_id = ?")
                .param(loan)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select decision from restructuring_debtor where package_id = ? and applies = true")
                .param(packageId)
                .query(String.class)
                .list())
        .hasSize(5)
        .containsOnly("REJECTED");
    assertThat(
            jdbc.sql("select count(*) from overdue_follow_up where open_loan_id = ?")
                .param(loan)
                .query(Integer.class)
                .single())
        .isZero();
    scan.run(DECISION_DAY);
    assertThat(
            jdbc.sql(
                    "select count(*) from overdue_follow_up where open_loan_id = ?"
                        + " and process_instance_id is not null")
                .param(loan)
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void theDecisionStepRefusesAnotherDistrictUndeclaredVariablesAndTheSubmitter() {
    clock(HAND_OVER_DAY);
    // its own district (7503): this loan stays in restructuring, still owed, so in 7501 it would
    // count in the
    // other test's overdue figures (every loan still owed counts, whatever its status:
    // PortfolioArrears)
    long loan = loan("750303");
    handOverToRestructuring(followUpAtEscalation(loan));
    openRound();
    ProcessInstance pkg = RoundInstances.packageOf(engine, round, "7503");
    sendToTheDepartment(pkg, "7503", List.of(loan), HAND_OVER_DAY);
    String taskId = task(pkg, Element.RECORD_DECISION_TASK).getId();
    String approve = lines(seqsOf(pkg, loan), " อนุมัติ");

    // an officer of another district (not a candidate of the task) may not record it
    as(
        "rd7502",
        Roles.districtOfficers("7502"),
        () ->
            assertThatThrownBy(() -> engine.getTaskService().complete(taskId, decision(approve)))
                .isInstanceOf(AuthorizationException.class));
    // a variable the form does not declare is refused before anything is written
    Map<String, Object> extra = new HashMap<>(decision(approve));
    extra.put("loanId", 1L);
    as(
        "rd75decider",
        Roles.provinceOfficers(PROVINCE),
        () ->
            assertThatThrownBy(() -> engine.getTaskService().complete(taskId, extra))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageContaining("loanId"));
    // the province officer who received and submitted the package may not record the Department's
    // decision
    as(
        "rd75keyer",
        Roles.provinceOfficers(PROVINCE),
        () ->
            assertThatThrownBy(() -> engine.getTaskService().complete(taskId, decision(approve)))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageContaining("หลักการแบ่งแยกหน้าที่"));
    BpmnAwareTests.assertThat(pkg).isWaitingAt(Element.RECORD_DECISION_TASK);
    assertThat(status(loan)).isEqualTo("RESTRUCTURING");
    assertThat(
            jdbc.sql("select count(*) from repayment_installment where loan_id = ?")
                .param(loan)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }
}
