package th.go.cdd.womenfund.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * The agenda items of a province's meeting on a day: the briefing's items, which reporting writes
 * (reporting implements this; meeting cannot use reporting, which lists the resolutions in the next
 * briefing).
 */
public interface AgendaSource {

  /** One agenda item, "4.3" and its title. */
  record AgendaItem(String number, String title) {

    public String label() {
      return number + " " + title;
    }
  }

  List<AgendaItem> items(String provinceCode, LocalDate meetingDate);
}
