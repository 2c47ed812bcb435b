package th.go.cdd.womenfund.area;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads every province, district and sub-district of Thailand from the copy of the thai-admin-areas
 * dataset (MIT) in {@code reference/thai-admin-areas/}. The dataset's province {@code id} is its
 * own numbering, not the official code: the official 2-digit province code is the first two digits
 * of its districts' 4-digit codes, and that is the key used here.
 */
@Component
public class V2__Load_thai_admin_areas extends BaseJavaMigration {

  static final String FOLDER = "reference/thai-admin-areas/";

  @Override
  public void migrate(Context context) throws Exception {
    List<CSVRecord> provinces = read("provinces.csv");
    List<CSVRecord> districts = read("districts.csv");
    List<CSVRecord> subDistricts = read("sub_districts.csv");

    Map<String, String> officialProvinceCode = new HashMap<>();
    for (CSVRecord d : districts) {
      String code = d.get("id").substring(0, 2);
      String previous = officialProvinceCode.putIfAbsent(d.get("province_id"), code);
      if (previous != null && !previous.equals(code)) {
        throw new IllegalStateException(
            "province " + d.get("province_id") + " has districts in " + previous + " and " + code);
      }
    }

    Connection c = context.getConnection();
    try (PreparedStatement ps =
        c.prepareStatement("insert into province (code, name_th, name_en) values (?, ?, ?)")) {
      for (CSVRecord p : provinces) {
        String code = officialProvinceCode.get(p.get("id"));
        if (code == null) {
          throw new IllegalStateException("province without districts: " + p.get("name_en"));
        }
        ps.setString(1, code);
        ps.setString(2, p.get("name_th"));
        ps.setString(3, p.get("name_en"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into district (code, province_code, name_th, name_en) values (?, ?, ?, ?)")) {
      for (CSVRecord d : districts) {
        ps.setString(1, d.get("id"));
        ps.setString(2, d.get("id").substring(0, 2));
        ps.setString(3, d.get("name_th"));
        ps.setString(4, d.get("name_en"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into sub_district (code, district_code, name_th, name_en, zip_code) values (?, ?, ?, ?, ?)")) {
      for (CSVRecord s : subDistricts) {
        ps.setString(1, s.get("id"));
        ps.setString(2, s.get("district_id"));
        ps.setString(3, s.get("name_th"));
        ps.setString(4, s.get("name_en"));
        ps.setString(5, s.get("zip_code").isBlank() ? null : s.get("zip_code"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Rows still in force (the dataset marks removed areas with deleted_at). */
  static List<CSVRecord> read(String file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in =
        new InputStreamReader(
            new ClassPathResource(FOLDER + file).getInputStream(), StandardCharsets.UTF_8)) {
      return format.parse(in).getRecords().stream()
          .filter(r -> r.get("deleted_at").isBlank())
          .toList();
    }
  }
}
