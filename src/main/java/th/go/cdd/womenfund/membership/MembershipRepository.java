package th.go.cdd.womenfund.membership;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.member.NationalId;

/** Registrations of individual members and organisations, and the recruitment targets. */
@Repository
public class MembershipRepository {

  private final JdbcClient jdbc;
  private final AreaRepository areas;

  public MembershipRepository(JdbcClient jdbc, AreaRepository areas) {
    this.jdbc = jdbc;
    this.areas = areas;
  }

  /**
   * A member's registration; {@code loanId}: the loan application that registered her, if one did.
   */
  public record Registration(
      long memberId, String districtCode, LocalDate registeredOn, int fiscalYear, Long loanId) {}

  public record Listed(
      String kind,
      String name,
      String nationalIdMasked,
      String subDistrictName,
      LocalDate registeredOn) {}

  public Optional<Registration> registrationOf(long memberId) {
    return jdbc.sql(
            "select member_id, district_code, registered_on, fiscal_year, loan_id from fund_membership"
                + " where member_id = ?")
        .param(memberId)
        .query(
            (rs, n) ->
                new Registration(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getInt(4),
                    rs.getObject(5, Long.class)))
        .optional();
  }

  /** A person of the member table and her registration as a member of the fund, if any. */
  public record Person(long memberId, Registration registration) {}

  /**
   * The persons with these national IDs, by national ID (one query): absent when not in the member
   * table.
   */
  public Map<String, Person> persons(List<String> nationalIds) {
    Map<String, Person> result = new HashMap<>();
    if (nationalIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            "select m.national_id, m.id, f.district_code, f.registered_on, f.fiscal_year, f.loan_id from member_view m"
                + " left join fund_membership f on f.member_id = m.id where m.national_id in ("
                + String.join(",", Collections.nCopies(nationalIds.size(), "?"))
                + ")")
        .params(nationalIds)
        .query(
            (rs, n) ->
                result.put(
                    rs.getString(1),
                    new Person(
                        rs.getLong(2),
                        rs.getString(3) == null
                            ? null
                            : new Registration(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getDate(4).toLocalDate(),
                                rs.getInt(5),
                                rs.getObject(6, Long.class)))))
        .list();
    return result;
  }

  /**
   * A member's membership; {@code loanId} is the loan application whose step registered (or fixed)
   * her as a borrower, null when she registered on her own.
   */
  public void insertMembership(
      long memberId,
      String districtCode,
      String provinceCode,
      LocalDate registeredOn,
      int fiscalYear,
      String registeredBy,
      Long loanId) {
    jdbc.sql(
            "insert into fund_membership (member_id, district_code, province_code, registered_on, fiscal_year,"
                + " registered_by, created_at, loan_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            memberId,
            districtCode,
            provinceCode,
            registeredOn,
            fiscalYear,
            registeredBy,
            Timestamp.from(Instant.now()),
            loanId)
        .update();
  }

