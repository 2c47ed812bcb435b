package th.go.cdd.womenfund.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.membership.MembershipService.IndividualInput;
import th.go.cdd.womenfund.membership.MembershipService.OrganisationInput;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Registration of members against the membership-eligibility table, no second registration,
 * progress per district.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
// each test rolls back (the service joins the test's transaction; no job, no commit needed): its
// members and
// targets never reach the shared database, so a second run on the same PostgreSQL finds no "already
// a member"
@Transactional
class MembershipServiceTest {

  static final LocalDate TODAY = LocalDate.of(2021, 8, 13); // fiscal year 2564
  static final Actor KHAO_SAMING =
      new Actor("officer2303", List.of(Roles.districtOfficers("2303")));
  static int seq = 7000;

  @Autowired MembershipService service;
  @Autowired JdbcClient jdbc;

  static String id() {
    String first12 = String.format("1%011d", 555_000_000L + seq++);
    return first12 + NationalId.checkDigit(first12);
  }

  static IndividualInput woman(String id, String birth, String since) {
    return new IndividualInput(id, "นางสาวทดสอบ สมัครสมาชิก", birth, since, "230301", true, true);
  }

  @Test
  void aThaiWomanOf15With6MonthsInTheAreaIsRegisteredInFiscalYear2564() {
    MembershipService.Registered r =
        service.registerIndividual(woman(id(), "13/08/2549", "13/02/2564"), KHAO_SAMING, TODAY);
    assertThat(r.fiscalYear()).isEqualTo(new ThaiFiscalYear(2564));
    assertThat(r.checks()).hasSize(4).allMatch(c -> c.passed());
    assertThat(
            jdbc.sql("select district_code from fund_membership where member_id = ?")
                .param(r.memberId())
                .query(String.class)
                .single())
        .isEqualTo("2303");
  }

