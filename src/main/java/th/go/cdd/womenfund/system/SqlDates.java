package th.go.cdd.womenfund.system;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Reading SQL dates into row records: the one conversion of a nullable date column. */
public final class SqlDates {

  private SqlDates() {}

  /** The date in this column of the current row, null where the column is null. */
  public static LocalDate date(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
