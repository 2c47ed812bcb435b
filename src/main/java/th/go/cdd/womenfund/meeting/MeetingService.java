package th.go.cdd.womenfund.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The provincial working group's meetings: the province's officers record a meeting (number/year,
 * date, attendees, agenda from the briefing) with its resolutions; each resolution starts its own
 * {@code meeting-resolution} follow-up, as the system (nobody holds the right to start it). The
 * next briefing reads the last meeting's resolutions through {@link #lastMeeting}.
 */
@Service
public class MeetingService {

  /**
   * The owner value of a resolution kept by the province's officers (otherwise a district code).
   */
  public static final String PROVINCE_OWNER = "PROVINCE";

  private static final Pattern NUMBER = Pattern.compile("(\\d{1,3})/(\\d{4})");

  /** What the page sent, as typed; resolution rows left wholly blank are ignored. */
  public record MeetingInput(
      String number,
      String heldOn,
      String attendees,
      List<String> agenda,
      List<ResolutionInput> resolutions) {}

  public record ResolutionInput(String agendaItem, String text, String owner, String dueOn) {

    boolean blank() {
      return isBlank(agendaItem) && isBlank(text) && isBlank(owner) && isBlank(dueOn);
    }
  }

  /** A meeting with its resolutions, as a page or the briefing shows it. */
  public record MeetingRecord(
      MeetingRepository.Meeting meeting, List<MeetingRepository.Resolution> resolutions) {}

  private final MeetingRepository repo;
  private final AreaRepository areas;

  /**
   * Looked up when used: reporting's briefing, which reads this service's resolutions, implements
   * it.
   */
  private final ObjectProvider<AgendaSource> agendaSource;

  private final RuntimeService runtime;
  private final IdentityService identity;

