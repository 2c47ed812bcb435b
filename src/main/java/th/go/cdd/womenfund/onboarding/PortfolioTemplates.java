package th.go.cdd.womenfund.onboarding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import th.go.cdd.womenfund.loan.FamilyRelation;
import th.go.cdd.womenfund.onboarding.PortfolioKind.Col;

/**
 * The empty templates a province fills from its books, like Fineract's bulk-import templates: the
 * Thai headers in row 1 (every column formatted as text, so Excel keeps leading zeros and พ.ศ.
 * dates as typed) and, in the .xlsx, a second sheet saying what each column takes. The CSV is UTF-8
 * with a byte-order mark, so Excel opens the Thai.
 */
final class PortfolioTemplates {

  static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry(Col.NATIONAL_ID, "13 หลัก ไม่ต้องมีขีด (หลักสุดท้ายต้องถูกต้อง)"),
          Map.entry(Col.FULL_NAME, "ไม่เกิน 200 ตัวอักษร"),
          Map.entry(Col.BIRTH_DATE, "วว/ดด/ปปปป ปีพุทธศักราช เช่น 05/03/2515"),
          Map.entry(Col.RESIDENT_SINCE, "วว/ดด/ปปปป ปีพุทธศักราช"),
          Map.entry(Col.SUB_DISTRICT, "รหัสตำบล 6 หลักของกรมการปกครอง เช่น 950101"),
          Map.entry(Col.GROUP_CODE, "รหัสกลุ่มในทะเบียนของจังหวัด ไม่ซ้ำกัน ไม่เกิน 30 ตัวอักษร"),
          Map.entry(Col.GROUP_NAME, "ไม่เกิน 300 ตัวอักษร"),
          Map.entry(Col.CONTACT_NAME, "ชื่อผู้ประสานงานของกลุ่ม"),
          Map.entry(Col.CONTACT_EMAIL, "ไม่บังคับ"),
          Map.entry(Col.CONTACT_PHONE, "ไม่บังคับ"),
          Map.entry(Col.CONTRACT_NO, "เลขที่สัญญาตามทะเบียนของจังหวัด (ใช้ค้นหาสัญญา ห้ามซ้ำ)"),
          Map.entry(Col.CONTRACT_DATE, "วว/ดด/ปปปป พ.ศ. เหมือนกันทุกแถวของสัญญา"),
          Map.entry(Col.TRANSFER_DATE, "วว/ดด/ปปปป พ.ศ. ไม่ก่อนวันที่ทำสัญญา"),
          Map.entry(Col.RATE, "เช่น 0.1 หรือ 3"),
          Map.entry(Col.TERM, "จำนวนเดือน เช่น 36"),
          Map.entry(Col.FREQUENCY, "รายเดือน / รายไตรมาส / ราย 6 เดือน / รายปี"),
          Map.entry(
              Col.OCCUPATION,
              "เกษตรกรรม / ปศุสัตว์ / ประมง / หัตถกรรม / แปรรูปอาหาร / ค้าขาย / บริการ / อื่น ๆ"),
          Map.entry(Col.PURPOSE, "วัตถุประสงค์ของโครงการ"),
          Map.entry(Col.BORROWER_ID, "หนึ่งแถวต่อผู้กู้หนึ่งคน แถวของสัญญาเดียวกันต้องอยู่ติดกัน"),
          Map.entry(Col.BORROWER_AMOUNT, "บาท ทศนิยมไม่เกิน 2 ตำแหน่ง"),
          Map.entry(Col.BENEFICIARY, "ผู้รับประโยชน์ความคุ้มครองกรณีผู้กู้เสียชีวิต"),
          Map.entry(Col.RELATION, String.join(" / ", FamilyRelation.labelsTh())),
          Map.entry(Col.SEQ, "1, 2, 3 … เรียงต่อเนื่อง แถวของสัญญาเดียวกันต้องอยู่ติดกัน"),
          Map.entry(Col.DUE_DATE, "วว/ดด/ปปปป พ.ศ."),
          Map.entry(Col.PRINCIPAL, "เงินต้นรวมทุกงวดต้องเท่ากับจำนวนเงินกู้"),
          Map.entry(Col.INTEREST, "บาท"),
          Map.entry(Col.REFERENCE, "เลขที่ใบเสร็จหรือรายการธนาคาร ไม่ซ้ำภายในสัญญา"),
          Map.entry(Col.PAID_ON, "วว/ดด/ปปปป พ.ศ. เรียงตามวันที่ภายในสัญญา"),
          Map.entry(Col.AMOUNT, "บาท ไม่เกินยอดหนี้ ณ วันที่ชำระ"),
          Map.entry(Col.NOTE, "ไม่บังคับ"));

  private PortfolioTemplates() {}

  static byte[] csv(PortfolioKind kind) {
    String header =
        kind.columns().stream()
            .map(
                c ->
                    c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
            .collect(Collectors.joining(","));
    return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(PortfolioKind kind) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      bold.setDataFormat(text.getDataFormat());
      Sheet sheet = wb.createSheet(kind.labelTh());
      Row header = sheet.createRow(0);
      for (int i = 0; i < kind.columns().size(); i++) {
        header.createCell(i).setCellValue(kind.columns().get(i));
        header.getCell(i).setCellStyle(bold);
        sheet.setDefaultColumnStyle(i, text);
        sheet.setColumnWidth(i, 256 * Math.max(14, kind.columns().get(i).length() + 4));
      }
      sheet.createFreezePane(0, 1);
      Sheet help = wb.createSheet("คำอธิบาย");
      Row top = help.createRow(0);
      top.createCell(0).setCellValue("คอลัมน์");
      top.createCell(1).setCellValue("วิธีกรอก");
      top.getCell(0).setCellStyle(bold);
      top.getCell(1).setCellStyle(bold);
      for (int i = 0; i < kind.columns().size(); i++) {
        Row r = help.createRow(i + 1);
        r.createCell(0).setCellValue(kind.columns().get(i));
        r.createCell(1).setCellValue(HINTS.getOrDefault(kind.columns().get(i), ""));
      }
      help.setColumnWidth(0, 256 * 40);
      help.setColumnWidth(1, 256 * 80);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
