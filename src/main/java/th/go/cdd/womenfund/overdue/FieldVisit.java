package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;

/**
 * Seed 4.4: a field follow-up visit by the district screening and follow-up sub-committee with the
 * sub-district working group and provincial secretariat staff: who went, what they found, the plan
 * agreed.
 */
public record FieldVisit(
    LocalDate visitDate,
    String districtCommittee,
    String subdistrictGroup,
    String provinceSecretariat,
    String findings,
    String agreedPlan,
    LocalDate planDueDate,
    String photosLink) {}
