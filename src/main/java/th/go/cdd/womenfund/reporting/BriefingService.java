package th.go.cdd.womenfund.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Service;
import th.go.cdd.womenfund.fieldvisit.VisitPlansDashboardSection;
import th.go.cdd.womenfund.meeting.MeetingRepository;
import th.go.cdd.womenfund.meeting.MeetingService;
import th.go.cdd.womenfund.meeting.ResolutionStatus;
import th.go.cdd.womenfund.occupation.OccupationDashboardSection;
import th.go.cdd.womenfund.restructuring.RestructuringSettings;
import th.go.cdd.womenfund.system.Cells;
import th.go.cdd.womenfund.system.Table;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The agenda and briefing of the provincial working group's meeting, written from live figures in
 * the order of the seed's report: overdue debt against the target, restructuring, membership, fund
 * management (subsidy allocation, occupation and markets, field visits), the districts'
 * administrative budget; then what became of the last meeting's resolutions. As a page ({@code
 * /briefing}) and as a Word document.
 */
@Service
public class BriefingService {

  private final DashboardService dashboards;
  private final RestructuringSettings restructuringSettings;
  private final MeetingService meetings;

  public BriefingService(
      DashboardService dashboards,
      RestructuringSettings restructuringSettings,
      MeetingService meetings) {
    this.dashboards = dashboards;
    this.restructuringSettings = restructuringSettings;
    this.meetings = meetings;
  }

  /**
   * One agenda item: its number and title, what the secretariat reports, and the tables behind it
   * (none, one, or for 4.4 the districts' plans and the overdue ladder's visits).
   */
  public record Item(String number, String title, List<String> paragraphs, List<Table> tables) {

    public Item {
      tables = tables.stream().filter(Objects::nonNull).toList();
    }

    Item(String number, String title, List<String> paragraphs, Table table) {
      this(number, title, paragraphs, Arrays.asList(table));
    }

    /** The first table, or null without one. */
    public Table table() {
      return tables.isEmpty() ? null : tables.get(0);
    }
  }

  public record Briefing(
      String provinceName,
      LocalDate meetingDate,
      ThaiFiscalYear fiscalYear,
      String title,
      String subtitle,
      List<Item> items) {

    public String meetingDateText() {
      return ThaiDates.format(meetingDate);
    }
  }

  public Briefing briefing(String provinceCode, LocalDate meetingDate, LocalDate asOf) {
    ThaiFiscalYear fy = ThaiFiscalYear.of(meetingDate);
    DashboardService.Dashboard d = dashboards.dashboard(provinceCode, fy, asOf);
    String province = d.province().nameTh();
    List<Item> items =
        List.of(
            overdue(d),
            restructuring(d),
            members(d),
            new Item("4", "การบริหารจัดการกองทุน", List.of(), List.of()),
            allocation(d),
            occupation(d),
            visits(d),
            budget(d),
            resolutions(provinceCode, meetingDate, asOf));
    return new Briefing(
        province,
        meetingDate,
        fy,
        "เอกสารประกอบการประชุมคณะทำงานขับเคลื่อนกองทุนพัฒนาบทบาทสตรีจังหวัด" + province,
        "วันที่ "
            + ThaiDates.format(meetingDate)
            + " ณ สำนักงานพัฒนาชุมชนจังหวัด"
            + province
            + " (ข้อมูล ณ วันที่ "
            + ThaiDates.format(asOf)
            + ")",
        items);
  }

