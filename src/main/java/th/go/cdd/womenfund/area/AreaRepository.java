package th.go.cdd.womenfund.area;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read access to provinces, districts and sub-districts (loaded once by a Flyway migration).
 * Districts are read each time: their office e-mail can change on any node.
 */
@Repository
public class AreaRepository {

  private final JdbcClient jdbc;

  /**
   * Provinces and sub-districts never change after the migration: each is read from the database
   * once.
   */
  private final Map<String, Province> provinces = new ConcurrentHashMap<>();

  private final Map<String, SubDistrict> subDistricts = new ConcurrentHashMap<>();

  public AreaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Province> province(String code) {
    Province known = code == null ? null : provinces.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Province> read =
        jdbc.sql("select code, name_th, name_en from province where code = ?")
            .param(code)
            .query(Province.class)
            .optional();
    read.ifPresent(p -> provinces.put(p.code(), p));
    return read;
  }

  public Optional<District> district(String code) {
    return jdbc.sql(
            "select code, province_code, name_th, name_en, office_email from district where code = ?")
        .param(code)
        .query(District.class)
        .optional();
  }

  public Optional<SubDistrict> subDistrict(String code) {
    SubDistrict known = code == null ? null : subDistricts.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SubDistrict> read =
        jdbc.sql(
                "select code, district_code, name_th, name_en, zip_code from sub_district"
                    + " where code = ?")
            .param(code)
            .query(SubDistrict.class)
            .optional();
    read.ifPresent(s -> subDistricts.put(s.code(), s));
    return read;
  }

  /**
   * Official Thai names of all districts and provinces, by code (the two kinds of code never
   * collide).
   */
  public Map<String, String> names() {
    Map<String, String> names = new java.util.HashMap<>();
    jdbc.sql("select code, name_th from district")
        .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
        .list();
    jdbc.sql("select code, name_th from province")
        .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
        .list();
    return names;
  }

  public List<Province> provinces() {
    return jdbc.sql("select code, name_th, name_en from province order by code")
        .query(Province.class)
        .list();
  }

  public List<District> districtsOf(String provinceCode) {
    return jdbc.sql(
            "select code, province_code, name_th, name_en, office_email from district"
                + " where province_code = ? order by code")
        .param(provinceCode)
        .query(District.class)
        .list();
  }

  public List<SubDistrict> subDistrictsOf(String districtCode) {
    return jdbc.sql(
            "select code, district_code, name_th, name_en, zip_code from sub_district"
                + " where district_code = ? order by code")
        .param(districtCode)
        .query(SubDistrict.class)
        .list();
  }

  public void setOfficeEmail(String districtCode, String email) {
    jdbc.sql("update district set office_email = ? where code = ?")
        .param(email)
        .param(districtCode)
        .update();
  }
}
