package th.go.cdd.womenfund.membership;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.BorrowerMembership;
import th.go.cdd.womenfund.loan.EligibilityCheck;
import th.go.cdd.womenfund.loan.LoanApplication;
import th.go.cdd.womenfund.loan.LoanApplication.Borrower;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.membership.MembershipRepository.Person;
import th.go.cdd.womenfund.membership.MembershipRepository.Registration;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * Each borrower must be a member of the fund in the application's district on its application date,
 * or become one in the same step under the member rules ({@code membership-eligibility}). Where and
 * when a woman registered elsewhere is not told to another district (issue 11): only that she is
 * not a member of this one.
 */
@Component
public class LoanBorrowerMembership implements BorrowerMembership {

  private final MembershipRepository repo;
  private final MembershipRules rules;
  private final AreaRepository areas;
  private final MemberRepository members;

  public LoanBorrowerMembership(
      MembershipRepository repo,
      MembershipRules rules,
      AreaRepository areas,
      MemberRepository members) {
    this.repo = repo;
    this.rules = rules;
    this.areas = areas;
    this.members = members;
  }

  @Override
  public Map<String, RegisteredMember> membersIn(String districtCode, List<String> nationalIds) {
    Map<String, RegisteredMember> found = new LinkedHashMap<>();
    repo.persons(nationalIds.stream().distinct().toList())
        .forEach(
            (id, person) -> {
              if (person.registration() != null
                  && districtCode.equals(person.registration().districtCode())) {
                members
                    .findByNationalId(new NationalId(id))
                    .ifPresent(
                        m ->
                            found.put(
                                id,
                                new RegisteredMember(
                                    m.fullName(), m.birthDate(), m.residentSince())));
              }
            });
    return found;
  }

  @Override
  public List<String> problems(
      LoanApplication app, Long loanId, LocalDate appliedOn, LocalDate today) {
    SubDistrict s = app.subDistrict();
    String district =
        areas.district(s.districtCode()).map(District::nameTh).orElse(s.districtCode());
    List<String> problems = new ArrayList<>();
    Map<String, Person> persons = persons(app);
    int row = 0;
    for (Borrower b : app.borrowers()) {
      row++;
      String who =
          "ผู้กู้แถวที่ " + row + " " + b.fullName() + " (" + b.nationalId().masked() + ")";
      Optional<Registration> registration =
          Optional.ofNullable(persons.get(b.nationalId().value())).map(Person::registration);
      if (registration.isEmpty()) {
        // not a member yet: she may join in this step, under the member rules
        List<String> failed =
            rules
                .evaluate(
                    Period.between(b.birthDate(), today).getYears(),
                    (int) Period.between(b.residentSince(), today).toTotalMonths(),
                    app.allBorrowersThaiWomen(),
                    app.allBorrowersThaiWomen())
                .stream()
                .filter(c -> !c.passed())
                .map(EligibilityCheck::message)
                .toList();
        if (!failed.isEmpty()) {
          problems.add(
              who
                  + " ยังไม่เป็นสมาชิกกองทุนและสมัครเป็นสมาชิกไม่ได้: "
                  + String.join(", ", failed));
        }
        continue;
      }
      Registration r = registration.get();
      if (!r.districtCode().equals(s.districtCode())) {
        problems.add(
            who
                + " ไม่ได้เป็นสมาชิกกองทุนของอำเภอ"
                + district
                + ": ลงทะเบียนเป็นสมาชิกไว้ที่อำเภออื่น ผู้กู้ต้องเป็นสมาชิกในอำเภอที่กลุ่มยื่นคำขอ");
      } else if (r.registeredOn().isAfter(appliedOn)
          && (loanId == null || !loanId.equals(r.loanId()))) {
        problems.add(
            who
                + " ลงทะเบียนเป็นสมาชิกกองทุนเมื่อ "
                + ThaiDates.format(r.registeredOn())
                + " หลังวันยื่นคำขอกู้ ("
                + ThaiDates.format(appliedOn)
                + "): ผู้กู้ต้องเป็นสมาชิกในวันยื่นคำขอกู้");
      }
    }
    return problems;
  }

  @Override
  public void registerNew(LoanApplication app, long loanId, String registeredBy, LocalDate today) {
    SubDistrict s = app.subDistrict();
    int fiscalYear = ThaiFiscalYear.of(today).buddhistYear();
    for (Person p : persons(app).values()) {
      if (p.registration() == null) {
        repo.insertMembership(
            p.memberId(),
            s.districtCode(),
            s.provinceCode(),
            today,
            fiscalYear,
            registeredBy,
            loanId);
      }
    }
  }

  private Map<String, Person> persons(LoanApplication app) {
    return repo.persons(
        app.borrowers().stream().map(b -> b.nationalId().value()).distinct().toList());
  }
}
