package th.go.cdd.womenfund.occupation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.loan.WomenGroups;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.NotYourAreaException;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Occupation and market promotion (seed 4.3): a district officer records what one of her district's
 * women's groups sold, through which channel, in which month. Every field is checked at once with
 * Thai messages; a group of another district is refused ({@link NotYourAreaException}) before
 * anything is stored.
 */
@Service
public class OccupationService {

  /** What the page sent, as typed. */
  public record SaleInput(
      String groupId, String product, String channel, String period, String income) {}

  /** A stored record, for the page's notice. */
  public record Recorded(long id, String groupName, LocalDate periodMonth, BigDecimal income) {}

  private final WomenGroups groups;
  private final OccupationRepository repo;

  public OccupationService(WomenGroups groups, OccupationRepository repo) {
    this.groups = groups;
    this.repo = repo;
  }

  @Transactional
  public Recorded record(SaleInput in, Actor actor, LocalDate today) {
    List<String> problems = new ArrayList<>();
    WomenGroups.Group group = ThaiValidationException.collect(problems, () -> group(in.groupId()));
    String product = ThaiValidationException.collect(problems, () -> product(in.product()));
    MarketChannel channel = ThaiValidationException.collect(problems, () -> channel(in.channel()));
    LocalDate month = ThaiValidationException.collect(problems, () -> month(in.period(), today));
    BigDecimal income =
        ThaiValidationException.collect(
            problems, () -> ThaiMoney.parse(in.income(), "รายได้จากการขาย"));
    if (group != null && !mayRecordFor(actor, group.districtCode())) {
      throw new NotYourAreaException(
          "ท่านบันทึกการส่งเสริมอาชีพได้เฉพาะกลุ่มสตรีในอำเภอที่ท่านรับผิดชอบ");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    long id =
        repo.insert(
            group.id(),
            group.districtCode(),
            group.provinceCode(),
            product,
            channel,
            month,
            income,
            actor.userId());
    return new Recorded(id, group.name(), month, income);
  }

  /** The district's officers (or an admin) record for its groups. */
  public static boolean mayRecordFor(Actor actor, String districtCode) {
    return actor.mayRegisterFor(districtCode);
  }

  public List<WomenGroups.Group> groupsOf(String districtCode) {
    return groups.ofDistrict(districtCode);
  }

  public List<OccupationRepository.Sale> latest(String districtCode) {
    return repo.latest(districtCode, 20);
  }

  private WomenGroups.Group group(String text) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณาเลือกกลุ่มสตรี");
    }
    Optional<WomenGroups.Group> g =
        text.strip().matches("\\d{1,18}")
            ? groups.find(Long.parseLong(text.strip()))
            : Optional.empty();
    return g.orElseThrow(
        () -> new ThaiValidationException("ไม่พบกลุ่มสตรีที่เลือก กรุณาเลือกจากรายการ"));
  }

  private static String product(String text) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอกชื่อผลิตภัณฑ์หรือสินค้า");
    }
    if (text.strip().length() > 300) {
      throw new ThaiValidationException("ชื่อผลิตภัณฑ์ยาวเกิน 300 ตัวอักษร");
    }
    return text.strip();
  }

  private static MarketChannel channel(String text) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณาเลือกช่องทางการตลาด");
    }
    for (MarketChannel c : MarketChannel.values()) {
      if (c.name().equals(text.strip())) {
        return c;
      }
    }
    throw new ThaiValidationException(
        "ช่องทางการตลาดที่เลือกไม่มีในรายการ: กรุณาเลือกตลาดในชุมชน งานแสดงสินค้า"
            + " ออนไลน์ หรืองานของจังหวัด");
  }

  /** "08/2569" (month/Buddhist year): the month the sales were made, not in the future. */
  private static LocalDate month(String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException("กรุณากรอกเดือนที่ขาย");
    }
    String value = text.strip();
    if (!value.matches("\\d{1,2}/\\d{4}")) {
      throw new ThaiValidationException(
          "เดือนที่ขาย \""
              + shorten(value)
              + "\" ไม่ถูกรูปแบบ: กรุณากรอกเป็น ดด/ปปปป (พ.ศ.) เช่น 08/2569");
    }
    int monthNo = Integer.parseInt(value.substring(0, value.indexOf('/')));
    int year = Integer.parseInt(value.substring(value.indexOf('/') + 1));
    if (year < 2400) {
      throw new ThaiValidationException(
          "เดือนที่ขาย \""
              + value
              + "\": ปีต้องเป็นพุทธศักราช (พ.ศ.) เช่น "
              + (year + ThaiDates.BUDDHIST_ERA_OFFSET));
    }
    if (monthNo < 1 || monthNo > 12) {
      throw new ThaiValidationException(
          "เดือนที่ขาย \"" + value + "\": เดือนต้องอยู่ระหว่าง 01 ถึง 12");
    }
    LocalDate first = LocalDate.of(year - ThaiDates.BUDDHIST_ERA_OFFSET, monthNo, 1);
    if (first.isAfter(today)) {
      throw new ThaiValidationException(
          "เดือนที่ขาย \"" + value + "\" ยังมาไม่ถึง: บันทึกได้เฉพาะยอดขายที่เกิดขึ้นแล้ว");
    }
    return first;
  }

  private static String shorten(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }
}