  public MeetingService(
      MeetingRepository repo,
      AreaRepository areas,
      ObjectProvider<AgendaSource> agendaSource,
      RuntimeService runtime,
      IdentityService identity) {
    this.repo = repo;
    this.areas = areas;
    this.agendaSource = agendaSource;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Only the province's officers (or an administrator) record its meetings. */
  public static boolean mayRecord(Actor actor, String provinceCode) {
    return actor.isAdmin() || actor.groups().contains(Roles.provinceOfficers(provinceCode));
  }

  public List<AgendaSource.AgendaItem> agenda(String provinceCode, LocalDate day) {
    return agendaSource.getObject().items(provinceCode, day);
  }

  /** Owner value → who it is, in Thai: the province's officers first, then each district's. */
  public Map<String, String> owners(String provinceCode) {
    Map<String, String> owners = new LinkedHashMap<>();
    owners.put(
        PROVINCE_OWNER,
        "เจ้าหน้าที่พัฒนาชุมชนจังหวัด" + areas.province(provinceCode).orElseThrow().nameTh());
    for (District d : areas.districtsOf(provinceCode)) {
      owners.put(d.code(), "เจ้าหน้าที่พัฒนาชุมชนอำเภอ" + d.nameTh());
    }
    return owners;
  }

  /** Who keeps a resolution, in Thai. */
  public String ownerName(MeetingRepository.Resolution r) {
    return owners(r.provinceCode())
        .getOrDefault(
            r.ownerDistrictCode() == null ? PROVINCE_OWNER : r.ownerDistrictCode(),
            r.ownerDistrictCode());
  }

  /** Records the meeting and its resolutions and starts each one's follow-up; all or nothing. */
  @Transactional
  public MeetingRecord record(String provinceCode, MeetingInput in, Actor actor) {
    if (!mayRecord(actor, provinceCode)) {
      throw new NotYourAreaException(
          "เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้นที่บันทึกการประชุมของจังหวัดนี้ได้");
    }
    List<String> problems = new ArrayList<>();
    int[] number = ThaiValidationException.collect(problems, () -> number(in.number()));
    LocalDate heldOn =
        ThaiValidationException.collect(
            problems, () -> ThaiDates.parseBuddhist(in.heldOn(), "วันที่ประชุม"));
    String attendees =
        ThaiValidationException.collect(
            problems, () -> text(in.attendees(), "ผู้เข้าร่วมประชุม", 4000));
    List<AgendaSource.AgendaItem> items =
        agenda(provinceCode, heldOn == null ? EngineClock.today() : heldOn);
    List<String> known = items.stream().map(AgendaSource.AgendaItem::number).toList();
    List<String> agenda =
        in.agenda() == null
            ? List.of()
            : in.agenda().stream().filter(a -> !isBlank(a)).map(String::strip).distinct().toList();
    if (agenda.isEmpty()) {
      problems.add("กรุณาเลือกระเบียบวาระการประชุมอย่างน้อย 1 วาระ");
    }
    agenda.stream()
        .filter(a -> !known.contains(a))
        .findFirst()
        .ifPresent(
            a -> problems.add("ระเบียบวาระ \"" + shorten(a) + "\" ไม่มีในเอกสารประกอบการประชุม"));
    if (number != null && repo.exists(provinceCode, number[0], number[1])) {
      problems.add(
          "การประชุมครั้งที่ " + number[0] + "/" + number[1] + " ของจังหวัดนี้บันทึกไว้แล้ว");
    }
    Map<String, String> owners = owners(provinceCode);
    List<ResolutionInput> rows =
        in.resolutions() == null
            ? List.of()
            : in.resolutions().stream().filter(r -> !r.blank()).toList();
    if (rows.isEmpty()) {
      problems.add("กรุณาบันทึกมติหรือข้อสั่งการอย่างน้อย 1 รายการ");
    }
    record Checked(String agendaItem, String text, String owner, LocalDate dueOn) {}
    List<Checked> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ResolutionInput r = rows.get(i);
      String label = "มติที่ " + (i + 1) + ": ";
      List<String> rowProblems = new ArrayList<>();
      String item = isBlank(r.agendaItem()) ? null : r.agendaItem().strip();
      if (item == null) {
        rowProblems.add(label + "กรุณาเลือกระเบียบวาระ");
      } else if (!agenda.contains(item)) {
        rowProblems.add(
            label + "ระเบียบวาระ \"" + shorten(item) + "\" ไม่อยู่ในวาระที่เลือกของการประชุมนี้");
      }
      String text =
          ThaiValidationException.collect(
              rowProblems, () -> text(r.text(), "มติหรือข้อสั่งการ", 2000));
      String owner = isBlank(r.owner()) ? null : r.owner().strip();
      if (owner == null) {
        rowProblems.add(label + "กรุณาเลือกผู้รับผิดชอบ");
      } else if (!owners.containsKey(owner)) {
        rowProblems.add(
            label + "ผู้รับผิดชอบที่เลือกไม่ใช่เจ้าหน้าที่ของจังหวัดนี้หรืออำเภอในจังหวัดนี้");
      }
      LocalDate due =
          ThaiValidationException.collect(
              rowProblems, () -> ThaiDates.parseBuddhist(r.dueOn(), "วันที่กำหนดเสร็จ"));
      if (due != null && heldOn != null && due.isBefore(heldOn)) {
        rowProblems.add(label + "วันที่กำหนดเสร็จต้องไม่ก่อนวันที่ประชุม");
      }
      rowProblems.replaceAll(p -> p.startsWith(label) ? p : label + p);
      problems.addAll(rowProblems);
      checked.add(new Checked(item, text, owner, due));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    String agendaText =
        String.join(
            "\n",
            items.stream()
                .filter(a -> agenda.contains(a.number()))
                .map(AgendaSource.AgendaItem::label)
                .toList());
    long meetingId;
    try {
      meetingId =
          repo.insertMeeting(
              provinceCode, number[0], number[1], heldOn, attendees, agendaText, actor.userId());
    } catch (DuplicateKeyException e) {
      // another officer recorded the same number a moment ago: the whole record rolls back
      throw new ThaiValidationException(
          "การประชุมครั้งที่ " + number[0] + "/" + number[1] + " ของจังหวัดนี้บันทึกไว้แล้ว");
    }
    for (Checked c : checked) {
      long id =
          repo.insertResolution(
              meetingId,
              c.agendaItem(),
              c.text(),
              PROVINCE_OWNER.equals(c.owner()) ? null : c.owner(),
              provinceCode,
              c.dueOn());
      startFollowUp(id);
    }
    return new MeetingRecord(repo.meeting(meetingId).orElseThrow(), repo.resolutions(meetingId));
  }

  /** The province's meetings with their resolutions, newest first. */
  public List<MeetingRecord> meetings(String provinceCode, int limit) {
    return repo.meetings(provinceCode, limit).stream()
        .map(m -> new MeetingRecord(m, repo.resolutions(m.id())))
        .toList();
  }

  /** The province's last meeting before {@code day}, for the next briefing. */
  public Optional<MeetingRecord> lastMeeting(String provinceCode, LocalDate day) {
    return repo.lastBefore(provinceCode, day)
        .map(m -> new MeetingRecord(m, repo.resolutions(m.id())));
  }

  /**
   * Starts the resolution's follow-up as the system: the officer who records holds no right to
   * start it.
   */
  private void startFollowUp(long resolutionId) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.startProcessInstanceByKey(
          MeetingResolutionProcess.KEY,
          MeetingResolutionProcess.BUSINESS_KEY_PREFIX + resolutionId);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static int[] number(String text) {
    if (isBlank(text)) {
      throw new ThaiValidationException("กรุณากรอกครั้งที่ประชุม เช่น 9/2564");
    }
    Matcher m = NUMBER.matcher(text.strip());
    if (!m.matches()) {
      throw new ThaiValidationException(
          "ครั้งที่ประชุม \""
              + shorten(text.strip())
              + "\" ไม่ถูกรูปแบบ: กรุณากรอกเป็น ครั้งที่/ปี พ.ศ. เช่น 9/2564");
    }
    int no = Integer.parseInt(m.group(1));
    int year = Integer.parseInt(m.group(2));
    if (no < 1) {
      throw new ThaiValidationException("ครั้งที่ประชุมต้องเริ่มที่ 1");
    }
    if (year < 2400) {
      throw new ThaiValidationException(
          "ครั้งที่ประชุม \""
              + text.strip()
              + "\": ปีต้องเป็นพุทธศักราช (พ.ศ.) เช่น "
              + (year + ThaiDates.BUDDHIST_ERA_OFFSET));
    }
    return new int[] {no, year};
  }

  private static String text(String value, String label, int max) {
    if (isBlank(value)) {
      throw new ThaiValidationException("กรุณากรอก" + label);
    }
    if (value.strip().length() > max) {
      throw new ThaiValidationException(label + "ยาวเกิน " + max + " ตัวอักษร");
    }
    return value.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String shorten(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }
}
