package th.go.cdd.womenfund.overdue;

import java.time.LocalDate;
import java.util.List;

/**
 * Field follow-up visits (seed item 4.4: the secretariat goes with the district sub-committee and
 * the sub-district working group to learn members' problems), as recorded at the field-visit rung
 * of the overdue follow-up ({@link RecordedFieldVisits}); the dashboard and briefing show the
 * section once there are some.
 */
public interface FieldVisits {

  record Visit(String districtCode, LocalDate visitedOn, String team, String findings) {}

  List<Visit> between(String provinceCode, LocalDate from, LocalDate to);
}
