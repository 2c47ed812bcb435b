package th.go.cdd.womenfund.system;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every .xlsx of the fund uses (dashboard tables, the restructuring submission):
 * baht to the satang, counts, percentages, bold headings and bold totals.
 */
public record XlsxStyles(
    CellStyle money, CellStyle count, CellStyle pct, CellStyle bold, CellStyle boldMoney) {

  public static XlsxStyles of(Workbook wb) {
    CellStyle money = wb.createCellStyle();
    money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    CellStyle count = wb.createCellStyle();
    count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
    CellStyle pct = wb.createCellStyle();
    pct.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
    Font font = wb.createFont();
    font.setBold(true);
    CellStyle bold = wb.createCellStyle();
    bold.setFont(font);
    CellStyle boldMoney = wb.createCellStyle();
    boldMoney.cloneStyleFrom(money);
    boldMoney.setFont(font);
    return new XlsxStyles(money, count, pct, bold, boldMoney);
  }
}
