package th.go.cdd.womenfund.holiday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The government's public holidays, kept by the fund's administrator (or the Department) as the
 * Cabinet announces them: lunar holidays move every year and special holidays are declared at short
 * notice. A change is published as {@link HolidaysChanged} in the same transaction, so deadlines
 * counted in working days follow.
 */
@Service
public class HolidayService {

  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{N} .,()\\-/'\u2018\u2019\u201C\u201D]{1,200}");

  /**
   * Years back that may still be recorded (deadlines of old packages are counted again from them).
   */
  private static final int YEARS_BACK = 10;

  private static final int YEARS_AHEAD = 2;

  private final HolidayRepository repo;
  private final ApplicationEventPublisher events;
  private final int expectedPerYear;

  public HolidayService(
      HolidayRepository repo, ApplicationEventPublisher events, HolidaySettings settings) {
    this.repo = repo;
    this.events = events;
    this.expectedPerYear = settings.expectedPerYear();
  }

  public record Outcome(PublicHoliday holiday, List<String> effects) {}

  public List<PublicHoliday> ofYear(int year) {
    return repo.ofYear(year);
  }

  @Transactional
  public Outcome add(String dateText, String nameText, Actor actor, LocalDate today) {
    requireKeeper(actor);
    List<String> problems = new ArrayList<>();
    LocalDate date = ThaiValidationException.collect(problems, () -> inRange(dateText, today));
    String name = nameText == null ? "" : nameText.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      problems.add("กรุณากรอกชื่อวันหยุด เช่น วันมาฆบูชา");
    } else if (!NAME.matcher(name).matches()) {
      problems.add(
          "ชื่อวันหยุดยาวได้ไม่เกิน 200 ตัวอักษร และใช้ได้เฉพาะตัวอักษร ตัวเลข ช่องว่าง และ . , ( ) - /");
    }
    if (date != null) {
      repo.find(date)
          .ifPresent(
              h ->
                  problems.add(
                      "วันที่ "
                          + ThaiDates.format(date)
                          + " บันทึกไว้แล้วเป็น \""
                          + h.nameTh()
                          + "\""));
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    PublicHoliday holiday = new PublicHoliday(date, name);
    repo.add(holiday);
    return publish(new HolidaysChanged(holiday, true));
  }

  @Transactional
  public Outcome remove(String dateText, Actor actor, LocalDate today) {
    requireKeeper(actor);
    LocalDate date = inRange(dateText, today);
    PublicHoliday holiday =
        repo.find(date)
            .orElseThrow(
                () ->
                    new ThaiValidationException(
                        "ไม่มีวันหยุดวันที่ " + ThaiDates.format(date) + " ในตารางวันหยุดราชการ"));
    repo.remove(date);
    return publish(new HolidaysChanged(holiday, false));
  }

  /**
   * Thai warnings for this year and the next when fewer holidays are recorded than a year has (the
   * Cabinet announces about twenty): deadlines counted in working days would then be too early.
   */
  public List<String> gaps(LocalDate today) {
    List<String> gaps = new ArrayList<>();
    for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
      int recorded = repo.ofYear(year).size();
      if (recorded < expectedPerYear) {
        gaps.add(
            "ปี พ.ศ. "
                + (year + ThaiDates.BUDDHIST_ERA_OFFSET)
                + " บันทึกวันหยุดราชการไว้ "
                + recorded
                + " วัน (ปกติไม่น้อยกว่า "
                + expectedPerYear
                + " วัน): กรุณาเพิ่มวันหยุดตามประกาศคณะรัฐมนตรี"
                + " มิฉะนั้นกำหนดส่งที่นับเป็นวันทำการจะเร็วกว่าที่ควร");
      }
    }
    return gaps;
  }

  /** The administrator and the Department keep the table; everyone signed in may read it. */
  public static boolean mayKeep(Actor actor) {
    return actor.isAdmin() || actor.groups().contains(Roles.DEPARTMENT);
  }

  private static void requireKeeper(Actor actor) {
    if (!mayKeep(actor)) {
      throw new ThaiValidationException(
          "เฉพาะผู้ดูแลระบบและกรมการพัฒนาชุมชนเท่านั้นที่แก้ไขตารางวันหยุดราชการได้");
    }
  }

  private static LocalDate inRange(String dateText, LocalDate today) {
    LocalDate date = ThaiDates.parseBuddhist(dateText, "วันที่ของวันหยุด");
    int first = today.getYear() - YEARS_BACK;
    int last = today.getYear() + YEARS_AHEAD;
    if (date.getYear() < first || date.getYear() > last) {
      throw new ThaiValidationException(
          "วันหยุดต้องอยู่ในปี พ.ศ. "
              + (first + ThaiDates.BUDDHIST_ERA_OFFSET)
              + " ถึง "
              + (last + ThaiDates.BUDDHIST_ERA_OFFSET)
              + " (กรอก "
              + dateText.strip()
              + ")");
    }
    return date;
  }

  private Outcome publish(HolidaysChanged change) {
    events.publishEvent(change);
    return new Outcome(change.holiday(), change.effects());
  }
}
