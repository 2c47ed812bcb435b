package th.go.cdd.womenfund.member;

import java.time.LocalDate;
import java.time.Period;

/** สมาชิกประเภทบุคคลธรรมดา: a woman member of the fund. */
public record Member(
    Long id,
    NationalId nationalId,
    String fullName,
    LocalDate birthDate,
    LocalDate residentSince,
    String subDistrictCode) {

  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  public int monthsResidentOn(LocalDate day) {
    return (int) Period.between(residentSince, day).toTotalMonths();
  }
}