  @Test
  void everyUnmetCriterionOfTheTableIsReportedAndNothingIsWritten() {
    int before = jdbc.sql("select count(*) from fund_membership").query(Integer.class).single();
    IndividualInput in =
        new IndividualInput(
            id(), "นายทดสอบ ไม่ผ่าน", "14/08/2549", "14/02/2564", "230301", false, false);
    assertThatThrownBy(() -> service.registerIndividual(in, KHAO_SAMING, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("อายุ 15 ปีขึ้นไป")
        .hasMessageContaining("6 เดือน")
        .hasMessageContaining("สัญชาติไทย")
        .hasMessageContaining("ต้องเป็นสตรี");
    assertThat(jdbc.sql("select count(*) from fund_membership").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void badInputIsReportedAllAtOnce() {
    IndividualInput in =
        new IndividualInput("1234567890123", "", "31/02/2530", "01/01/2021", "999999", true, true);
    assertThatThrownBy(() -> service.registerIndividual(in, KHAO_SAMING, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("หลักตรวจสอบ")
        .hasMessageContaining("ชื่อ-สกุล")
        .hasMessageContaining("ไม่มีวันที่นี้")
        .hasMessageContaining("พุทธศักราช")
        .hasMessageContaining("ไม่พบตำบลรหัส 999999");
  }

  @Test
  void nobodyIsRegisteredTwiceNotEvenFromAnotherDistrict() {
    String id = id();
    service.registerIndividual(woman(id, "01/01/2530", "01/01/2560"), KHAO_SAMING, TODAY);
    Actor boRai = new Actor("officer2304", List.of(Roles.districtOfficers("2304")));
    IndividualInput again =
        new IndividualInput(
            id, "นางสาวทดสอบ สมัครซ้ำ", "01/01/2530", "01/01/2560", "230401", true, true);
    // another district learns only that she is a member: not where, not when (issue 11)
    assertThatThrownBy(() -> service.registerIndividual(again, boRai, TODAY.plusDays(3)))
        .hasMessageContaining("เป็นสมาชิกกองทุนอยู่แล้ว")
        .hasMessageNotContaining("2564")
        .hasMessageNotContaining("เขาสมิง")
        .hasMessageNotContaining("ลงทะเบียนเมื่อ")
        .hasMessageNotContaining(id);
    // her own district is told when it registered her
    IndividualInput sameDistrict =
        new IndividualInput(
            id, "นางสาวทดสอบ สมัครซ้ำ", "01/01/2530", "01/01/2560", "230301", true, true);
    assertThatThrownBy(
            () -> service.registerIndividual(sameDistrict, KHAO_SAMING, TODAY.plusDays(3)))
        .hasMessageContaining("เป็นสมาชิกกองทุนอยู่แล้ว")
        .hasMessageContaining("13 สิงหาคม 2564")
        .hasMessageContaining("เขาสมิง")
        .hasMessageNotContaining(id);
  }

  @Test
  void anOfficerRegistersOnlyInHerOwnDistrict() {
    IndividualInput elsewhere =
        new IndividualInput(
            id(), "นางทดสอบ ต่างอำเภอ", "01/01/2530", "01/01/2560", "230401", true, true);
    assertThatThrownBy(() -> service.registerIndividual(elsewhere, KHAO_SAMING, TODAY))
        .hasMessageContaining("เฉพาะในอำเภอที่ท่านรับผิดชอบ");
  }

  @Test
  void organisationsAreRegisteredOncePerSubDistrict() {
    OrganisationInput org =
        new OrganisationInput(
            "กลุ่มสตรีทดสอบ  บ้านเนิน " + seq++, "230301", "นางสมศรี ใจดี", "0812345678", "25");
    assertThat(service.registerOrganisation(org, KHAO_SAMING, TODAY).buddhistYear())
        .isEqualTo(2564);
    assertThatThrownBy(() -> service.registerOrganisation(org, KHAO_SAMING, TODAY))
        .hasMessageContaining("ลงทะเบียนไว้แล้ว");
    OrganisationInput bad = new OrganisationInput(" ", "230301", "", "abc", "0");
    assertThatThrownBy(() -> service.registerOrganisation(bad, KHAO_SAMING, TODAY))
        .hasMessageContaining("ชื่อองค์กร")
        .hasMessageContaining("ผู้ประสานงาน")
        .hasMessageContaining("โทรศัพท์")
        .hasMessageContaining("จำนวนสมาชิก");
  }

  @Test
  void progressPerDistrictCountsTheFiscalYearAgainstTrat1900Target() {
    MembershipService.Progress before = service.progress("23", new ThaiFiscalYear(2564));
    assertThat(before.target()).isEqualTo(1900);
    int khaoSaming =
        before.districts().stream()
            .filter(d -> d.districtCode().equals("2303"))
            .findFirst()
            .orElseThrow()
            .individuals();
    service.registerIndividual(woman(id(), "01/01/2530", "01/01/2560"), KHAO_SAMING, TODAY);
    // 30 September 2564 is still fiscal year 2564; 1 October 2564 is already 2565
    service.registerIndividual(
        woman(id(), "01/01/2530", "01/01/2560"), KHAO_SAMING, LocalDate.of(2021, 9, 30));
    service.registerIndividual(
        woman(id(), "01/01/2530", "01/01/2560"), KHAO_SAMING, LocalDate.of(2021, 10, 1));
    MembershipService.Progress after = service.progress("23", new ThaiFiscalYear(2564));
    assertThat(after.districts()).hasSize(7);
    assertThat(
            after.districts().stream()
                .filter(d -> d.districtCode().equals("2303"))
                .findFirst()
                .orElseThrow()
                .individuals())
        .isEqualTo(khaoSaming + 2);
    assertThat(after.individuals()).isEqualTo(before.individuals() + 2);
    assertThat(service.progress("23", new ThaiFiscalYear(2565)).individuals())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theProvincesOfficersSetTheTargetOthersMayNot() {
    Actor province = new Actor("provofficer23", List.of(Roles.provinceOfficers("23")));
    service.setTarget("23", "2570", "2,000", province);
    assertThat(service.progress("23", new ThaiFiscalYear(2570)).target()).isEqualTo(2000);
    assertThatThrownBy(() -> service.setTarget("23", "2013", "abc", KHAO_SAMING))
        .hasMessageContaining("เจ้าหน้าที่พัฒนาชุมชนจังหวัด")
        .hasMessageContaining("พุทธศักราช")
        .hasMessageContaining("เป้าหมาย");
    // the Department sets the targets (issue 13: it was refused)
    service.setTarget("23", "2571", "1,950", new Actor("department", List.of(Roles.DEPARTMENT)));
    assertThat(service.progress("23", new ThaiFiscalYear(2571)).target()).isEqualTo(1950);
  }
}