  public boolean organisationExists(String subDistrictCode, String nameKey) {
    return jdbc.sql(
                "select count(*) from member_organisation where sub_district_code = ? and name_key = ?")
            .params(subDistrictCode, nameKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insertOrganisation(
      String name,
      String nameKey,
      String subDistrictCode,
      String districtCode,
      String provinceCode,
      String contactName,
      String contactPhone,
      int memberCount,
      LocalDate registeredOn,
      int fiscalYear,
      String registeredBy) {
    jdbc.sql(
            "insert into member_organisation (name, name_key, sub_district_code, district_code, province_code,"
                + " contact_name, contact_phone, member_count, registered_on, fiscal_year, registered_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            name,
            nameKey,
            subDistrictCode,
            districtCode,
            provinceCode,
            contactName,
            contactPhone,
            memberCount,
            registeredOn,
            fiscalYear,
            registeredBy,
            Timestamp.from(Instant.now()))
        .update();
  }

  /** Individual members registered in the fiscal year, per district of the province. */
  public Map<String, Integer> individualsByDistrict(String provinceCode, int fiscalYear) {
    return counts(
        "select district_code, count(*) from fund_membership where province_code = ? and fiscal_year = ?"
            + " group by district_code",
        provinceCode,
        fiscalYear);
  }

  /** Organisations registered in the fiscal year, per district of the province. */
  public Map<String, Integer> organisationsByDistrict(String provinceCode, int fiscalYear) {
    return counts(
        "select district_code, count(*) from member_organisation where province_code = ? and fiscal_year = ?"
            + " group by district_code",
        provinceCode,
        fiscalYear);
  }

  /** All individual members of each district of the province, whatever year they joined. */
  public Map<String, Integer> allIndividualsByDistrict(String provinceCode) {
    Map<String, Integer> result = new HashMap<>();
    jdbc.sql(
            "select district_code, count(*) from fund_membership where province_code = ? group by district_code")
        .param(provinceCode)
        .query((rs, n) -> result.put(rs.getString(1), rs.getInt(2)))
        .list();
    return result;
  }

  private Map<String, Integer> counts(String sql, String provinceCode, int fiscalYear) {
    Map<String, Integer> result = new HashMap<>();
    jdbc.sql(sql)
        .params(provinceCode, fiscalYear)
        .query((rs, n) -> result.put(rs.getString(1), rs.getInt(2)))
        .list();
    return result;
  }

  public Optional<Integer> target(String provinceCode, int fiscalYear, MemberType type) {
    return jdbc.sql(
            "select target from recruitment_target where province_code = ? and fiscal_year = ? and member_type = ?")
        .params(provinceCode, fiscalYear, type.name())
        .query(Integer.class)
        .optional();
  }

  public void setTarget(
      String provinceCode, int fiscalYear, MemberType type, int target, String setBy) {
    int updated =
        jdbc.sql(
                "update recruitment_target set target = ?, set_by = ?, updated_at = ?"
                    + " where province_code = ? and fiscal_year = ? and member_type = ?")
            .params(
                target, setBy, Timestamp.from(Instant.now()), provinceCode, fiscalYear, type.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into recruitment_target (province_code, fiscal_year, member_type, target, set_by, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              provinceCode, fiscalYear, type.name(), target, setBy, Timestamp.from(Instant.now()))
          .update();
    }
  }

  /** The latest registrations of a district, individuals and organisations. */
  public List<Listed> latest(String districtCode, int limit) {
    Map<String, String> subDistricts = new HashMap<>();
    areas.subDistrictsOf(districtCode).forEach(s -> subDistricts.put(s.code(), s.nameTh()));
    Function<String, String> name =
        code ->
            subDistricts.computeIfAbsent(
                code, c -> areas.subDistrict(c).map(SubDistrict::nameTh).orElse(c));
    List<Listed> individuals =
        jdbc
            .sql(
                "select m.full_name, m.national_id, m.sub_district_code, f.registered_on, f.id"
                    + " from fund_membership f join member_view m on m.id = f.member_id"
                    + " where f.district_code = ? order by f.id desc")
            .param(districtCode)
            .query(
                (rs, n) ->
                    new Listed(
                        "บุคคลธรรมดา",
                        rs.getString(1),
                        new NationalId(rs.getString(2)).masked(),
                        name.apply(rs.getString(3)),
                        rs.getDate(4).toLocalDate()))
            .list()
            .stream()
            .limit(limit)
            .toList();
    List<Listed> organisations =
        jdbc
            .sql(
                "select o.name, o.sub_district_code, o.registered_on"
                    + " from member_organisation o where o.district_code = ? order by o.id desc")
            .param(districtCode)
            .query(
                (rs, n) ->
                    new Listed(
                        "องค์กรสตรี",
                        rs.getString(1),
                        "",
                        name.apply(rs.getString(2)),
                        rs.getDate(3).toLocalDate()))
            .list()
            .stream()
            .limit(limit)
            .toList();
    return java.util.stream.Stream.concat(individuals.stream(), organisations.stream()).toList();
  }

  public int countIndividuals() {
    return jdbc.sql("select count(*) from fund_membership").query(Integer.class).single();
  }

  /**
   * A women's organisation registered with the fund (องค์กรสตรี), as other capabilities may read
   * it.
   */
  public record Organisation(
      long id,
      String name,
      String subDistrictCode,
      String districtCode,
      String provinceCode,
      String contactName,
      String contactPhone,
      int memberCount,
      LocalDate registeredOn) {}

  /**
   * The organisation of a sub-district by its name (spaces and case as the register compares them).
   */
  public Optional<Organisation> organisation(String subDistrictCode, String name) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    return jdbc.sql(
            "select id, name, sub_district_code, district_code, province_code, contact_name, contact_phone,"
                + " member_count, registered_on from member_organisation where sub_district_code = ? and name_key = ?")
        .params(subDistrictCode, key)
        .query(
            (rs, n) ->
                new Organisation(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8),
                    rs.getDate(9).toLocalDate()))
        .optional();
  }
}
