package th.go.cdd.womenfund.riskcover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.go.cdd.womenfund.riskcover.DeathClaimProcess.Element;
import static th.go.cdd.womenfund.riskcover.DeathClaimProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Every path of {@code death-claim}: cover in force and approved (her share settled, the rest with
 * the group), cover in force but refused, no cover; and every refusal of the report. The fixture:
 * five women of 600 each (20% each) owing 1,000 + 10.00, 1,000 + 9.00, 1,000 + 8.00.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class DeathClaimProcessTest {

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  static final String OFFICE_MAIL = "cdd2305@example.org";
  static final LocalDate TODAY = LocalDate.of(2026, 1, 20);

  @Autowired ProcessEngine engine;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.repayment.PortfolioArrears arrears;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  long loanId;
  String contractNo;
  String nationalId;
  String husband;
  String groupMail;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    areas.setOfficeEmail("2305", OFFICE_MAIL);
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    loanId =
        RepaymentFixtures.simpleLoan(
            disbursed, loans, "230507", "กลุ่มความคุ้มครอง " + System.nanoTime());
    contractNo = RepaymentFixtures.contractNo(jdbc, loanId);
    List<String> first =
        jdbc.sql(
                "select m.national_id, a.full_name from loan_borrower b join member m on m.id = b.member_id"
                    + " join family_acknowledgement a on a.loan_id = b.loan_id and a.member_id = b.member_id"
                    + " where b.loan_id = ? order by m.id fetch first 1 rows only")
            .param(loanId)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
            .single();
    nationalId = first.get(0);
    husband = first.get(1);
    groupMail = RepaymentFixtures.groupMail(jdbc, loanId);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  Map<String, Object> report(String id, String deathDate, String certificate) {
    Map<String, Object> v = new HashMap<>();
    v.put(Var.LOAN_NUMBER, contractNo);
    v.put(Var.BORROWER_ID, id);
    v.put(Var.DEATH_DATE, deathDate);
    v.put(Var.CERTIFICATE_NO, certificate);
    return v;
  }

  ProcessInstance startAs(String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(DeathClaimProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance reported() {
    return startAs(
        "officer2305",
        Roles.districtOfficers("2305"),
        report(nationalId, "15/01/2569", "มบ.2305/0042"));
  }

  void sendMailAndWriteLetter(ProcessInstance pi) throws Exception {
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.NOTIFY);
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getId());
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.FAMILY_LETTER);
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(Roles.districtOfficers("2305"));
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), Var.FAMILY_MEMBER))
        .isEqualTo("คู่สมรส " + husband);
    String taskId = task(pi).getId();
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(taskId, Map.of(Var.LETTER_NO, "", Var.LETTER_DATE, "21/01/2569")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("กรุณากรอกเลขที่หนังสือแจ้งครอบครัว")
        .hasMessageContaining("อยู่ในอนาคต");
    complete(task(pi), Map.of(Var.LETTER_NO, "ตร 0019/77", Var.LETTER_DATE, "20/01/2569"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Element.RECORD_LETTER, Element.END);
    assertThat(claim("letter_no")).isEqualTo("ตร 0019/77");
  }

  Object claim(String column) {
    return jdbc.sql(
            "select "
                + column
                + " from death_claim where loan_id = ? order by id desc fetch first 1 rows only")
        .param(loanId)
        .query((rs, n) -> rs.getObject(1))
        .single();
  }

  @Test
  void aCoveredClaimApprovedSettlesHerShareAndTheRestStaysWithTheGroup() throws Exception {
    ProcessInstance pi = reported();
    assertThat(pi.getBusinessKey()).startsWith("DC-");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Element.REVIEW);
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(Roles.provinceCommittee("23"));
    String summary = (String) engine.getRuntimeService().getVariable(pi.getId(), Var.CLAIM_SUMMARY);
    assertThat(summary)
        .contains("สัดส่วนร้อยละ 20.00")
        .contains("15 มกราคม 2569")
        .contains("มบ.2305/0042")
        .contains("คู่สมรส " + husband)
        .contains(
            "ยอดหนี้คงเหลือของกลุ่ม ณ วันที่เสียชีวิต (เงินต้นและดอกเบี้ยถึงวันนั้น): 3,004.84 บาท")
        .contains("ส่วนของผู้กู้ที่ความคุ้มครองชดใช้ได้: 600.97 บาท")
        .contains("X-XXXX")
        .doesNotContain(nationalId);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Var.BORROWER_ID))
        .asString()
        .startsWith("X-XXXX");

    complete(task(pi), Map.of(Var.CLAIM_DECISION, "APPROVE", Var.CLAIM_DECISION_REASON, ""));
    BpmnAwareTests.assertThat(pi).hasPassed(Element.SETTLE).hasNotPassed(Element.NO_PAYOUT);
    // her 20% of the pay-off on the day of her death (15 Jan, 15 of #1's 31 days: 10.00 x 15 / 31 =
    // 4.84 earned):
    // #1 200.00 + 0.97 (4.84 x 20% = 0.968), #2 and #3 200.00 each with no interest earned =
    // 600.97, not 20% of the
    // whole term's interest; her share of the interest not earned is forgiven: #1 2.00 - 0.97 =
    // 1.03, #2 1.80, #3 1.60
    assertThat(
            jdbc.sql(
                    "select amount from repayment_payment where loan_id = ? and source = 'RISK_COVER'")
                .param(loanId)
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("600.97");
    assertThat(
            jdbc.sql(
                    "select interest_waived from repayment_installment where loan_id = ? order by seq")
                .param(loanId)
                .query(BigDecimal.class)
                .list())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("1.03"), new BigDecimal("1.80"), new BigDecimal("1.60"));
    assertThat(
            jdbc.sql(
                    "select principal - principal_paid from repayment_installment where loan_id = ? order by seq")
                .param(loanId)
                .query(BigDecimal.class)
                .list())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("800"), new BigDecimal("800"), new BigDecimal("800"));
    assertThat(claim("status")).isEqualTo("SETTLED");
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
    // the group's pay-off on 20 Jan: 2,400.00 and #1's interest of 20 of its 31 days on what was
    // not forgiven,
    // (10.00 - 1.03) x 20 / 31 = 5.787 -> 5.79, less the 0.97 the cover paid = 4.82
    assertThat((BigDecimal) claim("remaining_with_group")).isEqualByComparingTo("2404.82");
    assertThat(
            jdbc.sql(
                    "select in_force from risk_cover c join member m on m.id = c.member_id"
                        + " where c.loan_id = ? and m.national_id = ?")
                .params(loanId, nationalId)
                .query(Boolean.class)
                .single())
        .isFalse();

    sendMailAndWriteLetter(pi);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(Stream.of(mail.getAllRecipients()).map(Object::toString))
        .containsExactlyInAnyOrder(OFFICE_MAIL, groupMail);
    assertThat(mail.getSubject())
        .isEqualTo(
            "ผลการใช้ความคุ้มครองความเสี่ยงกรณีผู้กู้เสียชีวิต " + "สัญญาเลขที่ " + contractNo);
    assertThat(body(mail))
        .contains("600.97 บาท")
        .contains("2,404.82 บาท")
        .contains(husband)
        .doesNotContain(nationalId);

    // a second report of the same death is refused
    assertThatThrownBy(this::reported).hasMessageContaining("ไว้แล้ว (สถานะ: ชดใช้แล้ว)");
  }

  @Test
  void aCoveredClaimRefusedByTheProvinceLeavesEverythingWithTheGroup() throws Exception {
    ProcessInstance pi = reported();
    String taskId = task(pi).getId();
    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of(Var.CLAIM_DECISION, "REJECT")))
        .hasMessageContaining("กรุณาระบุเหตุผลที่ไม่อนุมัติการชดใช้");
    complete(
        task(pi),
        Map.of(
            Var.CLAIM_DECISION,
            "REJECT",
            Var.CLAIM_DECISION_REASON,
            "ใบมรณบัตรไม่ตรงกับทะเบียนราษฎร"));
    BpmnAwareTests.assertThat(pi).hasPassed(Element.NO_PAYOUT).hasNotPassed(Element.SETTLE);
    assertThat(claim("status")).isEqualTo("REJECTED");
    // the group's pay-off on 20 Jan: 3,000.00 and 20 of #1's 31 days, 10.00 x 20 / 31 = 6.45
    assertThat((BigDecimal) claim("remaining_with_group")).isEqualByComparingTo("3006.45");
    assertThat(
            jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
    sendMailAndWriteLetter(pi);
    assertThat(body(smtp.getReceivedMessages()[0]))
        .contains("ใบมรณบัตรไม่ตรงกับทะเบียนราษฎร")
        .contains("3,006.45 บาท");
    // refused: it may be reported again with the right certificate
    ProcessInstance again =
        startAs(
            "officer2305",
            Roles.districtOfficers("2305"),
            report(nationalId, "15/01/2569", "มบ.2305/0043"));
    BpmnAwareTests.assertThat(again).isWaitingAt(Element.REVIEW);
  }

  @Test
  void withoutCoverInForceThereIsNoReviewAndNothingIsSettled() throws Exception {
    jdbc.sql("update risk_cover set cover_from = ? where loan_id = ?")
        .params(LocalDate.of(2026, 1, 16), loanId)
        .update();
    ProcessInstance pi = reported();
    BpmnAwareTests.assertThat(pi).hasPassed(Element.NO_PAYOUT).hasNotPassed(Element.REVIEW);
    assertThat(claim("status")).isEqualTo("NOT_COVERED");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Var.CLAIM_SUMMARY))
        .contains("ความคุ้มครองเริ่มมีผล 16 มกราคม 2569 หลังวันที่เสียชีวิต");
    sendMailAndWriteLetter(pi);
    assertThat(body(smtp.getReceivedMessages()[0])).contains("ไม่มีความคุ้มครองความเสี่ยงที่มีผล");
  }

  @Test
  void aBadReportIsRefusedInThaiAndStartsNothing() {
    long before =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(DeathClaimProcess.KEY)
            .count();
    String stranger =
        "110170020345" + th.go.cdd.womenfund.member.NationalId.checkDigit("110170020345");
    assertThatThrownBy(
            () ->
                startAs(
                    "officer2305",
                    Roles.districtOfficers("2305"),
                    report(stranger, "21/01/2569", " ")))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ไม่ใช่ผู้กู้ของสัญญาเลขที่ " + contractNo)
        .hasMessageContaining("วันที่เสียชีวิต 21 มกราคม 2569 อยู่ในอนาคต")
        .hasMessageContaining("กรุณากรอกเลขที่ใบมรณบัตร");
    assertThatThrownBy(
            () ->
                startAs(
                    "officer2305",
                    Roles.districtOfficers("2305"),
                    report("1234", "15/01/2569", "มบ.1")))
        .hasMessageContaining("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก");
    assertThatThrownBy(
            () ->
                startAs(
                    "officer2305",
                    Roles.districtOfficers("2305"),
                    report(nationalId, "15/12/2568", "มบ.1")))
        .hasMessageContaining("อยู่ก่อนวันที่โอนเงินกู้");
    assertThatThrownBy(
            () ->
                startAs(
                    "officer2301",
                    Roles.districtOfficers("2301"),
                    report(nationalId, "15/01/2569", "มบ.1")))
        .hasMessageContaining("ไม่มีสิทธิ์");
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        DeathClaimProcess.KEY, report(nationalId, "15/01/2569", "มบ.1")))
        .hasMessageContaining("กรุณาเข้าสู่ระบบ");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(DeathClaimProcess.KEY)
                .count())
        .isEqualTo(before);
    assertThat(
            jdbc.sql("select count(*) from death_claim where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isZero();
  }

  static String body(MimeMessage m) throws Exception {
    return new String(
        jakarta.mail.internet.MimeUtility.decode(m.getInputStream(), "binary").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
