package th.go.cdd.womenfund.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.onboarding.PortfolioImport.Problem;
import th.go.cdd.womenfund.onboarding.PortfolioImport.Report;
import th.go.cdd.womenfund.onboarding.PortfolioImport.Scope;
import th.go.cdd.womenfund.onboarding.PortfolioKind.Col;
import th.go.cdd.womenfund.overdue.OverdueScan;
import th.go.cdd.womenfund.reporting.DashboardService;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;

/**
 * The portfolio import (issue 15) in province 95 (Yala), which no other test counts in: every kind
 * of bad row refused in Thai with nothing written; a good portfolio imported with its totals; the
 * same files again change nothing; imported loans are scanned for arrears and counted on the
 * dashboard; another area's officer gets 403; an oversize upload is refused before it is read.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortfolioImportTest {

  static final String PASSWORD = "portfolio-import-password";
  static final String SUB = "950101";
  static final String OTHER_PROVINCE_SUB = "230101";

  @LocalServerPort int port;
  @Autowired PortfolioImport imports;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.repayment.PortfolioArrears arrears;
  @Autowired OverdueScan scan;
  @Autowired DashboardService dashboard;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;

  final Scope officer95 =
      new Scope("95", new Actor("import95", List.of(Roles.provinceOfficers("95"))));
  final List<Path> files = new ArrayList<>();
  LocalDate today;
  long seed;

  @BeforeEach
  void setUp() {
    today = EngineClock.today();
    seed = System.currentTimeMillis() % 10_000_000_000L;
  }

  @AfterEach
  void cleanUp() throws IOException {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
  }

  String nid(int i) {
    String first12 = String.format("3%011d", (seed * 10 + i) % 100_000_000_000L);
    return first12 + NationalId.checkDigit(first12);
  }

  String d(int daysFromToday) {
    return ThaiDates.formatNumeric(today.plusDays(daysFromToday));
  }

  Path csv(PortfolioKind kind, String... rows) throws IOException {
    StringBuilder s = new StringBuilder("\uFEFF" + String.join(",", kind.columns()) + "\r\n");
    for (String r : rows) {
      s.append(r).append("\r\n");
    }
    Path f = Files.createTempFile("portfolio-", ".csv");
    files.add(f);
    Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
    return f;
  }

  /** An .xlsx made from the downloadable template, the rows typed in below its header. */
  Path xlsx(PortfolioKind kind, List<List<String>> rows) throws IOException {
    Path f = Files.createTempFile("portfolio-", ".xlsx");
    files.add(f);
    try (InputStream in = new ByteArrayInputStream(PortfolioTemplates.xlsx(kind));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheetAt(0);
      for (int i = 0; i < rows.size(); i++) {
        Row r = sheet.createRow(i + 1);
        for (int c = 0; c < rows.get(i).size(); c++) {
          r.createCell(c).setCellValue(rows.get(i).get(c));
        }
      }
      try (OutputStream out = Files.newOutputStream(f)) {
        wb.write(out);
      }
    }
    return f;
  }

  String member(int i) {
    return nid(i)
        + ",สมาชิกนำเข้า "
        + seed
        + "-"
        + i
        + ","
        + d(-40 * 365)
        + ","
        + d(-10 * 365)
        + ","
        + SUB;
  }

  String group() {
    return "G" + seed;
  }

  String contract(int n) {
    return "IMP-" + seed + "-" + n;
  }

  /** Members 1..3 and the group, committed: what the loan files refer to. */
  void basics() throws IOException {
    assertThat(
            imports
                .apply(
                    PortfolioKind.MEMBERS,
                    csv(PortfolioKind.MEMBERS, member(1), member(2), member(3)),
                    officer95,
                    today)
                .committed())
        .isTrue();
    Report groups =
        imports.apply(
            PortfolioKind.GROUPS,
            xlsx(
                PortfolioKind.GROUPS,
                List.of(
                    List.of(
                        group(),
                        "กลุ่มนำเข้า " + seed,
                        SUB,
                        "ผู้ประสาน " + seed,
                        "g" + seed + "@example.org",
                        "081 234 5678"))),
            officer95,
            today);
    assertThat(groups.problems()).isEmpty();
    assertThat(groups.committed()).isTrue();
  }

  String loanRow(int contract, String borrower, String amount, String relation) {
    return String.join(
        ",",
        contract(contract),
        group(),
        d(-200),
        d(-200),
        "0.1",
        "6",
        "รายเดือน",
        "ค้าขาย",
        "ทุนหมุนเวียนค้าขาย",
        borrower,
        amount,
        "ผู้รับประโยชน์ " + contract,
        relation);
  }

  static List<String> where(Report r) {
    return r.problems().stream().map(p -> p.row() + "|" + p.column()).toList();
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
  }

  @Test
  void everyKindOfBadRowIsRefusedInThaiAndNothingIsWritten() throws IOException {
    String good = nid(9);
    Path members =
        csv(
            PortfolioKind.MEMBERS,
            "1234567890123,ชื่อ," + d(-40 * 365) + "," + d(-3650) + "," + SUB,
            nid(4) + ",," + d(-40 * 365) + "," + d(-3650) + "," + SUB,
            nid(5) + ",ชื่อ,01/01/1980," + d(-3650) + "," + SUB,
            nid(6) + ",ชื่อ," + d(-40 * 365) + "," + d(-3650) + ",999999",
            nid(7) + ",ชื่อ," + d(-40 * 365) + "," + d(-3650) + "," + OTHER_PROVINCE_SUB,
            nid(8) + ",ชื่อ," + d(-3650) + "," + d(-40 * 365) + "," + SUB,
            good + ",ชื่อ," + d(-40 * 365) + "," + d(10) + "," + SUB,
            nid(10) + ",ชื่อถูกต้อง," + d(-40 * 365) + "," + d(-3650) + "," + SUB);
    Report preview = imports.preview(PortfolioKind.MEMBERS, members, officer95, today);
    Report applied = imports.apply(PortfolioKind.MEMBERS, members, officer95, today);
    for (Report r : List.of(preview, applied)) {
      assertThat(r.committed()).isFalse();
      assertThat(r.rows()).isEqualTo(8);
      assertThat(r.refusedRows()).isEqualTo(7);
      assertThat(where(r))
          .containsExactly(
              "2|" + Col.NATIONAL_ID,
              "3|" + Col.FULL_NAME,
              "4|" + Col.BIRTH_DATE,
              "5|" + Col.SUB_DISTRICT,
              "6|" + Col.SUB_DISTRICT,
              "7|" + Col.RESIDENT_SINCE,
              "8|" + Col.RESIDENT_SINCE);
      assertThat(r.problems())
          .extracting(Problem::message)
          .allMatch(m -> m.matches(".*[ก-๙].*"))
          .anyMatch(m -> m.contains("ปีต้องเป็นพุทธศักราช"))
          .anyMatch(m -> m.contains("ไม่อยู่ในพื้นที่"))
          .anyMatch(m -> m.contains("อยู่ในอนาคต"));
    }
    assertThat(count("select count(*) from member where national_id in (?, ?)", good, nid(10)))
        .isZero();

    basics();
    Path loans =
        csv(
            PortfolioKind.LOANS,
            loanRow(1, nid(1), "1000.00", "คู่สมรส").replace(group(), "NO-SUCH-GROUP"),
            loanRow(2, nid(1), "1000.00", "เพื่อน").replace("รายเดือน", "รายสัปดาห์"),
            loanRow(2, nid(2), "1000.00", "บุตร")
                .replace(d(-200) + "," + d(-200), d(-199) + "," + d(-200)),
            loanRow(3, nid(99), "หนึ่งพัน", "ญาติ"),
            loanRow(4, nid(3), "1000.00", "ญาติ")
                .replace(d(-200) + "," + d(-200), d(-200) + "," + d(-201))
                .replace(",0.1,", ",200,"),
            loanRow(5, nid(3), "1000.00", "ญาติ"));
    Report badLoans = imports.apply(PortfolioKind.LOANS, loans, officer95, today);
    assertThat(badLoans.committed()).isFalse();
    assertThat(where(badLoans))
        .containsExactly(
            "2|" + Col.GROUP_CODE,
            "3|" + Col.FREQUENCY,
            "3|" + Col.RELATION,
            "4|" + Col.CONTRACT_DATE,
            "4|" + Col.FREQUENCY,
            "5|" + Col.BORROWER_ID,
            "5|" + Col.BORROWER_AMOUNT,
            "6|" + Col.TRANSFER_DATE,
            "6|" + Col.RATE);
    assertThat(
            count(
                "select count(*) from loan_project where contract_no like ?", "IMP-" + seed + "-%"))
        .isZero();

    Report header =
        imports.preview(
            PortfolioKind.LOANS, csv(PortfolioKind.MEMBERS, member(1)), officer95, today);
    assertThat(header.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(1);
              assertThat(p.message())
                  .contains("หัวตารางไม่ตรงกับแบบฟอร์มสัญญาเงินกู้")
                  .contains(Col.CONTRACT_NO);
            });

    Report badPayments =
        imports.preview(
            PortfolioKind.PAYMENTS,
            csv(
                PortfolioKind.PAYMENTS,
                "NO-SUCH-CONTRACT,R1," + d(-10) + ",100.00,",
                contract(1) + ",R2," + d(5) + ",100.00,"),
            officer95,
            today);
    assertThat(where(badPayments))
        .containsExactly("2|" + Col.CONTRACT_NO, "3|" + Col.PAID_ON, "3|" + Col.CONTRACT_NO);
    Report empty =
        imports.preview(PortfolioKind.MEMBERS, csv(PortfolioKind.MEMBERS), officer95, today);
    assertThat(empty.problems())
        .extracting(Problem::message)
        .containsExactly("ไฟล์ไม่มีข้อมูล: กรุณากรอกข้อมูลตั้งแต่แถวที่ 2 ใต้หัวตาราง");
  }

  @Test
  void aGoodPortfolioImportsWithTotalsIsScannedAndShownAndAgainChangesNothing() throws IOException {
    BigDecimal outstandingBefore =
        dashboard.dashboard("95", ThaiFiscalYear.of(today), today).figures().outstanding();
    basics();
    Path loans =
        csv(
            PortfolioKind.LOANS,
            loanRow(1, nid(1), "10000.00", "คู่สมรส"),
            loanRow(1, nid(2), "5000.00", "บุตร"),
            loanRow(2, nid(3), "6000.00", "ญาติ"));
    Path schedules =
        csv(
            PortfolioKind.SCHEDULES,
            contract(1) + ",1," + d(-170) + ",5000.00,5.00",
            contract(1) + ",2," + d(-100) + ",5000.00,5.00",
            contract(1) + ",3," + d(30) + ",5000.00,5.00",
            contract(2) + ",1," + d(-100) + ",3000.00,5.00",
            contract(2) + ",2," + d(60) + ",3000.00,5.00");
    Path payments =
        csv(
            PortfolioKind.PAYMENTS,
            contract(1) + ",R-" + seed + "-1," + d(-170) + ",5005.00,งวด 1",
            contract(2) + ",R-" + seed + "-2," + d(-100) + ",3005.00,");

    Report l = imports.preview(PortfolioKind.LOANS, loans, officer95, today);
    assertThat(l.problems()).isEmpty();
    assertThat(l.committed()).isFalse();
    assertThat(
            count(
                "select count(*) from loan_project where contract_no like ?", "IMP-" + seed + "-%"))
        .isZero();
    l = imports.apply(PortfolioKind.LOANS, loans, officer95, today);
    assertThat(l.committed()).isTrue();
    assertThat(List.of(l.rows(), l.added(), l.existing())).containsExactly(3L, 3L, 0L);
    assertThat(l.principal()).isEqualByComparingTo("21000.00");
    Report s = imports.apply(PortfolioKind.SCHEDULES, schedules, officer95, today);
    assertThat(s.problems()).isEmpty();
    assertThat(s.principal()).isEqualByComparingTo("21000.00");
    assertThat(s.interest()).isEqualByComparingTo("25.00");
    Report p = imports.apply(PortfolioKind.PAYMENTS, payments, officer95, today);
    assertThat(p.problems()).isEmpty();
    assertThat(p.committed()).isTrue();
    assertThat(p.paid()).isEqualByComparingTo("8010.00");
    assertThat(p.outstanding()).isEqualByComparingTo("13000.00");

    long loan1 = count("select id from loan_project where contract_no = ?", contract(1));
    long loan2 = count("select id from loan_project where contract_no = ?", contract(2));
    assertThat(
            jdbc.sql("select status from loan_project where id = ?")
                .param(loan1)
                .query(String.class)
                .single())
        .isEqualTo("DISBURSED");
    assertThat(
            count("select count(*) from risk_cover where loan_id = ? and in_force = true", loan1))
        .isEqualTo(2);
    assertThat(
            count("select count(*) from payment_allocation where loan_id in (?, ?)", loan1, loan2))
        .isEqualTo(2);

    // the same files again: nothing changes
    long[] before = tableCounts(loan1, loan2);
    for (var f :
        List.of(
            List.of(PortfolioKind.LOANS, loans),
            List.of(PortfolioKind.SCHEDULES, schedules),
            List.of(PortfolioKind.PAYMENTS, payments))) {
      Report again = imports.apply((PortfolioKind) f.get(0), (Path) f.get(1), officer95, today);
      assertThat(again.problems()).isEmpty();
      assertThat(again.added()).isZero();
      assertThat(again.existing()).isEqualTo(again.rows());
    }
    Report membersAgain =
        imports.apply(
            PortfolioKind.MEMBERS,
            csv(PortfolioKind.MEMBERS, member(1), member(2)),
            officer95,
            today);
    assertThat(List.of(membersAgain.added(), membersAgain.existing())).containsExactly(0L, 2L);
    assertThat(tableCounts(loan1, loan2)).containsExactly(before);

    // scanned like any loan: the one behind on installment 2 gets a follow-up, the one up to date
    // none
    scan.run(today);
    assertThat(count("select count(*) from overdue_follow_up where loan_id = ?", loan1))
        .isEqualTo(1);
    assertThat(count("select count(*) from overdue_follow_up where loan_id = ?", loan2)).isZero();
    BigDecimal outstandingAfter =
        dashboard.dashboard("95", ThaiFiscalYear.of(today), today).figures().outstanding();
    assertThat(outstandingAfter.subtract(outstandingBefore)).isEqualByComparingTo("13000.00");
    th.go.cdd.womenfund.repayment.PaidToDate.assertAgreesWithLedger(jdbc, arrears);
  }

  long[] tableCounts(long loan1, long loan2) {
    return new long[] {
      count("select count(*) from member"),
      count("select count(*) from women_group"),
      count("select count(*) from loan_project"),
      count("select count(*) from loan_borrower where loan_id in (?, ?)", loan1, loan2),
      count("select count(*) from repayment_installment where loan_id in (?, ?)", loan1, loan2),
      count("select count(*) from repayment_payment where loan_id in (?, ?)", loan1, loan2)
    };
  }

  @Test
  void anotherAreasOfficerIsRefusedAndAnOversizeFileIsNotRead() throws Exception {
    throttle.liftAll();
    roles.ensureProvince(areas.province("95").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    TestPeople.of(engine)
        .user("import2301")
        .password(PASSWORD)
        .member(Roles.districtOfficers("2301"));
    TestPeople.of(engine).user("import95").password(PASSWORD).member(Roles.provinceOfficers("95"));
    AppSession stranger = AppSession.login(port, "import2301", PASSWORD);
    assertThat(stranger.get("/onboarding?province=95").statusCode()).isEqualTo(403);
    String token = AppSession.csrfToken(stranger.get("/home").body());
    HttpResponse<String> posted =
        upload(stranger, token, "members", "x.csv", PortfolioTemplates.csv(PortfolioKind.MEMBERS));
    assertThat(posted.statusCode()).isEqualTo(403);

    AppSession officer = AppSession.login(port, "import95", PASSWORD);
    assertThat(officer.get("/home").body()).contains("/onboarding?province=95");
    String page = officer.get("/onboarding?province=95").body();
    assertThat(page)
        .contains("นำเข้าข้อมูลเดิมของจังหวัด<span>ยะลา</span>")
        .contains("/onboarding/templates/loans.xlsx");
    assertThat(officer.bytes("/onboarding/templates/payments.csv").body())
        .startsWith(PortfolioTemplates.csv(PortfolioKind.PAYMENTS));
    String officerToken = AppSession.csrfToken(page);
    HttpResponse<String> previewed =
        upload(
            officer,
            officerToken,
            "members",
            "m.csv",
            (String.join(",", PortfolioKind.MEMBERS.columns())
                    + "\n"
                    + member(1).replace(SUB, "999999")
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(previewed.statusCode()).isEqualTo(200);
    assertThat(previewed.body())
        .contains("ไม่นำเข้า: พบข้อผิดพลาด")
        .contains("ไม่มีในทะเบียนตำบล")
        .doesNotContain("id=\"apply-form\"");
    HttpResponse<String> fine =
        upload(
            officer,
            officerToken,
            "members",
            "m.csv",
            (String.join(",", PortfolioKind.MEMBERS.columns()) + "\n" + member(5) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(fine.body()).contains("ตรวจแล้ว ไม่พบข้อผิดพลาด").contains("id=\"apply-form\"");
    assertThat(count("select count(*) from member where national_id = ?", nid(5))).isZero();
    String applyToken = fine.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> applied =
        officer.post(
            "/onboarding?province=95",
            "/onboarding/apply",
            Map.of("province", "95", "token", applyToken));
    assertThat(applied.body()).contains("นำเข้าแล้ว");
    assertThat(count("select count(*) from member where national_id = ?", nid(5))).isEqualTo(1);

    byte[] big = new byte[3 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<String> oversize = upload(officer, officerToken, "payments", "big.csv", big);
    assertThat(oversize.statusCode()).isEqualTo(413);
    assertThat(oversize.body()).contains("เกิน 2 เมกะไบต์");

    // over REST: the file as the body, up to 20 MB; another area's officer is refused, an oversize
    // body is not read
    String sample = String.join(",", PortfolioKind.MEMBERS.columns()) + "\n" + member(6) + "\n";
    assertThat(
            rest(
                    "import2301",
                    "members?province=95&apply=true",
                    sample.getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> viaRest =
        rest("import95", "members?province=95&apply=true", sample.getBytes(StandardCharsets.UTF_8));
    assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(200);
    assertThat(viaRest.body()).contains("\"committed\":true");
    HttpResponse<String> tooBig =
        rest("import95", "payments?province=95", new byte[21 * 1024 * 1024]);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body()).contains("เกิน 20 เมกะไบต์");
  }

  HttpResponse<String> rest(String user, String path, byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/onboarding/" + path))
                .header("Authorization", AppSession.basic(user, PASSWORD))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(
      AppSession session, String csrf, String kind, String name, byte[] content) throws Exception {
    String boundary = "----import" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"_csrf", csrf}, {"province", "95"}, {"kind", kind}}) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field[0]
                  + "\"\r\n\r\n"
                  + field[1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return session.send(
        "/onboarding/preview",
        r ->
            r.header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * Members are written in chunks of {@link PortfolioImport#MEMBER_CHUNK} (one look-up, one batched
   * insert): a national ID twice in one chunk or in two chunks, or already registered, is added
   * once and counted as existing; a refused row in the last chunk still rolls back every chunk.
   */
  @Test
  void membersAreWrittenInChunksAndCountedOnce() throws IOException {
    int n = PortfolioImport.MEMBER_CHUNK * 2 + 100;
    imports.apply(PortfolioKind.MEMBERS, csv(PortfolioKind.MEMBERS, member(5)), officer95, today);
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(member(i));
    }
    rows.add(3, member(1)); // same chunk
    rows.add(PortfolioImport.MEMBER_CHUNK + 50, member(2)); // the next chunk
    String[] lines = rows.toArray(String[]::new);

    List<String> bad = new ArrayList<>(rows);
    bad.add("1234,ไม่ถูกต้อง," + d(-9000) + "," + d(-100) + "," + SUB);
    Report refused =
        imports.apply(
            PortfolioKind.MEMBERS,
            csv(PortfolioKind.MEMBERS, bad.toArray(String[]::new)),
            officer95,
            today);
    assertThat(refused.committed()).isFalse();
    assertThat(registered(n)).isEqualTo(1);

    Report r =
        imports.apply(PortfolioKind.MEMBERS, csv(PortfolioKind.MEMBERS, lines), officer95, today);
    assertThat(r.problems()).isEmpty();
    assertThat(r.committed()).isTrue();
    assertThat(List.of(r.rows(), r.added(), r.existing()))
        .containsExactly((long) n + 2, (long) n - 1, 3L);
    assertThat(registered(n)).isEqualTo(n);

    Report again =
        imports.apply(PortfolioKind.MEMBERS, csv(PortfolioKind.MEMBERS, lines), officer95, today);
    assertThat(List.of(again.added(), again.existing())).containsExactly(0L, (long) n + 2);
    assertThat(registered(n)).isEqualTo(n);
  }

  long registered(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(nid(i));
    }
    return jdbc.sql(
            "select count(*) from member where national_id in ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                + ")")
        .params(ids)
        .query(Long.class)
        .single();
  }
}
