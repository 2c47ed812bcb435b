package th.go.cdd.womenfund.provisioning;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * A provisioning file, CSV (UTF-8, comma or semicolon, an Excel BOM allowed) or xlsx (the first
 * sheet), read as it streams in: the first row names the columns (in any order), each further row
 * is one person. Reading stops at the first row past {@link #MAX_ROWS}.
 */
public final class AccountFile {

  public static final int MAX_ROWS = 2000;

  /** The columns, their accepted header texts (the first is the one shown). */
  public enum Column {
    USERNAME("เลขประจำตัว", "username", "ชื่อผู้ใช้"),
    FIRST_NAME("ชื่อ", "first name"),
    LAST_NAME("นามสกุล", "last name"),
    EMAIL("อีเมล", "email", "e-mail"),
    ROLE("บทบาท", "role"),
    AREA("รหัสพื้นที่", "area", "area code");

    /** The accepted header texts, separated by '|' (a string: an enum's fields stay immutable). */
    private final String headers;

    Column(String... headers) {
      this.headers = String.join("|", headers);
    }

    public String thai() {
      return headers.split("\\|")[0];
    }

    boolean names(String header) {
      String h =
          header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      return Arrays.asList(headers.split("\\|")).contains(h);
    }
  }

  /**
   * One person as the file gives her; {@code number} is the row number the file shows (the header
   * is row 1).
   */
  public record Line(int number, Map<Column, String> cells) {
    public String get(Column c) {
      String v = cells.get(c);
      return v == null ? "" : v.strip();
    }
  }

  private AccountFile() {}

  /** Reads the upload; {@code fileName} (may be null) and the first bytes tell xlsx from CSV. */
  public static List<Line> read(InputStream input, String fileName) {
    try (BufferedInputStream in = new BufferedInputStream(input)) {
      in.mark(4);
      byte[] magic = in.readNBytes(2);
      in.reset();
      boolean zip = magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
      if (zip || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))) {
        return xlsx(in);
      }
      return csv(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ThaiValidationException(
          "อ่านไฟล์ไม่ได้: กรุณาส่งไฟล์ CSV (UTF-8) หรือ Excel (.xlsx) ตามแบบฟอร์ม");
    }
  }

  static List<Line> csv(Reader reader) throws IOException {
    List<Line> lines = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      Map<Column, Integer> columns = null;
      while (records.hasNext()) {
        CSVRecord r = records.next();
        List<String> values = r.toList();
        if (columns == null) {
          if (values.size() == 1 && values.get(0).contains(";")) {
            throw new ThaiValidationException(
                "ไฟล์ใช้เครื่องหมาย ; คั่นคอลัมน์: กรุณาบันทึกเป็น CSV แบบคั่นด้วยจุลภาค (,)");
          }
          columns = columns(values);
          continue;
        }
        lines.add(line(lines.size() + 2, columns, values));
      }
      if (columns == null) {
        throw new ThaiValidationException("ไฟล์ว่าง: แถวแรกต้องเป็นชื่อคอลัมน์ " + headerList());
      }
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new ThaiValidationException(
          "อ่านไฟล์ CSV ไม่ได้ (เครื่องหมายคำพูดไม่ครบคู่หรือรูปแบบผิด):"
              + " กรุณาบันทึกจาก Excel เป็น CSV UTF-8 แล้วส่งใหม่");
    }
    return lines;
  }

  static List<Line> xlsx(InputStream in) throws IOException {
    List<Line> lines = new ArrayList<>();
    DataFormatter text = new DataFormatter(Locale.ROOT);
    try (Workbook book = WorkbookFactory.create(in)) {
      Sheet sheet = book.getSheetAt(0);
      Map<Column, Integer> columns = null;
      for (Row row : sheet) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          values.add(cell == null ? "" : text.formatCellValue(cell).strip());
        }
        if (values.stream().allMatch(String::isEmpty)) {
          continue;
        }
        if (columns == null) {
          columns = columns(values);
          continue;
        }
        lines.add(line(row.getRowNum() + 1, columns, values));
      }
      if (columns == null) {
        throw new ThaiValidationException("ไฟล์ว่าง: แถวแรกต้องเป็นชื่อคอลัมน์ " + headerList());
      }
    } catch (RuntimeException e) {
      if (e instanceof ThaiValidationException thai) {
        throw thai;
      }
      throw new ThaiValidationException("อ่านไฟล์ Excel ไม่ได้: กรุณาส่งไฟล์ .xlsx ตามแบบฟอร์ม");
    }
    return lines;
  }

  private static Line line(int number, Map<Column, Integer> columns, List<String> values) {
    if (number - 1 > MAX_ROWS) {
      throw new ThaiValidationException(
          "ไฟล์มีรายชื่อเกิน "
              + MAX_ROWS
              + " คนต่อครั้ง (หยุดอ่านที่แถวที่ "
              + number
              + "): กรุณาแบ่งเป็นหลายไฟล์ ไฟล์ละไม่เกิน "
              + MAX_ROWS
              + " คน");
    }
    Map<Column, String> cells = new LinkedHashMap<>();
    columns.forEach((c, i) -> cells.put(c, i < values.size() ? values.get(i) : ""));
    return new Line(number, cells);
  }

  private static Map<Column, Integer> columns(List<String> headers) {
    Map<Column, Integer> columns = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Column c : Column.values()) {
      for (int i = 0; i < headers.size(); i++) {
        if (c.names(headers.get(i))) {
          columns.put(c, i);
          break;
        }
      }
      if (!columns.containsKey(c)) {
        missing.add(c.thai());
      }
    }
    if (!missing.isEmpty()) {
      throw new ThaiValidationException(
          "แถวแรกของไฟล์ไม่มีคอลัมน์ "
              + String.join(", ", missing)
              + ": แถวแรกต้องเป็นชื่อคอลัมน์ "
              + headerList());
    }
    return columns;
  }

  static String headerList() {
    return String.join(", ", Arrays.stream(Column.values()).map(Column::thai).toList());
  }
}
