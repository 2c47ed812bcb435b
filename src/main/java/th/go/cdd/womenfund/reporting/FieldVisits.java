package th.go.cdd.womenfund.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Field follow-up visits (seed item 4.4: the secretariat goes with the district sub-committee and the
 * sub-district working group to learn members' problems). No visits are recorded in this tree yet: the
 * default has none, and the dashboard and briefing show the section once an implementation returns some.
 */
public interface FieldVisits {

  record Visit(String districtCode, LocalDate visitedOn, String team, String findings) {}

  List<Visit> between(String provinceCode, LocalDate from, LocalDate to);
}
