package th.go.cdd.womenfund.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

  private final JdbcClient jdbc;

  public MemberRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Member> findByNationalId(NationalId id) {
    return jdbc.sql("select id, national_id, full_name, birth_date, resident_since, sub_district_code"
            + " from member where national_id = ?")
        .param(id.value())
        .query((rs, n) -> new Member(rs.getLong(1), new NationalId(rs.getString(2)), rs.getString(3),
            rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6)))
        .optional();
  }

  /** Registers the member, or refreshes name and residence of one already registered; returns the id. */
  public long save(Member m) {
    Optional<Member> existing = findByNationalId(m.nationalId());
    if (existing.isPresent()) {
      jdbc.sql("update member set full_name = ?, birth_date = ?, resident_since = ?, sub_district_code = ? where id = ?")
          .params(m.fullName(), m.birthDate(), m.residentSince(), m.subDistrictCode(), existing.get().id())
          .update();
      return existing.get().id();
    }
    jdbc.sql("insert into member (national_id, full_name, birth_date, resident_since, sub_district_code, created_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(m.nationalId().value(), m.fullName(), m.birthDate(), m.residentSince(), m.subDistrictCode(),
            Timestamp.from(Instant.now()))
        .update();
    return jdbc.sql("select id from member where national_id = ?").param(m.nationalId().value())
        .query(Long.class).single();
  }
}
