package th.go.cdd.womenfund.reporting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.go.cdd.womenfund.reporting.PortfolioRepository.TrendPoint;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentActor;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.MistypedParameterException;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Portfolio quality as JSON for the dashboard ({@code /api/portfolio}, HTTP Basic). Everyone signed
 * in sees the national figure; a district's groups see their district and province; a province's
 * groups see the province and its districts; an admin sees all.
 */
@RestController
@RequestMapping("/api/portfolio")
public class PortfolioApi {

  private final PortfolioQuality quality;
  private final CurrentActor currentActor;

  public PortfolioApi(PortfolioQuality quality, CurrentActor currentActor) {
    this.quality = quality;
    this.currentActor = currentActor;
  }

  /** An area's figures as {@link AreaQuality} holds them, with its ratio and the target. */
  public record AreaView(
      @JsonUnwrapped AreaQuality area, BigDecimal overdueRatioPct, boolean aboveTarget) {

    static AreaView of(AreaQuality q, BigDecimal target) {
      return new AreaView(q, q.ratioPct(), q.aboveTarget(target));
    }
  }

  /**
   * {@code asOfTh}: the date the figures are of, and whether they are the stored snapshot of that
   * day.
   */
  public record QualityView(
      LocalDate date,
      String dateTh,
      String asOfTh,
      BigDecimal targetPct,
      boolean fromSnapshot,
      AreaView national,
      List<AreaView> provinces,
      List<AreaView> districts) {}

  public record TrendView(
      LocalDate date,
      String dateTh,
      int loans,
      BigDecimal outstanding,
      BigDecimal overdueAmount,
      BigDecimal overdueRatioPct,
      boolean aboveTarget) {}

  /** {@code date}: ISO (2026-11-28) or Buddhist era (28/11/2569); today when absent. */
  @GetMapping("/quality")
  public QualityView quality(
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String province) {
    Actor actor = actor();
    LocalDate day = date == null || date.isBlank() ? EngineClock.today() : parse(date, "date");
    Predicate<AreaQuality> visible =
        q ->
            mayView(actor, q.level(), q.code())
                && (province == null || q.code().startsWith(province));
    PortfolioQuality.Report r = quality.on(day, visible);
    BigDecimal t = r.targetPct();
    String asOf =
        "ข้อมูล ณ วันที่ "
            + ThaiDates.format(r.date())
            + (r.fromSnapshot() ? " (ข้อมูลที่บันทึกไว้ประจำวัน)" : " (คำนวณจากรายการชำระเงิน)");
    return new QualityView(
        r.date(),
        ThaiDates.format(r.date()),
        asOf,
        t,
        r.fromSnapshot(),
        AreaView.of(r.national(), t),
        r.provinces().stream().map(q -> AreaView.of(q, t)).toList(),
        r.districts().stream().map(q -> AreaView.of(q, t)).toList());
  }

  /** The stored daily figures of one area between two days (default: the last 90 days). */
  @GetMapping("/trend")
  public List<TrendView> trend(
      @RequestParam(defaultValue = AreaQuality.NATIONAL) String level,
      @RequestParam(defaultValue = AreaQuality.NATIONAL_CODE) String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Actor actor = actor();
    if (!List.of(AreaQuality.NATIONAL, AreaQuality.PROVINCE, AreaQuality.DISTRICT)
        .contains(level)) {
      throw new ThaiValidationException("level ต้องเป็น NATIONAL, PROVINCE หรือ DISTRICT");
    }
    if (!code.matches(
        level.equals(AreaQuality.DISTRICT)
            ? "\\d{4}"
            : level.equals(AreaQuality.PROVINCE) ? "\\d{2}" : "\\S+")) {
      throw new MistypedParameterException(
          "code",
          "รหัสพื้นที่ (code) \""
              + code
              + "\" ไม่ถูกต้อง: "
              + (level.equals(AreaQuality.DISTRICT)
                  ? "รหัสอำเภอเป็นตัวเลข 4 หลัก เช่น 2301"
                  : "รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 23"));
    }
    if (!mayView(actor, level, code)) {
      throw new NotYourAreaException("ท่านไม่มีสิทธิ์ดูข้อมูลของพื้นที่รหัส " + code);
    }
    LocalDate end = to == null ? EngineClock.today() : parse(to, "to");
    LocalDate start = from == null ? end.minusDays(90) : parse(from, "from");
    BigDecimal t = quality.targetPct();
    List<TrendPoint> points = quality.trend(level, code, start, end);
    return points.stream()
        .map(
            p -> {
              BigDecimal ratio = AreaQuality.ratio(p.overdueAmount(), p.outstanding());
              return new TrendView(
                  p.date(),
                  ThaiDates.format(p.date()),
                  p.loans(),
                  p.outstanding(),
                  p.overdueAmount(),
                  ratio,
                  ratio.compareTo(t) > 0);
            })
        .toList();
  }

  static boolean mayView(Actor actor, String level, String code) {
    if (level.equals(AreaQuality.NATIONAL) || actor.isAdmin()) {
      return true;
    }
    String province = code.substring(0, 2);
    for (String g : actor.groups()) {
      if (g.startsWith("province-" + province + "-")) {
        return true;
      }
      if (g.startsWith("district-")) {
        String district = g.substring("district-".length(), g.lastIndexOf('-'));
        if (level.equals(AreaQuality.DISTRICT)
            ? district.equals(code)
            : district.startsWith(province)) {
          return true;
        }
      }
    }
    return false;
  }

  static LocalDate parse(String text, String name) {
    if (text.contains("/")) {
      return ThaiDates.parseBuddhist(text, "วันที่ (" + name + ")");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ThaiValidationException(
          "วันที่ (" + name + ") \"" + text + "\" ไม่ถูกรูปแบบ: ใช้ 2026-11-28 หรือ 28/11/2569");
    }
  }

  private Actor actor() {
    return currentActor.get().orElseThrow(() -> new ThaiValidationException("กรุณาเข้าสู่ระบบ"));
  }
}
