package th.go.cdd.womenfund.holiday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The public-holiday table: who keeps it, what it refuses (in Thai, changing nothing), and the gap
 * warning.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
// each test rolls back: its holidays of 2574-2575 never reach the shared database, nothing to clean
// up
@Transactional
class HolidayServiceTest {

  static final Actor ADMIN = new Actor("admin", List.of(Roles.ADMIN));
  static final Actor DEPARTMENT = new Actor("dept1", List.of(Roles.DEPARTMENT));
  static final Actor OFFICER = new Actor("officer2305", List.of(Roles.districtOfficers("2305")));

  /** Years no other test records holidays in. */
  static final int YEAR = 2031;

  static final LocalDate TODAY = LocalDate.of(YEAR, 1, 5);

  @Autowired HolidayService service;
  @Autowired HolidaySettings settings;
  @Autowired HolidayRepository repo;

  @Test
  void theAdministratorAndTheDepartmentAddAndRemoveHolidaysOthersMayNot() {
    HolidayService.Outcome o = service.add("26/02/2574", "  วันมาฆบูชา ", ADMIN, TODAY);
    assertThat(o.holiday()).isEqualTo(new PublicHoliday(LocalDate.of(YEAR, 2, 26), "วันมาฆบูชา"));
    assertThat(o.effects()).isEmpty(); // calendar-day deadlines: nothing to count again
    service.add("06/04/2574", "วันจักรี", DEPARTMENT, TODAY);
    assertThat(service.ofYear(YEAR))
        .extracting(PublicHoliday::nameTh)
        .containsExactly("วันมาฆบูชา", "วันจักรี");
    assertThat(repo.isHoliday(LocalDate.of(YEAR, 4, 6))).isTrue();

    assertThatThrownBy(() -> service.add("13/04/2574", "วันสงกรานต์", OFFICER, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessage("เฉพาะผู้ดูแลระบบและกรมการพัฒนาชุมชนเท่านั้นที่แก้ไขตารางวันหยุดราชการได้");
    assertThatThrownBy(() -> service.remove("06/04/2574", OFFICER, TODAY))
        .isInstanceOf(ThaiValidationException.class);
    assertThat(service.ofYear(YEAR)).hasSize(2);

    service.remove("06/04/2574", ADMIN, TODAY);
    assertThat(repo.isHoliday(LocalDate.of(YEAR, 4, 6))).isFalse();
    assertThatThrownBy(() -> service.remove("06/04/2574", ADMIN, TODAY))
        .hasMessage("ไม่มีวันหยุดวันที่ 6 เมษายน 2574 ในตารางวันหยุดราชการ");
  }

  @Test
  void badInputIsRefusedInThaiAllAtOnceAndChangesNothing() {
    service.add("01/01/2574", "วันขึ้นปีใหม่", ADMIN, TODAY);
    assertThatThrownBy(() -> service.add("", "", ADMIN, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .satisfies(
            e ->
                assertThat(((ThaiValidationException) e).problems())
                    .containsExactly(
                        "กรุณากรอกวันที่ของวันหยุด", "กรุณากรอกชื่อวันหยุด เช่น วันมาฆบูชา"));
    assertThatThrownBy(() -> service.add("01/01/2031", "วันขึ้นปีใหม่", ADMIN, TODAY))
        .hasMessageContaining("พุทธศักราช");
    assertThatThrownBy(() -> service.add("30/02/2574", "วันหยุด", ADMIN, TODAY))
        .hasMessageContaining("ไม่มีวันที่นี้ในปฏิทิน");
    assertThatThrownBy(() -> service.add("01/05/2074", "วันแรงงาน", ADMIN, TODAY))
        .hasMessageContaining("ปีต้องเป็นพุทธศักราช");
    assertThatThrownBy(() -> service.add("01/05/2590", "วันแรงงาน", ADMIN, TODAY))
        .hasMessage("วันหยุดต้องอยู่ในปี พ.ศ. 2564 ถึง 2576 (กรอก 01/05/2590)");
    assertThatThrownBy(() -> service.add("01/01/2574", "ปีใหม่", ADMIN, TODAY))
        .hasMessage("วันที่ 1 มกราคม 2574 บันทึกไว้แล้วเป็น \"วันขึ้นปีใหม่\"");
    assertThatThrownBy(() -> service.add("02/01/2574", "<script>alert(1)</script>", ADMIN, TODAY))
        .hasMessageContaining("ใช้ได้เฉพาะตัวอักษร");
    assertThatThrownBy(() -> service.add("02/01/2574", "ว".repeat(201), ADMIN, TODAY))
        .hasMessageContaining("ไม่เกิน 200 ตัวอักษร");
    assertThatThrownBy(() -> service.remove("๐๑/๐๑/๒๕๗๔", ADMIN, TODAY))
        .hasMessageContaining("ตัวเลขอารบิก");
    assertThat(service.ofYear(YEAR))
        .containsExactly(new PublicHoliday(LocalDate.of(YEAR, 1, 1), "วันขึ้นปีใหม่"));
  }

  @Test
  void aYearWithFewerHolidaysThanAYearHasIsFlaggedForThisYearAndTheNext() {
    assertThat(service.gaps(TODAY))
        .hasSize(2)
        .first()
        .asString()
        .startsWith(
            "ปี พ.ศ. 2574 บันทึกวันหยุดราชการไว้ 0 วัน (ปกติไม่น้อยกว่า "
                + settings.expectedPerYear()
                + " วัน)");
    for (int i = 1; i <= settings.expectedPerYear(); i++) {
      service.add(String.format("%02d/03/2574", i), "วันหยุดทดสอบ " + i, ADMIN, TODAY);
    }
    assertThat(service.gaps(TODAY))
        .singleElement()
        .asString()
        .startsWith("ปี พ.ศ. 2575 บันทึกวันหยุดราชการไว้ 0 วัน");
  }
}
