package th.go.cdd.womenfund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.cdd.womenfund.overdue.OverdueSettings;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The briefing of the demo data carries the seed's figures: the overdue target, 1,605,730.42 baht,
 * 1,900 members.
 */
@DemoContext
class BriefingDemoTest {

  @LocalServerPort int port;
  @Autowired OverdueSettings overdue;

  @Test
  void theBriefingPageAndItsWordDocumentCarryTheSeedsFiguresWithThaiDates() throws Exception {
    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    HttpResponse<String> page = supervisor.get("/briefing?province=23&date=13/08/2570");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("เอกสารประกอบการประชุมคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีจังหวัดตราด")
        .contains("วันที่ 13 สิงหาคม 2570")
        .contains(
            "ลดหนี้ค้างชำระให้เหลือร้อยละ " + overdue.targetText() + " ภายในปีงบประมาณ พ.ศ. 2570")
        .contains(
            "จำนวน 3 อำเภอ ได้แก่ อำเภอคลองใหญ่ อำเภอบ่อไร่ และอำเภอแหลมงอบ รวมทั้งสิ้น 1,605,730.42 บาท")
        .contains("ของจังหวัดตราด จำนวน 1,900 คน")
        .contains("การจัดสรรงบประมาณประเภทเงินอุดหนุน")
        .contains("การลงพื้นที่ติดตาม")
        .contains("งบบริหาร")
        .contains("ลงพื้นที่ติดตามแล้ว 2 ครั้ง")
        // 4.4 from the demo's field-visit plans of the quarter (demo/DemoFieldVisits)
        .containsPattern("อำเภอวางแผนลงพื้นที่ติดตาม \\d+ ครั้ง ลงพื้นที่แล้ว [1-9]\\d* ครั้ง")
        .contains(ThaiDates.format(EngineClock.today()))
        // the allocation's ratios are of the day it was computed, and the page says so (issue 13)
        .contains("หนี้เกินกำหนด (%) ณ วันที่ " + ThaiDates.formatShort(EngineClock.today()));

    // 4.4 shows both tables: the districts' plans against what was done, and the overdue ladder's
    // visits with the problems found (the table behind "ลงพื้นที่ติดตามแล้ว 2 ครั้ง"), as the
    // dashboard does
    String item44 = html.substring(html.indexOf("id=\"item-4.4\""), html.indexOf("id=\"item-5\""));
    assertThat(item44)
        .contains("แผนและผลการลงพื้นที่ติดตามรายอำเภอ ปีงบประมาณ พ.ศ. 2570")
        .contains("การลงพื้นที่ติดตาม ปีงบประมาณ พ.ศ. 2570</caption>")
        .contains("ราคาพลอยตกต่ำ");
    assertThat(supervisor.get("/dashboard?province=23").body()).contains("ราคาพลอยตกต่ำ");

    HttpResponse<byte[]> docx = supervisor.bytes("/briefing.docx?province=23&date=13/08/2570");
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.headers().firstValue("Content-Type").orElseThrow())
        .contains("wordprocessingml");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText())
          .contains("ระเบียบวาระการประชุม")
          .contains("ร้อยละ " + overdue.targetText())
          .contains("1,605,730.42")
          .contains("1,900")
          .contains("13 สิงหาคม 2570")
          .contains("แหลมงอบ")
          .contains("ราคาพลอยตกต่ำ");
      assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void eachDashboardTableDownloadsAsXlsxWithTheSameFigures() throws Exception {
    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    HttpResponse<byte[]> xlsx = supervisor.bytes("/dashboard/restructuring.xlsx?province=23");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("ส่งเอกสารแล้ว 3 อำเภอ");
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(1_605_730.42);
    }
    for (String table : new String[] {"overdue", "members", "allocation", "budget", "visits"}) {
      HttpResponse<byte[]> t = supervisor.bytes("/dashboard/" + table + ".xlsx?province=23");
      assertThat(t.statusCode()).as(table).isEqualTo(200);
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
        // heading, title, blank, header, then 7 districts and a total; or the demo's 2 field
        // visits, no total
        assertThat(wb.getSheetAt(0).getLastRowNum())
            .as(table)
            .isEqualTo(table.equals("visits") ? 5 : 11);
      }
    }
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                supervisor.bytes("/dashboard/members.xlsx?province=23").body()))) {
      Row total = wb.getSheetAt(0).getRow(11);
      assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(640);
    }
  }
}