  /**
   * Matters arising: what became of the last meeting's resolutions (done, open, late on {@code
   * asOf}).
   */
  private Item resolutions(String provinceCode, LocalDate meetingDate, LocalDate asOf) {
    Optional<MeetingService.MeetingRecord> last = meetings.lastMeeting(provinceCode, meetingDate);
    if (last.isEmpty()) {
      return new Item(
          "เรื่องสืบเนื่อง",
          "ผลการดำเนินงานตามมติการประชุมครั้งที่แล้ว",
          List.of("ยังไม่มีการบันทึกมติการประชุมครั้งก่อนในระบบ"),
          List.of());
    }
    MeetingRepository.Meeting m = last.get().meeting();
    List<MeetingRepository.Resolution> list = last.get().resolutions();
    Map<ResolutionStatus, Long> counts = new EnumMap<>(ResolutionStatus.class);
    for (ResolutionStatus s : ResolutionStatus.values()) {
      counts.put(s, list.stream().filter(r -> r.status(asOf) == s).count());
    }
    String title =
        "ผลการดำเนินงานตามมติการประชุมครั้งที่ "
            + m.numberText()
            + " ("
            + ThaiDates.format(m.heldOn())
            + ")";
    List<String> text =
        List.of(
            "มติและข้อสั่งการ "
                + list.size()
                + " รายการ ณ วันที่ "
                + ThaiDates.format(asOf)
                + ": "
                + ResolutionStatus.DONE.labelTh()
                + " "
                + counts.get(ResolutionStatus.DONE)
                + " รายการ "
                + ResolutionStatus.OPEN.labelTh()
                + " "
                + counts.get(ResolutionStatus.OPEN)
                + " รายการ "
                + ResolutionStatus.LATE.labelTh()
                + " "
                + counts.get(ResolutionStatus.LATE)
                + " รายการ");
    Table table =
        new Table(
            "resolutions",
            title,
            List.of("วาระ", "มติ/ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "สถานะ", "ความคืบหน้า"),
            list.stream()
                .map(
                    r ->
                        Table.Row.of(
                            null,
                            r.status(asOf) == ResolutionStatus.LATE,
                            r.agendaItem(),
                            r.text(),
                            meetings.ownerName(r),
                            r.dueOn(),
                            r.status(asOf).labelTh(),
                            r.progressNote() == null ? "-" : r.progressNote()))
                .toList(),
            null);
    return new Item("เรื่องสืบเนื่อง", title, text, table);
  }

  /** 1. overdue debt against the target. */
  private static Item overdue(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    ThaiFiscalYear fy = d.fiscalYear();
    LocalDate asOf = d.asOf();
    String target = f.overdueTargetPct().stripTrailingZeros().toPlainString();
    List<String> overdue = new ArrayList<>();
    overdue.add(
        "เป้าหมาย: ลดหนี้ค้างชำระให้เหลือร้อยละ "
            + target
            + " ภายใน"
            + fy.label()
            + " (สิ้นสุดวันที่ "
            + ThaiDates.format(fy.lastDay())
            + ")");
    if (d.overdue() == null) {
      overdue.add("ยังไม่มีหนี้เงินกู้คงค้างในระบบ ณ วันที่ " + ThaiDates.format(asOf));
    } else {
      overdue.add(
          "ณ วันที่ "
              + ThaiDates.format(asOf)
              + " หนี้เกินกำหนดชำระทั้งจังหวัด "
              + Cells.text(f.overdueAmount())
              + " บาท จากยอดหนี้คงค้าง "
              + Cells.text(f.outstanding())
              + " บาท คิดเป็นร้อยละ "
              + f.overdueRatio().toPlainString()
              + (f.overdueRatio().compareTo(f.overdueTargetPct()) > 0
                  ? " สูงกว่าเป้าหมายร้อยละ " + target
                  : " ไม่เกินเป้าหมายร้อยละ " + target));
      overdue.add(
          f.districtsAboveTarget().isEmpty()
              ? "ทุกอำเภออยู่ในเป้าหมาย"
              : "อำเภอที่หนี้เกินกำหนดชำระสูงกว่าเป้าหมาย: "
                  + thaiList(f.districtsAboveTarget(), "อำเภอ")
                  + " ขอให้เร่งรัดติดตามหนี้");
    }
    return new Item(
        "1", "การเร่งรัดติดตามหนี้เกินกำหนดชำระกองทุนพัฒนาบทบาทสตรี", overdue, d.overdue());
  }

  /** 2. the restructuring round and its deadline (the rule as configured). */
  private Item restructuring(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    List<String> restructuring = new ArrayList<>();
    restructuring.add(
        "ตามประกาศคณะกรรมการบริหารกองทุนพัฒนาบทบาทสตรี เรื่องหลักเกณฑ์ วิธีการ และเงื่อนไขเกี่ยวกับอัตราดอกเบี้ยเงินกู้"
            + "และอัตราดอกเบี้ยผิดนัด พ.ศ. 2563 (ฉบับที่ 4) สำนักงานพัฒนาชุมชนอำเภอตรวจสอบสมาชิกที่มีสิทธิ์ปรับโครงสร้างหนี้ "
            + "รวบรวมเอกสารส่งจังหวัด และจังหวัดส่งกรมการพัฒนาชุมชนภายใน "
            + restructuringSettings.deadlineText()
            + "นับจากวันที่ได้รับเอกสาร แล้วเสนอคณะอนุกรรมการบริหารกองทุนฯ ระดับจังหวัดเพื่อทราบ");
    if (d.restructuring() == null) {
      restructuring.add("ยังไม่มีการเปิดรอบการปรับโครงสร้างหนี้ของจังหวัด");
    } else if (f.restructuringDistricts().isEmpty()) {
      restructuring.add("ยังไม่มีอำเภอที่ส่งเอกสารปรับโครงสร้างหนี้");
    } else {
      restructuring.add(
          "อำเภอที่ส่งเอกสารปรับโครงสร้างหนี้แล้ว จำนวน "
              + f.restructuringDistricts().size()
              + " อำเภอ ได้แก่ "
              + thaiList(f.restructuringDistricts(), "อำเภอ")
              + " รวมทั้งสิ้น "
              + Cells.text(f.restructuringTotal())
              + " บาท");
    }
    if (f.restructuredLoans() > 0) {
      restructuring.add(
          "กรมอนุมัติปรับโครงสร้างหนี้แล้ว "
              + f.restructuredLoans()
              + " สัญญา ยอดหนี้ที่ยกไปตารางชำระใหม่ "
              + Cells.text(f.restructuredAmount())
              + " บาท (รายอำเภอตามตาราง \"ปรับโครงสร้างหนี้แล้ว\" ในแดชบอร์ด)");
    }
    if (!f.restructuringLate().isEmpty()) {
      restructuring.add(
          "กำหนดส่งกรมใกล้ถึงหรือเลยกำหนดแล้ว: " + thaiList(f.restructuringLate(), "อำเภอ"));
    }
    return new Item(
        "2",
        "การปรับโครงสร้างหนี้ตามประกาศฯ พ.ศ. 2563 (ฉบับที่ 4)",
        restructuring,
        d.restructuring());
  }

  /** 3. members against the Department's target. */
  private static Item members(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    ThaiFiscalYear fy = d.fiscalYear();
    LocalDate asOf = d.asOf();
    String province = d.province().nameTh();
    List<String> members = new ArrayList<>();
    if (f.memberTarget() != null) {
      members.add(
          "กรมการพัฒนาชุมชนกำหนดเป้าหมายการเพิ่มจำนวนสมาชิกกองทุนพัฒนาบทบาทสตรี ประเภทบุคคลธรรมดา "
              + fy.label()
              + " ของจังหวัด"
              + province
              + " จำนวน "
              + Cells.text(f.memberTarget())
              + " คน");
      members.add(
          "ผลการรับสมัคร ณ วันที่ "
              + ThaiDates.format(asOf)
              + " จำนวน "
              + Cells.text(f.members())
              + " คน คิดเป็นร้อยละ "
              + f.memberPct()
              + " ของเป้าหมาย ยังขาดอีก "
              + Cells.text(Math.max(0, f.memberTarget() - f.members()))
              + " คน"
              + (f.organisations() > 0
                  ? " และองค์กรสตรีสมัครแล้ว " + f.organisations() + " แห่ง"
                  : ""));
    } else {
      members.add(
          "ยังไม่ได้รับเป้าหมายการเพิ่มจำนวนสมาชิกของ"
              + fy.label()
              + " สมัครแล้ว "
              + Cells.text(f.members())
              + " คน");
    }
    return new Item(
        "3", "การรับสมัครสมาชิกกองทุนพัฒนาบทบาทสตรี " + fy.label(), members, d.members());
  }

  /** 4.1 the subsidy allocation. */
  private static Item allocation(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    ThaiFiscalYear fy = d.fiscalYear();
    List<String> allocation = new ArrayList<>();
    allocation.add(
        "จัดสรรงบประมาณเงินอุดหนุนให้แต่ละอำเภออย่างชัดเจน โดยใช้ฐานคิดจากจำนวนตำบล จำนวนสมาชิก "
            + "หรืออัตราร้อยละของหนี้เกินกำหนดชำระ (จัดสรรละเอียดถึงบาท รวมเท่างบประมาณพอดี)");
    allocation.add(
        f.allocationText() == null
            ? "ยังไม่มีการเสนอการจัดสรรเงินอุดหนุนของ" + fy.label()
            : f.allocationText());
    if (d.subsidyProjectFigures().projects() > 0) {
      allocation.add("โครงการประเภทอุดหนุนของกลุ่มสตรี: " + d.subsidyProjectFigures().text());
    }
    return new Item("4.1", "การจัดสรรงบประมาณประเภทเงินอุดหนุน", allocation, d.allocation());
  }

  /**
   * 4.4 field visits in each district: the routine visits planned and done per district and
   * quarter, the districts behind their plan, the follow-up actions still open, and the visits of
   * the overdue ladder.
   */
  private static Item visits(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    VisitPlansDashboardSection.Figures v = d.visitPlanFigures();
    ThaiFiscalYear fy = d.fiscalYear();
    List<String> text = new ArrayList<>();
    text.add(
        "เจ้าหน้าที่สำนักงานเลขานุการฯ ลงพื้นที่พร้อมคณะอนุกรรมการกลั่นกรองและติดตามฯ อำเภอ"
            + " และคณะขับเคลื่อนฯ ตำบล เพื่อทราบปัญหาของกลุ่มสมาชิกที่กู้ยืมเงินกองทุน");
    if (v.planned() == 0) {
      text.add("ยังไม่มีการบันทึกแผนการลงพื้นที่ติดตามของอำเภอใน" + fy.label());
    } else {
      text.add(
          fy.label()
              + " อำเภอวางแผนลงพื้นที่ติดตาม "
              + v.planned()
              + " ครั้ง ลงพื้นที่แล้ว "
              + v.done()
              + " ครั้ง คิดเป็นร้อยละ "
              + v.percentDone().toPlainString()
              + " ของแผน");
      if (!v.late().isEmpty()) {
        text.add(
            "อำเภอที่ยังไม่ได้ลงพื้นที่ตามวันที่วางแผนหรือมีข้อเสนอแนะเลยกำหนด: "
                + thaiList(v.late(), "อำเภอ"));
      }
      if (v.openActions() > 0) {
        text.add(
            "ข้อเสนอแนะจากการลงพื้นที่ที่ยังดำเนินการไม่เสร็จ "
                + v.openActions()
                + " รายการ (เลยกำหนด "
                + v.lateActions()
                + " รายการ)");
      }
    }
    if (f.visits() > 0) {
      text.add(
          "กลุ่มที่ค้างชำระ: ลงพื้นที่ติดตามแล้ว " + f.visits() + " ครั้ง (ขั้นตอนติดตามหนี้)");
    }
    // both tables: the plans must not hide the ladder's visits that the paragraph above counts
    return new Item(
        "4.4", "การลงพื้นที่ติดตามในแต่ละอำเภอ", text, Arrays.asList(d.visitPlans(), d.visits()));
  }

  /** 4.3 occupation and market promotion of the groups that borrowed. */
  private static Item occupation(DashboardService.Dashboard d) {
    OccupationDashboardSection.Figures f = d.figures().occupation();
    ThaiFiscalYear fy = d.fiscalYear();
    List<String> text = new ArrayList<>();
    text.add(
        "ส่งเสริมอาชีพของกลุ่มสตรีที่กู้ยืมเงินกองทุนประเภทเงินทุนหมุนเวียน และหาช่องทางการตลาดให้กลุ่ม"
            + " เพื่อสร้างรายได้ให้กับสมาชิกในกลุ่ม");
    if (f.groups() == 0) {
      text.add("ยังไม่มีการบันทึกผลการส่งเสริมอาชีพและการตลาดของกลุ่มสตรีใน" + fy.label());
    } else {
      text.add(
          fy.label()
              + " กลุ่มสตรีได้รับการส่งเสริม "
              + f.groups()
              + " กลุ่ม ใน "
              + f.districts().size()
              + " อำเภอ ("
              + thaiList(f.districts(), "อำเภอ")
              + ") ขายผ่านช่องทาง"
              + String.join(" ", f.channels())
              + " มีรายได้รวม "
              + Cells.text(f.income())
              + " บาท");
    }
    return new Item("4.3", "การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี", text, d.occupation());
  }

  /** 5. the districts' administrative budget. */
  private static Item budget(DashboardService.Dashboard d) {
    DashboardService.Figures f = d.figures();
    ThaiFiscalYear fy = d.fiscalYear();
    List<String> budget = new ArrayList<>();
    if (d.budget() == null) {
      budget.add("ยังไม่มีการบันทึกงบบริหารของอำเภอใน" + fy.label());
    } else {
      budget.add(
          "อำเภอเบิกจ่ายงบบริหารแล้ว "
              + Cells.text(f.budgetDisbursed())
              + " บาท จากงบประมาณ "
              + Cells.text(f.budgetTotal())
              + " บาท คิดเป็นร้อยละ "
              + f.budgetPct());
    }
    return new Item(
        "5",
        "สรุปผลการเบิกจ่ายงบประมาณกองทุนพัฒนาบทบาทสตรี ประเภทงบบริหารของอำเภอ",
        budget,
        d.budget());
  }

  /** "อำเภอแหลมงอบ อำเภอบ่อไร่ และอำเภอคลองใหญ่". */
  static String thaiList(List<String> names, String prefix) {
    List<String> p = names.stream().map(n -> prefix + n).toList();
    if (p.size() <= 1) {
      return String.join("", p);
    }
    return String.join(" ", p.subList(0, p.size() - 1)) + " และ" + p.get(p.size() - 1);
  }

  public byte[] docx(Briefing b) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(doc, b.title(), 18, true, ParagraphAlignment.CENTER);
      paragraph(doc, b.subtitle(), 16, false, ParagraphAlignment.CENTER);
      paragraph(doc, "ระเบียบวาระการประชุม", 16, true, ParagraphAlignment.LEFT);
      for (Item i : b.items()) {
        paragraph(doc, "    " + i.number() + " " + i.title(), 16, false, ParagraphAlignment.LEFT);
      }
      for (Item i : b.items()) {
        paragraph(doc, i.number() + " " + i.title(), 16, true, ParagraphAlignment.LEFT);
        for (String p : i.paragraphs()) {
          paragraph(doc, p, 16, false, ParagraphAlignment.LEFT);
        }
        for (Table t : i.tables()) {
          table(doc, t);
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void paragraph(
      XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    run(p, text, size, bold);
  }

  private static void run(XWPFParagraph p, String text, int size, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setBold(bold);
    r.setFontSize(size);
    r.setFontFamily("TH Sarabun New");
    // Thai is a "complex script": Word takes its font and size from the cs attributes
    r.getCTR().addNewRPr();
    var rPr = r.getCTR().getRPr();
    var fonts = rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts();
    fonts.setCs("TH Sarabun New");
    rPr.addNewSzCs().setVal(BigInteger.valueOf(size * 2L));
  }

  private static void table(XWPFDocument doc, Table t) {
    int cols = t.headers().size();
    int rows = 1 + t.rows().size() + (t.total() == null ? 0 : 1);
    XWPFTable table = doc.createTable(rows, cols);
    CTTblWidth width = table.getCTTbl().addNewTblPr().addNewTblW();
    width.setType(STTblWidth.PCT);
    width.setW(BigInteger.valueOf(5000));
    fill(table.getRow(0), t.headers().stream().map(h -> (Object) h).toList(), true);
    int r = 1;
    for (Table.Row row : t.rows()) {
      fill(table.getRow(r++), row.cells(), false);
    }
    if (t.total() != null) {
      fill(table.getRow(r), t.total().cells(), true);
    }
    doc.createParagraph();
  }

  private static void fill(XWPFTableRow row, List<Object> cells, boolean bold) {
    for (int c = 0; c < cells.size(); c++) {
      var cell = row.getCell(c);
      XWPFParagraph p = cell.getParagraphs().get(0);
      if (Cells.numeric(cells.get(c))) {
        p.setAlignment(ParagraphAlignment.RIGHT);
      }
      Object v = cells.get(c);
      run(p, "".equals(v) ? "" : Cells.text(v), 14, bold);
    }
  }
}
