package th.go.cdd.womenfund.member;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public MemberRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public Optional<Member> findByNationalId(NationalId id) {
    return jdbc.sql(
            "select id, national_id, full_name, birth_date, resident_since, sub_district_code"
                + " from member where national_id = ?")
        .param(id.value())
        .query(
            (rs, n) ->
                new Member(
                    rs.getLong(1),
                    new NationalId(rs.getString(2)),
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    rs.getDate(5).toLocalDate(),
                    rs.getString(6)))
        .optional();
  }

  public String nationalIdOf(long memberId) {
    return jdbc.sql("select national_id from member where id = ?")
        .param(memberId)
        .query(String.class)
        .single();
  }

  /**
   * Registers the member, or refreshes name and residence of one already registered; returns the
   * id.
   */
  public long save(Member m) {
    return saveAll(List.of(m)).get(m.nationalId().value());
  }

  /**
   * Registers the members, or refreshes name and residence of those already registered; returns
   * each one's id by national ID. One look-up for all of them (a loan's borrowers are saved
   * together), and the new ids come back from the insert itself.
   */
  public Map<String, Long> saveAll(List<Member> list) {
    Map<String, Long> ids = new LinkedHashMap<>();
    if (list.isEmpty()) {
      return ids;
    }
    List<String> nationalIds = list.stream().map(m -> m.nationalId().value()).distinct().toList();
    Map<String, Long> existing = new HashMap<>();
    jdbc.sql(
            "select national_id, id from member where national_id in ("
                + String.join(",", Collections.nCopies(nationalIds.size(), "?"))
                + ")")
        .params(nationalIds)
        .query((RowCallbackHandler) rs -> existing.put(rs.getString(1), rs.getLong(2)));
    for (Member m : list) {
      String nationalId = m.nationalId().value();
      Long id = existing.get(nationalId);
      if (id != null) {
        jdbc.sql(
                "update member set full_name = ?, birth_date = ?, resident_since = ?, sub_district_code = ? where id = ?")
            .params(m.fullName(), m.birthDate(), m.residentSince(), m.subDistrictCode(), id)
            .update();
      } else {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                "insert into member (national_id, full_name, birth_date, resident_since, sub_district_code, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)")
            .params(
                nationalId,
                m.fullName(),
                m.birthDate(),
                m.residentSince(),
                m.subDistrictCode(),
                Timestamp.from(Instant.now()))
            .update(key, "id");
        id = key.getKey().longValue();
        existing.put(nationalId, id);
      }
      ids.put(nationalId, id);
    }
    return ids;
  }

  /**
   * Registers those of the members not registered yet and leaves the others as they are (a bulk
   * import: a national ID already known is not refreshed); a national ID twice in the list is
   * registered once. One look-up and one batched insert for the whole list, whatever its size
   * (callers pass chunks of a few hundred). Returns how many were added.
   */
  public int addMissing(List<Member> list) {
    if (list.isEmpty()) {
      return 0;
    }
    List<String> nationalIds = list.stream().map(m -> m.nationalId().value()).distinct().toList();
    Set<String> known = new HashSet<>();
    jdbc.sql(
            "select national_id from member where national_id in ("
                + String.join(",", Collections.nCopies(nationalIds.size(), "?"))
                + ")")
        .params(nationalIds)
        .query((RowCallbackHandler) rs -> known.add(rs.getString(1)));
    List<Object[]> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (Member m : list) {
      if (known.add(m.nationalId().value())) {
        rows.add(
            new Object[] {
              m.nationalId().value(),
              m.fullName(),
              Date.valueOf(m.birthDate()),
              Date.valueOf(m.residentSince()),
              m.subDistrictCode(),
              now
            });
      }
    }
    if (!rows.isEmpty()) {
      batch.batchUpdate(
          "insert into member (national_id, full_name, birth_date, resident_since, sub_district_code, created_at)"
              + " values (?, ?, ?, ?, ?, ?)",
          rows);
    }
    return rows.size();
  }

  /** The name shown for a member whose personal data was removed after its retention period. */
  public static final String NAME_REMOVED = "(ลบข้อมูลส่วนบุคคลตามระยะเวลาเก็บรักษาแล้ว)";

  /**
   * Replaces national ID and name of these members by a pseudonym ("X" and the row id; never a
   * valid national ID, so it can meet no real person); birth date and sub-district stay for
   * statistics. Already replaced rows are left alone. Returns the rows changed.
   */
  public int pseudonymise(Collection<Long> memberIds) {
    int changed = 0;
    for (Long id : memberIds) {
      changed +=
          jdbc.sql(
                  "update member set national_id = ?, full_name = ? where id = ? and national_id not like 'X%'")
              .params(String.format("X%012d", id), NAME_REMOVED, id)
              .update();
    }
    return changed;
  }
}
