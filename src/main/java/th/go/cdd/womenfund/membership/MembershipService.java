package th.go.cdd.womenfund.membership;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.EligibilityCheck;
import th.go.cdd.womenfund.member.Member;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Registration of fund members (seed item 3) and the recruitment targets. An officer registers
 * people of her own district; everything is checked (national ID, dates, eligibility table, no
 * second registration) and every problem reported at once, before anything is written.
 */
@Service
public class MembershipService {

  private final MembershipRepository repo;
  private final MemberRepository members;
  private final AreaRepository areas;
  private final MembershipRules rules;

  public MembershipService(
      MembershipRepository repo,
      MemberRepository members,
      AreaRepository areas,
      MembershipRules rules) {
    this.repo = repo;
    this.members = members;
    this.areas = areas;
    this.rules = rules;
  }

  /** What the officer keyed for one woman (texts as typed; booleans from the form's checkboxes). */
  public record IndividualInput(
      String nationalId,
      String fullName,
      String birthDate,
      String residentSince,
      String subDistrictCode,
      Boolean thaiNationality,
      Boolean female) {}

  public record OrganisationInput(
      String name,
      String subDistrictCode,
      String contactName,
      String contactPhone,
      String memberCount) {}

  public record Registered(
      long memberId, String fullName, ThaiFiscalYear fiscalYear, List<EligibilityCheck> checks) {}

  /** One district's recruitment in a fiscal year. */
  public record DistrictProgress(
      String districtCode, String districtName, int individuals, int organisations) {}

  /**
   * A province's recruitment in a fiscal year against the Department's target (null when none was
   * set).
   */
  public record Progress(
      String provinceCode,
      ThaiFiscalYear fiscalYear,
      Integer target,
      List<DistrictProgress> districts) {

    public int individuals() {
      return districts.stream().mapToInt(DistrictProgress::individuals).sum();
    }

    public int organisations() {
      return districts.stream().mapToInt(DistrictProgress::organisations).sum();
    }

    /** Percent of the target reached, one decimal; null without a target. */
    public BigDecimal percentOfTarget() {
      if (target == null || target == 0) {
        return null;
      }
      return BigDecimal.valueOf(individuals() * 100L)
          .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
    }
  }

  @Transactional
  public Registered registerIndividual(IndividualInput in, Actor actor, LocalDate today) {
    List<String> problems = new ArrayList<>();
    NationalId id = collect(problems, () -> NationalId.parse(in.nationalId()));
    String name = in.fullName() == null ? "" : in.fullName().strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      problems.add("กรุณากรอกชื่อ-สกุลของผู้สมัคร");
    } else if (name.length() > 200) {
      problems.add("ชื่อ-สกุลยาวเกิน 200 ตัวอักษร");
    }
    LocalDate birth = collect(problems, () -> ThaiDates.parseBuddhist(in.birthDate(), "วันเกิด"));
    LocalDate since =
        collect(
            problems,
            () -> ThaiDates.parseBuddhist(in.residentSince(), "วันที่เริ่มอาศัยในพื้นที่"));
    if (birth != null && birth.isAfter(today)) {
      problems.add("วันเกิด " + ThaiDates.formatNumeric(birth) + " เป็นวันในอนาคต");
      birth = null;
    }
    if (since != null && since.isAfter(today)) {
      problems.add(
          "วันที่เริ่มอาศัยในพื้นที่ " + ThaiDates.formatNumeric(since) + " เป็นวันในอนาคต");
      since = null;
    }
    SubDistrict sub = subDistrict(problems, in.subDistrictCode(), actor);
    if (in.thaiNationality() == null) {
      problems.add("กรุณาระบุว่าผู้สมัครมีสัญชาติไทยหรือไม่");
    }
    if (in.female() == null) {
      problems.add("กรุณาระบุว่าผู้สมัครเป็นสตรีหรือไม่");
    }
    List<EligibilityCheck> checks = List.of();
    if (birth != null && since != null && in.thaiNationality() != null && in.female() != null) {
      checks =
          rules.evaluate(
              Period.between(birth, today).getYears(),
              (int) Period.between(since, today).toTotalMonths(),
              in.thaiNationality(),
              in.female());
      checks.stream()
          .filter(c -> !c.passed())
          .map(c -> "ไม่ผ่านเกณฑ์: " + c.message())
          .forEach(problems::add);
    }
    Optional<Member> existing = id == null ? Optional.empty() : members.findByNationalId(id);
    if (existing.isPresent()) {
      // where and when she registered is told only within the district that registered her:
      // elsewhere it would
      // tell another office where a woman lives (issue 11)
      repo.registrationOf(existing.get().id())
          .ifPresent(
              r ->
                  problems.add(
                      "ผู้สมัครเลขประจำตัวประชาชน "
                          + id.masked()
                          + " เป็นสมาชิกกองทุนอยู่แล้ว"
                          + (actor.mayRegisterFor(r.districtCode())
                              ? " (ลงทะเบียนเมื่อ "
                                  + ThaiDates.format(r.registeredOn())
                                  + " อำเภอ"
                                  + areas
                                      .district(r.districtCode())
                                      .map(District::nameTh)
                                      .orElse(r.districtCode())
                                  + ")"
                              : "")
                          + ": ไม่ต้องสมัครซ้ำ"));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    long memberId =
        members.save(
            new Member(existing.map(Member::id).orElse(null), id, name, birth, since, sub.code()));
    ThaiFiscalYear fy = ThaiFiscalYear.of(today);
    repo.insertMembership(
        memberId,
        sub.districtCode(),
        sub.provinceCode(),
        today,
        fy.buddhistYear(),
        actor.userId(),
        null);
    return new Registered(memberId, name, fy, checks);
  }

