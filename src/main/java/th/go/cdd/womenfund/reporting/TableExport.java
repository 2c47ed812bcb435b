package th.go.cdd.womenfund.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.XlsxStyles;

/**
 * A dashboard table as an .xlsx: numbers stay numbers (baht to the satang, percentages), dates read
 * as Thai text.
 */
public final class TableExport {

  private TableExport() {}

  public static byte[] xlsx(Table table, String heading) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XlsxStyles styles = XlsxStyles.of(wb);
      CellStyle money = styles.money();
      CellStyle count = styles.count();
      CellStyle pct = styles.pct();
      CellStyle bold = styles.bold();
      Sheet sheet = wb.createSheet(sheetName(table.title()));
      int r = 0;
      sheet.createRow(r++).createCell(0).setCellValue(heading);
      sheet.getRow(0).getCell(0).setCellStyle(bold);
      sheet.createRow(r++).createCell(0).setCellValue(table.title());
      r++;
      Row header = sheet.createRow(r++);
      for (int c = 0; c < table.headers().size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(table.headers().get(c));
        cell.setCellStyle(bold);
      }
      for (Table.Row row : table.rows()) {
        write(sheet.createRow(r++), row, money, count, pct, null);
      }
      if (table.total() != null) {
        write(sheet.createRow(r), table.total(), money, count, pct, bold);
      }
      for (int c = 0; c < table.headers().size(); c++) {
        sheet.autoSizeColumn(c);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(
      Row row, Table.Row values, CellStyle money, CellStyle count, CellStyle pct, CellStyle bold) {
    for (int c = 0; c < values.cells().size(); c++) {
      Object v = values.cells().get(c);
      Cell cell = row.createCell(c);
      if (v instanceof BigDecimal b) {
        cell.setCellValue(b.doubleValue());
        cell.setCellStyle(money);
      } else if (v instanceof Integer || v instanceof Long) {
        cell.setCellValue(((Number) v).doubleValue());
        cell.setCellStyle(count);
      } else if (v instanceof Table.Percent p && p.value() != null) {
        cell.setCellValue(p.value().doubleValue() / 100);
        cell.setCellStyle(pct);
      } else {
        cell.setCellValue(v == null ? "" : Cells.text(v));
        if (bold != null) {
          cell.setCellStyle(bold);
        }
      }
    }
  }

  /** Sheet names: at most 31 characters, none of []:*?/\ . */
  static String sheetName(String title) {
    String clean = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return clean.length() > 31 ? clean.substring(0, 31) : clean;
  }
}
