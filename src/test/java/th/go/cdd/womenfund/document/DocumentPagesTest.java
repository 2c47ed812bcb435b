package th.go.cdd.womenfund.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Documents on the demo's Trat restructuring round (issue 16, item 5): the district that prepares
 * its package attaches a PDF and a JPEG and downloads them; a wrong type (an .exe renamed .pdf,
 * HTML named .jpg), an oversize file and the EICAR test file are refused in Thai with nothing
 * stored; another district gets the same answer as for a document that does not exist; the
 * province's spreadsheet for the Department lists the papers.
 */
@DemoContext
class DocumentPagesTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired InstanceScopes scopes;
  @Autowired DocumentRepository documents;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
  }

  /** The package instance of a district in the demo's round. */
  String packageOf(String district) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(RestructuringProcess.PACKAGE_KEY)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .filter(id -> scopes.of(id).map(s -> district.equals(s.districtCode())).orElse(false))
        .findFirst()
        .orElseThrow();
  }

  long count() {
    return documents.count();
  }

  @Test
  void theDistrictAttachesAndDownloadsAnotherDistrictSeesNothing() throws Exception {
    String pid = packageOf("2301"); // เมืองตราด: still preparing its package
    AppSession officer = AppSession.login(port, "officer2301", DemoContext.PASSWORD);
    String list = officer.get("/documents").body();
    assertThat(list).contains("/documents/instance/" + pid).contains("หนังสือขอปรับโครงสร้างหนี้");
    // the step's form links to this page through a task-local variable the system sets
    var task =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).active().list().get(0);
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), DocumentLinks.VARIABLE))
        .isEqualTo("/documents/instance/" + pid);
    String page = officer.get("/documents/instance/" + pid).body();
    assertThat(page).contains("แนบเอกสาร").contains("RS_REQUEST_LETTER");

    long before = count();
    byte[] pdf = TestFiles.pdf("request letter " + UUID.randomUUID());
    HttpResponse<String> up = upload(officer, pid, "RS_REQUEST_LETTER", "หนังสือขอ.pdf", pdf);
    assertThat(up.statusCode()).isEqualTo(302);
    HttpResponse<String> photo = upload(officer, pid, "RS_ID_CARD", "บัตร.JPG", TestFiles.jpeg());
    assertThat(photo.statusCode()).isEqualTo(302);
    assertThat(count()).isEqualTo(before + 2);

    String after = officer.get("/documents/instance/" + pid).body();
    assertThat(after)
        .contains("หนังสือขอ.pdf")
        .contains("บัตร.jpg")
        .contains("สำเนาบัตรประจำตัวประชาชน");
    long id = idOf(after, "หนังสือขอ.pdf");

    HttpResponse<byte[]> dl = officer.bytes("/documents/" + id);
    assertThat(dl.statusCode()).isEqualTo(200);
    assertThat(dl.body()).isEqualTo(pdf);
    assertThat(dl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(dl.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(dl.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("filename*=UTF-8''");
    StoredDocument stored = documents.find(id).orElseThrow();
    assertThat(stored.sha256()).isEqualTo(DocumentService.sha256(pdf));
    assertThat(stored.recordKind()).isEqualTo(RestructuringProcess.PACKAGE_KEY);
    assertThat(stored.uploadedBy()).isEqualTo("officer2301");

    // the province's supervisor reads them, but attaches nothing
    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    assertThat(supervisor.bytes("/documents/" + id).statusCode()).isEqualTo(200);
    assertThat(supervisor.get("/documents/instance/" + pid).body()).doesNotContain("upload-form");
    assertThat(upload(supervisor, pid, "RS_ID_CARD", "x.pdf", TestFiles.pdf("s")).statusCode())
        .isEqualTo(403);

    // another district: the same answer as for a document or instance that does not exist
    AppSession other = AppSession.login(port, "officer2302", DemoContext.PASSWORD);
    HttpResponse<byte[]> foreign = other.bytes("/documents/" + id);
    HttpResponse<byte[]> unknown = other.bytes("/documents/" + (id + 1_000_000));
    assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
    assertThat(text(foreign)).contains(DocumentService.NOT_FOUND).isEqualTo(text(unknown));
    HttpResponse<String> foreignPage = other.get("/documents/instance/" + pid);
    HttpResponse<String> unknownPage = other.get("/documents/instance/no-such-instance");
    assertThat(foreignPage.statusCode()).isEqualTo(404).isEqualTo(unknownPage.statusCode());
    assertThat(foreignPage.body())
        .contains(DocumentService.NOT_FOUND)
        .isEqualTo(unknownPage.body());
    assertThat(other.get("/documents").body()).doesNotContain(pid);
    assertThat(upload(other, pid, "RS_ID_CARD", "x.pdf", TestFiles.pdf("o")).statusCode())
        .isEqualTo(404);
    assertThat(count()).isEqualTo(before + 2);
  }

  @Test
  void wrongTypesOversizeAndEicarAreRefusedInThaiWithNothingStored() throws Exception {
    String pid = packageOf("2303"); // เขาสมิง: still preparing
    AppSession officer = AppSession.login(port, "officer2303", DemoContext.PASSWORD);
    long before = count();

    HttpResponse<String> exe = upload(officer, pid, "RS_ID_CARD", "บัตร.pdf", TestFiles.exe());
    assertThat(exe.statusCode()).isEqualTo(422);
    assertThat(exe.body()).contains("ไม่ใช่ PDF, JPEG หรือ PNG").contains("ไม่ใช่จากชื่อไฟล์");
    // a refusal of her input is headed as such, not as a failure of the system
    assertThat(exe.body()).contains("<span>ข้อมูลไม่ถูกต้อง</span>").doesNotContain("ระบบขัดข้อง");
    HttpResponse<String> html = upload(officer, pid, "RS_ID_CARD", "บัตร.jpg", TestFiles.html());
    assertThat(html.statusCode()).isEqualTo(422);
    assertThat(html.body()).contains("ไม่ใช่ PDF, JPEG หรือ PNG").doesNotContain("<script>alert");

    HttpResponse<String> eicar = upload(officer, pid, "RS_ID_CARD", "scan.pdf", TestFiles.eicar());
    assertThat(eicar.statusCode()).isEqualTo(422);
    assertThat(eicar.body()).contains("ไวรัส").doesNotContain("ระบบขัดข้อง");
    byte[] eicarInPdf = TestFiles.pdf(new String(TestFiles.eicar(), StandardCharsets.US_ASCII));
    assertThat(upload(officer, pid, "RS_ID_CARD", "scan.pdf", eicarInPdf).statusCode())
        .isEqualTo(422);

    // over the document's limit (1.5 MB) but within the request's: refused by the service
    HttpResponse<String> big =
        upload(officer, pid, "RS_ID_CARD", "big.pdf", TestFiles.pdfOfSize(1_700_000));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("ไฟล์มีขนาดเกิน 1.5 เมกะไบต์");
    assertThat(big.body())
        .contains("<span>ไฟล์หรือข้อมูลมีขนาดใหญ่เกินกำหนด</span>")
        .doesNotContain("ระบบขัดข้อง");
    // over the request's limit: refused before the body is read
    HttpResponse<String> huge =
        upload(officer, pid, "RS_ID_CARD", "huge.pdf", TestFiles.pdfOfSize(2_500_000));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("มีขนาดเกิน");

    // a kind of paper this step does not take, and no file at all
    assertThat(upload(officer, pid, "SIGNED_CONTRACT", "c.pdf", TestFiles.pdf("c")).statusCode())
        .isEqualTo(400);
    assertThat(upload(officer, pid, "RS_ID_CARD", "empty.pdf", new byte[0]).statusCode())
        .isEqualTo(400);

    assertThat(count()).isEqualTo(before);
    assertThat(
            jdbc.sql("select count(*) from document where process_instance_id = ?")
                .param(pid)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theSpreadsheetForTheDepartmentListsThePackagesPapers() throws Exception {
    String pid = packageOf("2305"); // แหลมงอบ: sent, the province received it
    InstanceScopes.Scope scope = scopes.of(pid).orElseThrow();
    String name = "มติอนุกรรมการ-" + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
    documents.insert(
        pid,
        scope.processKey(),
        scope.subjectId(),
        "RS_COMMITTEE_RESOLUTION",
        name,
        "application/pdf",
        1234,
        "ab".repeat(32),
        "officer2305",
        EngineClock.now());
    long round =
        jdbc.sql("select max(id) from restructuring_round where province_code = '23'")
            .query(Long.class)
            .single();
    AppSession province = AppSession.login(port, "provofficer23", DemoContext.PASSWORD);
    HttpResponse<byte[]> xlsx =
        province.bytes("/api/restructuring/rounds/RS-23-" + round + "/submission.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    // the round page counts each package's papers and links to them
    assertThat(province.get("/restructuring/rounds/RS-23-" + round).body())
        .contains("href=\"/documents/instance/" + pid + "\"");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheet("เอกสารแนบ");
      assertThat(sheet).isNotNull();
      Optional<Row> row =
          java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
              .filter(r -> r.getCell(2) != null && name.equals(r.getCell(2).getStringCellValue()))
              .findFirst();
      assertThat(row).isPresent();
      assertThat(row.get().getCell(0).getStringCellValue()).isEqualTo("แหลมงอบ");
      assertThat(row.get().getCell(1).getStringCellValue())
          .isEqualTo("มติคณะอนุกรรมการกลั่นกรองฯ อำเภอ");
      assertThat(row.get().getCell(5).getStringCellValue()).isEqualTo("ab".repeat(32));
    }
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static long idOf(String page, String fileName) {
    Matcher m =
        Pattern.compile("href=\"/documents/(\\d+)\">" + Pattern.quote(fileName)).matcher(page);
    assertThat(m.find()).as("a link to " + fileName).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** A browser's multipart post of the page's form, with the CSRF token a page of hers carries. */
  private static HttpResponse<String> upload(
      AppSession session, String pid, String type, String fileName, byte[] content)
      throws Exception {
    Matcher m = CSRF.matcher(session.get("/documents").body());
    assertThat(m.find()).isTrue();
    String boundary = "----womenfund" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "_csrf", m.group(1));
    field(body, boundary, "type", type);
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return session.send(
        "/documents/instance/" + pid,
        r ->
            r.setHeader("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
      throws java.io.IOException {
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }
}
