package th.go.cdd.womenfund.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.system.DatabaseTest;

/** The whole of Thailand is loaded from the copy in the repository, keyed by official codes. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AreaReferenceDataTest {

  @Autowired AreaRepository areas;
  @Autowired JdbcClient jdbc;

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  @Test
  void everyProvinceDistrictAndSubDistrictIsLoaded() {
    assertThat(count("province")).isEqualTo(77);
    assertThat(count("district")).isEqualTo(929);
    assertThat(count("sub_district")).isEqualTo(7451);
    assertThat(areas.provinces()).extracting(Province::code).allMatch(c -> c.matches("\\d{2}"));
  }

  @Test
  void provincesAreKeyedByOfficialCodeNotTheDatasetsOwnNumbering() {
    assertThat(areas.province("23")).get().extracting(Province::nameTh).isEqualTo("ตราด");
    assertThat(areas.province("34")).get().extracting(Province::nameTh).isEqualTo("อุบลราชธานี");
    assertThat(areas.province("10")).get().extracting(Province::nameTh).isEqualTo("กรุงเทพมหานคร");
  }

  @Test
  void tratHasSevenDistrictsAndThirtyEightSubDistricts() {
    List<District> districts = areas.districtsOf("23");
    assertThat(districts)
        .extracting(District::nameTh)
        .containsExactly(
            "เมืองตราด", "คลองใหญ่", "เขาสมิง", "บ่อไร่", "แหลมงอบ", "เกาะกูด", "เกาะช้าง");
    assertThat(districts.stream().mapToInt(d -> areas.subDistrictsOf(d.code()).size()).sum())
        .isEqualTo(38);
  }

  @Test
  void theTwoKhlongYaiOfTratAreDifferentPlaces() {
    SubDistrict inKhlongYaiDistrict = areas.subDistrict("230201").orElseThrow();
    SubDistrict inLaemNgop = areas.subDistrict("230507").orElseThrow();
    assertThat(inKhlongYaiDistrict.nameTh()).isEqualTo(inLaemNgop.nameTh()).isEqualTo("คลองใหญ่");
    assertThat(inKhlongYaiDistrict.districtCode()).isEqualTo("2302");
    assertThat(inLaemNgop.districtCode()).isEqualTo("2305");
    assertThat(areas.district("2305")).get().extracting(District::nameTh).isEqualTo("แหลมงอบ");
  }
}
