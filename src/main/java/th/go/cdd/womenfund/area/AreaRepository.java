package th.go.cdd.womenfund.area;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read access to provinces, districts and sub-districts (loaded once by a Flyway migration). */
@Repository
public class AreaRepository {

  private final JdbcClient jdbc;

  public AreaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Province> province(String code) {
    return jdbc.sql("select code, name_th, name_en from province where code = ?")
        .param(code).query(Province.class).optional();
  }

  public Optional<District> district(String code) {
    return jdbc.sql("select code, province_code, name_th, name_en, office_email from district where code = ?")
        .param(code).query(District.class).optional();
  }

  public Optional<SubDistrict> subDistrict(String code) {
    return jdbc.sql("select code, district_code, name_th, name_en, zip_code from sub_district where code = ?")
        .param(code).query(SubDistrict.class).optional();
  }

  public List<Province> provinces() {
    return jdbc.sql("select code, name_th, name_en from province order by code").query(Province.class).list();
  }

  public List<District> districtsOf(String provinceCode) {
    return jdbc.sql("select code, province_code, name_th, name_en, office_email from district"
            + " where province_code = ? order by code")
        .param(provinceCode).query(District.class).list();
  }

  public List<SubDistrict> subDistrictsOf(String districtCode) {
    return jdbc.sql("select code, district_code, name_th, name_en, zip_code from sub_district"
            + " where district_code = ? order by code")
        .param(districtCode).query(SubDistrict.class).list();
  }

  public void setOfficeEmail(String districtCode, String email) {
    jdbc.sql("update district set office_email = ? where code = ?").param(email).param(districtCode).update();
  }
}