  @Transactional
  public ThaiFiscalYear registerOrganisation(OrganisationInput in, Actor actor, LocalDate today) {
    List<String> problems = new ArrayList<>();
    String name = in.name() == null ? "" : in.name().strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      problems.add("กรุณากรอกชื่อองค์กรสตรี");
    } else if (name.length() > 300) {
      problems.add("ชื่อองค์กรยาวเกิน 300 ตัวอักษร");
    }
    String contact = in.contactName() == null ? "" : in.contactName().strip();
    if (contact.isEmpty()) {
      problems.add("กรุณากรอกชื่อผู้ประสานงานขององค์กร");
    }
    String phone = in.contactPhone() == null ? "" : in.contactPhone().strip();
    if (!phone.isEmpty() && !phone.matches("[0-9 -]{9,15}")) {
      problems.add(
          "หมายเลขโทรศัพท์ \"" + phone + "\" ไม่ถูกต้อง: กรอกเป็นตัวเลข 9-10 หลัก เช่น 0812345678");
    }
    Integer count = null;
    String countText = in.memberCount() == null ? "" : in.memberCount().strip();
    if (!countText.matches("\\d{1,5}") || Integer.parseInt(countText) < 1) {
      problems.add(
          "จำนวนสมาชิกขององค์กร \""
              + countText
              + "\" ไม่ถูกต้อง: กรอกเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป");
    } else {
      count = Integer.parseInt(countText);
    }
    SubDistrict sub = subDistrict(problems, in.subDistrictCode(), actor);
    String key = name.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    if (sub != null && !name.isEmpty() && repo.organisationExists(sub.code(), key)) {
      problems.add(
          "องค์กร \"" + name + "\" ของตำบล" + sub.nameTh() + " ลงทะเบียนไว้แล้ว: ไม่ต้องสมัครซ้ำ");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    ThaiFiscalYear fy = ThaiFiscalYear.of(today);
    repo.insertOrganisation(
        name,
        key,
        sub.code(),
        sub.districtCode(),
        sub.provinceCode(),
        contact,
        phone.isEmpty() ? null : phone,
        count,
        today,
        fy.buddhistYear(),
        actor.userId());
    return fy;
  }

  /**
   * The Department's target for a province and year, set by the Department or keyed by the
   * province's officers.
   */
  @Transactional
  public void setTarget(
      String provinceCode, String fiscalYearText, String targetText, Actor actor) {
    List<String> problems = new ArrayList<>();
    if (areas.province(provinceCode == null ? "" : provinceCode).isEmpty()) {
      problems.add("ไม่พบจังหวัดรหัส \"" + provinceCode + "\"");
    } else if (!actor.maySetTargetOf(provinceCode)) {
      problems.add(
          "เฉพาะกรมการพัฒนาชุมชนหรือเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้นที่บันทึกเป้าหมายของจังหวัดได้");
    }
    ThaiFiscalYear fy =
        collect(problems, () -> ThaiFiscalYear.parse(fiscalYearText, "ปีงบประมาณ (พ.ศ.)"));
    String t = targetText == null ? "" : targetText.strip().replace(",", "");
    if (!t.matches("\\d{1,7}")) {
      problems.add(
          "เป้าหมาย \""
              + (targetText == null ? "" : targetText.strip())
              + "\" ไม่ถูกต้อง: กรอกเป็นจำนวนคน เช่น 1900");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.setTarget(
        provinceCode,
        fy.buddhistYear(),
        MemberType.INDIVIDUAL,
        Integer.parseInt(t),
        actor.userId());
  }

  public Progress progress(String provinceCode, ThaiFiscalYear fy) {
    Map<String, Integer> individuals = repo.individualsByDistrict(provinceCode, fy.buddhistYear());
    Map<String, Integer> organisations =
        repo.organisationsByDistrict(provinceCode, fy.buddhistYear());
    List<DistrictProgress> rows =
        areas.districtsOf(provinceCode).stream()
            .map(
                d ->
                    new DistrictProgress(
                        d.code(),
                        d.nameTh(),
                        individuals.getOrDefault(d.code(), 0),
                        organisations.getOrDefault(d.code(), 0)))
            .toList();
    return new Progress(
        provinceCode,
        fy,
        repo.target(provinceCode, fy.buddhistYear(), MemberType.INDIVIDUAL).orElse(null),
        rows);
  }

  public List<MembershipRepository.Listed> latest(String districtCode) {
    return repo.latest(districtCode, 20);
  }

  private SubDistrict subDistrict(List<String> problems, String code, Actor actor) {
    String c = code == null ? "" : code.strip();
    if (!c.matches("\\d{6}")) {
      problems.add("กรุณาเลือกตำบลที่ผู้สมัครอาศัยอยู่ (รหัสตำบล 6 หลัก)");
      return null;
    }
    Optional<SubDistrict> sub = areas.subDistrict(c);
    if (sub.isEmpty()) {
      problems.add("ไม่พบตำบลรหัส " + c);
      return null;
    }
    if (!actor.mayRegisterFor(sub.get().districtCode())) {
      problems.add(
          "ท่านลงทะเบียนสมาชิกได้เฉพาะในอำเภอที่ท่านรับผิดชอบ (ตำบล"
              + sub.get().nameTh()
              + " อยู่นอกอำเภอของท่าน)");
      return null;
    }
    return sub.get();
  }
}
