package th.go.cdd.womenfund.reporting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.meeting.AgendaSource;
import th.go.cdd.womenfund.system.EngineClock;

/** The agenda of a meeting is the briefing's items for that day (the meeting page offers them). */
@Component
public class BriefingAgenda implements AgendaSource {

  private final BriefingService briefings;

  public BriefingAgenda(BriefingService briefings) {
    this.briefings = briefings;
  }

  @Override
  public List<AgendaItem> items(String provinceCode, LocalDate meetingDate) {
    return briefings.briefing(provinceCode, meetingDate, EngineClock.today()).items().stream()
        .map(i -> new AgendaItem(i.number(), i.title()))
        .toList();
  }
}
