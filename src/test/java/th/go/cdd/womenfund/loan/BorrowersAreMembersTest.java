package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.time.LocalDate;
import java.time.ZoneId;
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
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.membership.MembershipService.IndividualInput;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Borrowers are members (issue 13, item 5): each borrower is a member of the fund in the
 * application's district on its application date, or joins in the same step under the member rules;
 * otherwise the step is refused in Thai, naming the row and the borrower, and nothing is written.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class BorrowersAreMembersTest {

  static final String DISTRICT = "2305"; // แหลมงอบ
  static final String SUB_DISTRICT = "230507";
  static final Date NOW =
      Date.from(
          LocalDate.of(2026, 11, 16).atTime(9, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant());
  static final long DAY = 24L * 3600 * 1000;
  static final Actor LAEM_NGOP =
      new Actor("officer2305", List.of(Roles.districtOfficers(DISTRICT)));
  static final Actor MUEANG_TRAT =
      new Actor("officer2301", List.of(Roles.districtOfficers("2301")));
  static int people = 0;

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired AreaRepository areas;
  @Autowired RoleAuthorizations roles;
  @Autowired MembershipService membership;

  @BeforeEach
  void setUp() {
    init(engine);
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  static LocalDate day(int plus) {
    return LocalDate.of(2026, 11, 16).plusDays(plus);
  }

  /** A fresh, valid national ID of this test alone. */
  static String newId() {
    String first12 =
        String.format(
            "38905%07d", 1_000 + 37 * people++ + (int) (System.nanoTime() % 1000) * 5_000);
    return first12 + NationalId.checkDigit(first12);
  }

  /**
   * This run's own made-up borrowers (a database kept from an earlier run already has that run's).
   */
  // per test instance, not per class: BorrowerRowsTest extends this class and runs its tests again
  // in the same JVM, and a shared number would name the same women twice
  final int run = 3 * (int) Math.floorMod(System.nanoTime(), 5_000L);

  Map<String, Object> application(int n) {
    return new HashMap<>(
        DemoApplications.application(n + run, "กลุ่มทดสอบสมาชิก " + n, SUB_DISTRICT, day(0)));
  }

  /**
   * The application with its first borrower replaced by the woman with {@code id} (same name, dates
   * and amount).
   */
  static Map<String, Object> withFirstBorrower(Map<String, Object> vars, String id) {
    String borrowers = (String) vars.get(Var.BORROWERS);
    String first = borrowers.substring(0, 13);
    Map<String, Object> changed = new HashMap<>(vars);
    changed.put(Var.BORROWERS, borrowers.replace(first, id));
    changed.put(
        Var.FAMILY_ACKNOWLEDGEMENTS,
        ((String) vars.get(Var.FAMILY_ACKNOWLEDGEMENTS)).replace(first, id));
    return changed;
  }

  ProcessInstance start(Map<String, Object> vars) {
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers(DISTRICT)));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(LoanApplicationProcess.KEY, vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void complete(ProcessInstance pi, String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine
          .getTaskService()
          .complete(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getId(),
              vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void register(String id, String subDistrict, Actor officer, LocalDate on) {
    membership.registerIndividual(
        new IndividualInput(
            id, "นางทดสอบ สมาชิกก่อนกู้", "01/01/2520", "01/01/2560", subDistrict, true, true),
        officer,
        on);
  }

  long loanId(ProcessInstance pi) {
    return ((Number) engine.getRuntimeService().getVariable(pi.getId(), Var.LOAN_ID)).longValue();
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void borrowersNotYetMembersJoinInTheRegisteringStepAndAMemberOfTheDistrictIsNotRegisteredTwice() {
    String member = newId();
    register(member, "230501", LAEM_NGOP, day(-30));
    ProcessInstance pi = start(withFirstBorrower(application(901), member));
    long loanId = loanId(pi);
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select f.district_code, f.registered_on, f.loan_id, m.national_id"
                    + " from loan_borrower b join member m on m.id = b.member_id join fund_membership f on f.member_id = m.id"
                    + " where b.loan_id = ? order by m.id")
            .param(loanId)
            .query()
            .listOfRows();
    assertThat(rows)
        .hasSize(DemoApplications.size(901 + run))
        .allSatisfy(r -> assertThat(r.get("district_code")).isEqualTo(DISTRICT));
    for (Map<String, Object> r : rows) {
      if (member.equals(r.get("national_id"))) {
        assertThat(r.get("loan_id")).isNull(); // registered at /membership a month before
        assertThat(r.get("registered_on").toString()).isEqualTo(day(-30).toString());
      } else {
        assertThat(((Number) r.get("loan_id")).longValue()).isEqualTo(loanId);
        assertThat(r.get("registered_on").toString()).isEqualTo(day(0).toString());
      }
    }
  }

  /** Attack: a woman who is a member of another district is named as a borrower here. */
  @Test
  void aMemberOfAnotherDistrictIsRefusedByRowAndNothingIsWritten() {
    String elsewhere = newId();
    register(elsewhere, "230101", MUEANG_TRAT, day(-10));
    long loans = count("loan_project");
    long memberships = count("fund_membership");
    Map<String, Object> vars = withFirstBorrower(application(902), elsewhere);
    assertThatThrownBy(() -> start(vars))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ผู้กู้แถวที่ 1 ")
        .hasMessageContaining(
            "(" + new NationalId(elsewhere).masked() + ") ไม่ได้เป็นสมาชิกกองทุนของอำเภอแหลมงอบ")
        .hasMessageNotContaining(
            "เมืองตราด"); // where she is registered is not told to another district
    assertThat(count("loan_project")).isEqualTo(loans);
    assertThat(count("fund_membership")).isEqualTo(memberships);
  }

  /**
   * Attack (the example): a woman registered as a member after the application date is
   * slipped in as a borrower when the application is fixed. A woman not yet registered may still
   * join in the fixing step, and stays a borrower through a later fix.
   */
  @Test
  void aWomanRegisteredAfterTheApplicationDateIsRefusedWhileANewcomerJoinsInTheFix() {
    ProcessInstance pi = start(application(903));
    long loanId = loanId(pi);
    complete(
        pi,
        "officer2305",
        Roles.districtOfficers(DISTRICT),
        Map.of(
            Var.ENDORSEMENT_DATE,
            ThaiDates.formatNumeric(day(0)),
            Var.ENDORSEMENT_REFERENCE,
            "9/2569"));
    complete(
        pi,
        "committee2305",
        Roles.districtCommittee(DISTRICT),
        Map.of(
            Var.DISTRICT_DECISION,
            "RETURN",
            Var.DISTRICT_DECISION_REASON,
            "ขอเปลี่ยนผู้กู้รายแรก"));

    ClockUtil.setCurrentTime(new Date(NOW.getTime() + 3 * DAY));
    String late = newId();
    register(late, "230501", LAEM_NGOP, day(3));
    Map<String, Object> current =
        engine.getRuntimeService().getVariables(pi.getId(), Var.APPLICATION_FIELDS);
    Map<String, Object> withLate = withFirstBorrower(current, late);
    assertThatThrownBy(
            () -> complete(pi, "officer2305", Roles.districtOfficers(DISTRICT), withLate))
        .isInstanceOf(RefusedInputException.class)
        .hasMessageContaining("ผู้กู้แถวที่ 1 ")
        .hasMessageContaining(
            "("
                + new NationalId(late).masked()
                + ") ลงทะเบียนเป็นสมาชิกกองทุนเมื่อ "
                + ThaiDates.format(day(3))
                + " หลังวันยื่นคำขอกู้ ("
                + ThaiDates.format(day(0))
                + ")");
    BpmnAwareTests.assertThat(pi).isWaitingAt(LoanApplicationProcess.Element.FIX_APPLICATION);

    String newcomer = newId();
    complete(
        pi, "officer2305", Roles.districtOfficers(DISTRICT), withFirstBorrower(current, newcomer));
    BpmnAwareTests.assertThat(pi).isWaitingAt(LoanApplicationProcess.Element.DISTRICT_SCREENING);
    assertThat(
            jdbc.sql(
                    "select f.loan_id from fund_membership f join member m on m.id = f.member_id"
                        + " where m.national_id = ?")
                .param(newcomer)
                .query(Long.class)
                .single())
        .isEqualTo(loanId);

    // a second return and fix, later still: she joined with this application, so she stays
    complete(
        pi,
        "committee2305",
        Roles.districtCommittee(DISTRICT),
        Map.of(Var.DISTRICT_DECISION, "RETURN", Var.DISTRICT_DECISION_REASON, "ขอแผนการตลาด"));
    ClockUtil.setCurrentTime(new Date(NOW.getTime() + 5 * DAY));
    Map<String, Object> again =
        new HashMap<>(engine.getRuntimeService().getVariables(pi.getId(), Var.APPLICATION_FIELDS));
    again.put(Var.PURPOSE, again.get(Var.PURPOSE) + " พร้อมแผนการตลาด");
    complete(pi, "officer2305", Roles.districtOfficers(DISTRICT), again);
    BpmnAwareTests.assertThat(pi).isWaitingAt(LoanApplicationProcess.Element.DISTRICT_SCREENING);
  }
}
