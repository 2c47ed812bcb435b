package th.go.cdd.womenfund.holiday;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code public_holiday} table: the days that working-day deadlines skip. */
@Repository
public class HolidayRepository {

  private final JdbcClient jdbc;

  public HolidayRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isHoliday(LocalDate day) {
    return find(day).isPresent();
  }

  public Optional<PublicHoliday> find(LocalDate day) {
    return jdbc.sql("select holiday_date, name_th from public_holiday where holiday_date = ?")
        .param(day)
        .query((rs, n) -> new PublicHoliday(rs.getDate(1).toLocalDate(), rs.getString(2)))
        .optional();
  }

  /** The holidays of a Christian-era calendar year, in date order. */
  public List<PublicHoliday> ofYear(int year) {
    return jdbc.sql(
            "select holiday_date, name_th from public_holiday where holiday_date between ? and ?"
                + " order by holiday_date")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query((rs, n) -> new PublicHoliday(rs.getDate(1).toLocalDate(), rs.getString(2)))
        .list();
  }

  public void add(PublicHoliday holiday) {
    jdbc.sql("insert into public_holiday (holiday_date, name_th) values (?, ?)")
        .params(holiday.date(), holiday.nameTh())
        .update();
  }

  public void remove(LocalDate day) {
    jdbc.sql("delete from public_holiday where holiday_date = ?").param(day).update();
  }
}
