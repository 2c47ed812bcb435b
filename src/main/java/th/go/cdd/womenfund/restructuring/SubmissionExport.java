package th.go.cdd.womenfund.restructuring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.document.DocumentService;
import th.go.cdd.womenfund.document.StoredDocument;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Debtor;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.DocumentType;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Package;
import th.go.cdd.womenfund.restructuring.RestructuringRepository.Round;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.XlsxStyles;

/**
 * The province's submission to the Department as a spreadsheet: one sheet of debtors (all
 * districts' packages that were sent), one summary per district, totals to the satang. The
 * Department matches debtors to its records by national ID, so this file carries the full number:
 * it is marked confidential and only the province's groups and the Department may download it;
 * everywhere else IDs are masked.
 */
@Service
public class SubmissionExport {

  private final RestructuringRepository repo;
  private final AreaRepository areas;
  private final DocumentService documents;

  public SubmissionExport(
      RestructuringRepository repo, AreaRepository areas, DocumentService documents) {
    this.repo = repo;
    this.areas = areas;
    this.documents = documents;
  }

  public Round round(long roundId) {
    return repo.round(roundId);
  }

  public byte[] xlsx(long roundId, LocalDate today) {
    Round round = repo.round(roundId);
    Province province = areas.province(round.provinceCode()).orElseThrow();
    Map<String, String> documentNames =
        repo.documentTypes().stream()
            .collect(Collectors.toMap(DocumentType::code, DocumentType::nameTh));
    Map<String, District> districts =
        areas.districtsOf(round.provinceCode()).stream()
            .collect(Collectors.toMap(District::code, Function.identity()));
    List<Package> packages =
        repo.packagesOfRound(roundId).stream()
            .filter(p -> p.totalAmount() != null && p.totalAmount().signum() > 0)
            .toList();

    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XlsxStyles styles = XlsxStyles.of(wb);
      CellStyle money = styles.money();
      CellStyle bold = styles.bold();
      CellStyle boldMoney = styles.boldMoney();

      Sheet debtors = wb.createSheet("รายชื่อผู้ขอปรับโครงสร้างหนี้");
      int r = 0;
      text(
          debtors.createRow(r++),
          0,
          "ลับ — มีข้อมูลส่วนบุคคล ใช้เพื่อการปรับโครงสร้างหนี้เท่านั้น",
          bold);
      text(debtors.createRow(r++), 0, round.title() + " จังหวัด" + province.nameTh(), bold);
      text(debtors.createRow(r++), 0, round.announcement(), null);
      text(debtors.createRow(r++), 0, "จัดทำเมื่อ " + ThaiDates.format(today), null);
      r++;
      Row header = debtors.createRow(r++);
      String[] columns = {
        "ลำดับ",
        "อำเภอ",
        "ชื่อ-สกุล",
        "เลขประจำตัวประชาชน",
        "เลขที่คำขอกู้",
        "ยอดหนี้ (บาท)",
        "ค้างชำระ (วัน)",
        "เอกสารที่ได้รับ",
        "วันที่จังหวัดได้รับ",
        "กำหนดส่งกรม",
        "เลขที่หนังสือถึงกรม"
      };
      for (int c = 0; c < columns.length; c++) {
        text(header, c, columns[c], bold);
      }
      int n = 0;
      BigDecimal grand = BigDecimal.ZERO;
      for (Package p : packages) {
        for (Debtor d : repo.debtors(p.id())) {
          if (!d.applies()) {
            continue;
          }
          Row row = debtors.createRow(r++);
          row.createCell(0).setCellValue(++n);
          text(row, 1, districts.get(p.districtCode()).nameTh(), null);
          text(row, 2, d.fullName(), null);
          text(row, 3, d.nationalId().value(), null);
          text(row, 4, d.applicationNo(), null);
          amount(row, 5, d.amount(), money);
          row.createCell(6).setCellValue(d.daysOverdue());
          text(
              row,
              7,
              java.util.Arrays.stream(d.documents().split(" "))
                  .filter(s -> !s.isBlank())
                  .map(code -> documentNames.getOrDefault(code, code))
                  .collect(Collectors.joining(", ")),
              null);
          text(row, 8, p.receivedOn() == null ? "" : ThaiDates.formatShort(p.receivedOn()), null);
          text(
              row,
              9,
              p.submissionDue() == null ? "" : ThaiDates.formatShort(p.submissionDue()),
              null);
          text(row, 10, p.letterNo() == null ? "" : p.letterNo(), null);
          grand = grand.add(d.amount());
        }
      }
      Row total = debtors.createRow(r);
      text(total, 4, "รวมทั้งสิ้น", bold);
      amount(total, 5, grand, boldMoney);
      for (int c = 0; c < columns.length; c++) {
        debtors.autoSizeColumn(c);
      }

      Sheet summary = wb.createSheet("สรุปรายอำเภอ");
      int s = 0;
      text(summary.createRow(s++), 0, round.title() + " จังหวัด" + province.nameTh(), bold);
      Row sh = summary.createRow(s++);
      String[] sc = {
        "อำเภอ",
        "จำนวนผู้ขอ (ราย)",
        "ยอดหนี้ (บาท)",
        "วันที่จังหวัดได้รับ",
        "กำหนดส่งกรม",
        "ส่งกรมตามกำหนด"
      };
      for (int c = 0; c < sc.length; c++) {
        text(sh, c, sc[c], bold);
      }
      for (Package p : packages) {
        Row row = summary.createRow(s++);
        text(row, 0, districts.get(p.districtCode()).nameTh(), null);
        row.createCell(1)
            .setCellValue((double) repo.debtors(p.id()).stream().filter(Debtor::applies).count());
        amount(row, 2, p.totalAmount(), money);
        text(row, 3, p.receivedOn() == null ? "" : ThaiDates.formatShort(p.receivedOn()), null);
        text(
            row,
            4,
            p.submissionDue() == null ? "" : ThaiDates.formatShort(p.submissionDue()),
            null);
        text(
            row,
            5,
            p.submittedOnTime() == null
                ? "ยังไม่ส่ง"
                : p.submittedOnTime() ? "ตามกำหนด" : "เลยกำหนด",
            null);
      }
      Row st = summary.createRow(s);
      text(st, 0, "รวม " + packages.size() + " อำเภอ", bold);
      amount(st, 2, grand, boldMoney);
      for (int c = 0; c < sc.length; c++) {
        summary.autoSizeColumn(c);
      }
      attachments(wb.createSheet("เอกสารแนบ"), round, province, districts, packages, bold);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files each district attached to its package (document/), per document type: the Department
   * sees which papers exist and can ask for any by its SHA-256.
   */
  private void attachments(
      Sheet sheet,
      Round round,
      Province province,
      Map<String, District> districts,
      List<Package> packages,
      CellStyle bold) {
    Map<String, String> names = documents.typeNames();
    int r = 0;
    text(
        sheet.createRow(r++),
        0,
        "เอกสารแนบของ" + round.title() + " จังหวัด" + province.nameTh(),
        bold);
    Row header = sheet.createRow(r++);
    String[] columns = {
      "อำเภอ",
      "ประเภทเอกสาร",
      "ชื่อไฟล์",
      "ชนิดไฟล์",
      "ขนาด (ไบต์)",
      "SHA-256",
      "ผู้แนบ",
      "วันที่แนบ"
    };
    for (int c = 0; c < columns.length; c++) {
      text(header, c, columns[c], bold);
    }
    int count = 0;
    for (Package p : packages) {
      for (StoredDocument d : documents.ofRecord(RestructuringProcess.PACKAGE_KEY, p.id())) {
        Row row = sheet.createRow(r++);
        text(row, 0, districts.get(p.districtCode()).nameTh(), null);
        text(row, 1, names.getOrDefault(d.documentType(), d.documentType()), null);
        text(row, 2, d.fileName(), null);
        text(row, 3, d.mediaType(), null);
        row.createCell(4).setCellValue((double) d.sizeBytes());
        text(row, 5, d.sha256(), null);
        text(row, 6, d.uploadedBy(), null);
        text(row, 7, ThaiDates.formatShort(d.uploadedAt().toLocalDate()), null);
        count++;
      }
    }
    text(sheet.createRow(r), 0, count == 0 ? "ไม่มีเอกสารแนบ" : "รวม " + count + " ไฟล์", bold);
    for (int c = 0; c < columns.length; c++) {
      sheet.autoSizeColumn(c);
    }
  }

  private static void text(Row row, int col, String value, CellStyle style) {
    var cell = row.createCell(col);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /**
   * Baht as a number cell shown with two decimals; the value is the exact amount (a double holds it
   * to the satang).
   */
  private static void amount(Row row, int col, BigDecimal value, CellStyle style) {
    var cell = row.createCell(col);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(style);
  }
}
