package th.go.cdd.womenfund.meeting;

import static th.go.cdd.womenfund.system.SqlDates.date;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.MappedQuerySpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import th.go.cdd.womenfund.system.EngineClock;

/** The tables {@code meeting} and {@code meeting_resolution}. */
@Repository
public class MeetingRepository {

  /** A recorded meeting; {@code agenda} is one item a line. */
  public record Meeting(
      long id,
      String provinceCode,
      int number,
      int year,
      LocalDate heldOn,
      String attendees,
      String agenda,
      String recordedBy) {

    /** "9/2564". */
    public String numberText() {
      return number + "/" + year;
    }
  }

  /** A resolution or assignment; {@code ownerDistrictCode} null for the province's officers. */
  public record Resolution(
      long id,
      long meetingId,
      String agendaItem,
      String text,
      String ownerDistrictCode,
      String provinceCode,
      LocalDate dueOn,
      boolean done,
      String progressNote,
      LocalDate doneOn,
      String processInstanceId) {

    public ResolutionStatus status(LocalDate asOf) {
      return ResolutionStatus.of(done, dueOn, asOf);
    }
  }

  private static final String MEETING =
      "select id, province_code, meeting_no, meeting_year, held_on, attendees,"
          + " agenda, recorded_by from meeting";
  private static final String RESOLUTION =
      "select id, meeting_id, agenda_item, resolution, owner_district_code,"
          + " province_code, due_on, status, progress_note, done_on, process_instance_id from meeting_resolution";

  private final JdbcClient jdbc;

  public MeetingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String provinceCode, int number, int year) {
    return jdbc.sql(
                "select count(*) from meeting where province_code = ? and meeting_no = ? and meeting_year = ?")
            .params(provinceCode, number, year)
            .query(Integer.class)
            .single()
        > 0;
  }

  public long insertMeeting(
      String provinceCode,
      int number,
      int year,
      LocalDate heldOn,
      String attendees,
      String agenda,
      String recordedBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into meeting (province_code, meeting_no, meeting_year, held_on, attendees, agenda, recorded_by,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            provinceCode,
            number,
            year,
            heldOn,
            attendees,
            agenda,
            recordedBy,
            Timestamp.valueOf(EngineClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public long insertResolution(
      long meetingId,
      String agendaItem,
      String text,
      String ownerDistrictCode,
      String provinceCode,
      LocalDate dueOn) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into meeting_resolution (meeting_id, agenda_item, resolution, owner_district_code, province_code,"
                + " due_on, status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
        .params(meetingId, agendaItem, text, ownerDistrictCode, provinceCode, dueOn)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * Binds the resolution to its instance, once; false when it was bound already (or does not
   * exist).
   */
  public boolean bind(long resolutionId, String processInstanceId) {
    return jdbc.sql(
                "update meeting_resolution set process_instance_id = ?"
                    + " where id = ? and process_instance_id is null")
            .params(processInstanceId, resolutionId)
            .update()
        == 1;
  }

  public Optional<Resolution> resolution(long id) {
    return resolutionsWhere(" where id = ?", id).optional();
  }

  public Optional<Resolution> byProcessInstance(String processInstanceId) {
    return resolutionsWhere(" where process_instance_id = ?", processInstanceId).optional();
  }

  public void recordProgress(long id, String note, boolean done, LocalDate today) {
    jdbc.sql(
            "update meeting_resolution set progress_note = ?, status = ?, done_on = ? where id = ?")
        .params(note, done ? "DONE" : "OPEN", done ? today : null, id)
        .update();
  }

  public Optional<Meeting> meeting(long id) {
    return meetingsWhere(" where id = ?", id).optional();
  }

  /** The province's last meeting held before {@code day}. */
  public Optional<Meeting> lastBefore(String provinceCode, LocalDate day) {
    return meetingsWhere(
            " where province_code = ? and held_on < ? order by held_on desc, id desc"
                + " fetch first 1 rows only",
            provinceCode,
            day)
        .optional();
  }

  /** The province's meetings, newest first. */
  public List<Meeting> meetings(String provinceCode, int limit) {
    return meetingsWhere(
            " where province_code = ? order by held_on desc, id desc fetch first "
                + limit
                + " rows only",
            provinceCode)
        .list();
  }

  public List<Resolution> resolutions(long meetingId) {
    return resolutionsWhere(" where meeting_id = ? order by id", meetingId).list();
  }

  private MappedQuerySpec<Meeting> meetingsWhere(String where, Object... params) {
    return jdbc.sql(MEETING + where).params(params).query(MeetingRepository::meeting);
  }

  private MappedQuerySpec<Resolution> resolutionsWhere(String where, Object... params) {
    return jdbc.sql(RESOLUTION + where).params(params).query(MeetingRepository::resolution);
  }

  private static Meeting meeting(ResultSet rs, int n) throws SQLException {
    return new Meeting(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getDate(5).toLocalDate(),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8));
  }

  private static Resolution resolution(ResultSet rs, int n) throws SQLException {
    return new Resolution(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getDate(7).toLocalDate(),
        "DONE".equals(rs.getString(8)),
        rs.getString(9),
        date(rs, 10),
        rs.getString(11));
  }
}
