package th.go.cdd.womenfund.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.notification.MailOutbox;
import th.go.cdd.womenfund.notification.MailService;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * Bulk provisioning (issue 15): a file of people creates their accounts, groups and rights, and
 * each new person gets a one-time password by mail (GreenMail); a bad row refuses the whole file in
 * Thai with nothing created; the same file again changes nothing and mails nobody; a mail that
 * fails is retried; only administrators may do it. Sukhothai (64) and its districts 6401–6403: no
 * other test uses them.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountProvisioningTest {

  static final String ADMIN_PASSWORD = "test-only-admin-password";
  static final String HEADER = "เลขประจำตัว,ชื่อ,นามสกุล,อีเมล,บทบาท,รหัสพื้นที่\n";
  static final Pattern PASSWORD =
      Pattern.compile("รหัสผ่านครั้งแรก: <strong>([A-Za-z0-9]+)</strong>");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired LoginThrottle throttle;
  @Autowired AccountInvitations invitations;
  @Autowired MailOutbox outbox;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  String run;

  @BeforeEach
  void setUp() {
    throttle.liftAll();
    engine.getIdentityService().unlockUser("admin");
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void tearDown() {
    throttle.liftAll();
  }

  @Test
  void aFileCreatesAccountsWithRightsAndMailsOneTimePasswordsAndASecondRunChangesNothing()
      throws Exception {
    String csv =
        HEADER
            + "su"
            + run
            + "a,สมศรี,ใจดี,su"
            + run
            + "a@example.go.th,เจ้าหน้าที่อำเภอ,6401\n"
            + "su"
            + run
            + "b,มาลี,มีสุข,su"
            + run
            + "b@example.go.th,ผู้บังคับบัญชาจังหวัด,64\n"
            + "su"
            + run
            + "c,บุญมี,ศรีสุข,su"
            + run
            + "c@example.go.th,department,\n";
    HttpResponse<String> first =
        api(
            csv.getBytes(StandardCharsets.UTF_8),
            "text/csv; charset=UTF-8",
            "admin",
            ADMIN_PASSWORD);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"created\":3")
        .contains("\"mailsSent\":3")
        .contains("\"mailsPending\":0");

    User officer =
        engine.getIdentityService().createUserQuery().userId("su" + run + "a").singleResult();
    assertThat(officer.getFirstName()).isEqualTo("สมศรี");
    assertThat(officer.getEmail()).isEqualTo("su" + run + "a@example.go.th");
    assertThat(groupsOf("su" + run + "a")).containsExactly(Roles.districtOfficers("6401"));
    assertThat(groupsOf("su" + run + "b")).containsExactly(Roles.provinceSupervisors("64"));
    assertThat(groupsOf("su" + run + "c")).containsExactly(Roles.DEPARTMENT);
    // the groups exist with their roles' rights
    assertThat(
            engine
                .getIdentityService()
                .createGroupQuery()
                .groupId(Roles.districtCommittee("6401"))
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .groupIdIn(Roles.provinceSupervisors("64"))
                .resourceType(Resources.APPLICATION)
                .resourceId("cockpit")
                .count())
        .isEqualTo(1);

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(3);
    MimeMessage toOfficer =
        List.of(mails).stream()
            .filter(m -> recipient(m).equals("su" + run + "a@example.go.th"))
            .findFirst()
            .orElseThrow();
    assertThat(toOfficer.getSubject()).isEqualTo(AccountInvitations.SUBJECT);
    String body = body(toOfficer);
    Matcher m = PASSWORD.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    String password = m.group(1);
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    // she signs in with it (and must choose her own first: OneTimePasswordTest); the outbox (and
    // so /app/mail) never kept it
    assertThat(AppSession.login(port, "su" + run + "a", password).get("/home").statusCode())
        .isEqualTo(302);
    assertThat(outbox.latest("su" + run + "a@example.go.th", 5))
        .singleElement()
        .satisfies(
            stored ->
                assertThat(stored.bodyHtml())
                    .contains(MailService.NOT_KEPT)
                    .doesNotContain(password));

    HttpResponse<String> again =
        api(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "admin", ADMIN_PASSWORD);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body())
        .contains("\"created\":0")
        .contains("\"unchanged\":3")
        .contains("\"mailsSent\":0");
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(AppSession.login(port, "su" + run + "a", password).get("/home").statusCode())
        .isEqualTo(302);
  }

  @Test
  void badRowsAreRefusedInThaiNamingRowAndColumnAndNothingIsCreated() throws Exception {
    String csv =
        HEADER
            + "bad"
            + run
            + "a,สมศรี,ใจดี,bad"
            + run
            + "a@example.go.th,เจ้าหน้าที่อำเภอ,6402\n"
            + "bad"
            + run
            + "b,มาลี,มีสุข,not-an-address,เจ้าหน้าที่อำเภอ,6402\n"
            + "bad"
            + run
            + "c,บุญมี,,bad"
            + run
            + "c@example.go.th,หัวหน้าฝ่าย,6402\n"
            + "bad"
            + run
            + "d,ประไพ,ศรีสุข,bad"
            + run
            + "d@example.go.th,เจ้าหน้าที่จังหวัด,6402\n"
            + "bad"
            + run
            + "a,สุดา,แก้วมณี,bad"
            + run
            + "e@example.go.th,อนุกรรมการอำเภอ,9999\n"
            + "ผู้ใช้ไทย,วันเพ็ญ,ทองคำ,bad"
            + run
            + "f@example.go.th,กรมการพัฒนาชุมชน,64\n";
    HttpResponse<String> r =
        api(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "admin", ADMIN_PASSWORD);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .contains("แถวที่ 3 คอลัมน์ อีเมล: \\\"not-an-address\\\" ไม่ใช่อีเมลที่ถูกต้อง")
        .contains("แถวที่ 4 คอลัมน์ นามสกุล: ต้องกรอก")
        .contains("แถวที่ 4 คอลัมน์ บทบาท: ไม่รู้จัก \\\"หัวหน้าฝ่าย\\\"")
        .contains("แถวที่ 5 คอลัมน์ รหัสพื้นที่: ไม่พบจังหวัดรหัส \\\"6402\\\"")
        .contains("แถวที่ 6 คอลัมน์ เลขประจำตัว: \\\"bad" + run + "a\\\" ซ้ำกับแถวที่ 2")
        .contains("แถวที่ 6 คอลัมน์ รหัสพื้นที่: ไม่พบอำเภอรหัส \\\"9999\\\"")
        .contains("แถวที่ 7 คอลัมน์ เลขประจำตัว")
        .contains("แถวที่ 7 คอลัมน์ รหัสพื้นที่: บทบาท กรมการพัฒนาชุมชน ไม่มีรหัสพื้นที่")
        .contains("\"created\":0")
        .doesNotContain("Exception");
    // not even the good row: all or nothing
    assertThat(
            engine
                .getIdentityService()
                .createUserQuery()
                .userIdIn("bad" + run + "a", "bad" + run + "b")
                .count())
        .isZero();
    assertThat(
            engine
                .getIdentityService()
                .createGroupQuery()
                .groupId(Roles.districtOfficers("6402"))
                .count())
        .isZero();
    assertThat(invitations.pending()).noneMatch(p -> p.userId().startsWith("bad" + run));
    assertThat(smtp.getReceivedMessages()).isEmpty();

    HttpResponse<String> noHeader =
        api(
            "ชื่อ,อีเมล\nสมศรี,a@b.th\n".getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "admin",
            ADMIN_PASSWORD);
    assertThat(noHeader.statusCode()).isEqualTo(422);
    assertThat(noHeader.body())
        .contains("แถวแรกของไฟล์ไม่มีคอลัมน์ เลขประจำตัว, นามสกุล, บทบาท, รหัสพื้นที่");
  }

  @Test
  void aFileOverTheRowLimitIsRefusedBeforeAnythingIsChecked() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i <= AccountFile.MAX_ROWS; i++) {
      csv.append("big")
          .append(run)
          .append(i)
          .append(",ก,ข,big")
          .append(i)
          .append("@example.go.th,เจ้าหน้าที่อำเภอ,6403\n");
    }
    HttpResponse<String> r =
        api(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "admin", ADMIN_PASSWORD);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("ไฟล์มีรายชื่อเกิน 2000 คนต่อครั้ง");
    assertThat(engine.getIdentityService().createUserQuery().userId("big" + run + "0").count())
        .isZero();
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413BeforeItIsRead() throws Exception {
    byte[] big = new byte[3 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<String> r = api(big, "text/csv", "admin", ADMIN_PASSWORD);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("ข้อมูลที่ส่งมามีขนาดเกิน");
  }

  @Test
  void theAdministratorUploadsAnXlsxOnThePageAndAFailedMailIsRetried() throws Exception {
    byte[] xlsx =
        xlsx(
            List.of(
                List.of("เลขประจำตัว", "ชื่อ", "นามสกุล", "อีเมล", "บทบาท", "รหัสพื้นที่"),
                List.of(
                    "xl" + run,
                    "วิไล",
                    "รักษ์ตราด",
                    "xl" + run + "@example.go.th",
                    "อนุกรรมการอำเภอ",
                    "6403")));
    smtp.stop();
    AppSession admin = AppSession.login(port, "admin", ADMIN_PASSWORD);
    HttpResponse<String> page = admin.get("/admin/accounts");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("เพิ่มผู้ใช้จากไฟล์").contains("รหัสพื้นที่");
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).isTrue();
    String boundary = "----wf" + run;
    byte[] body =
        multipart(boundary, "people.xlsx", AccountProvisioningApi.XLSX, xlsx, token.group(1));
    HttpResponse<String> posted =
        admin.send(
            "/admin/accounts",
            b ->
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    HttpResponse<String> after = admin.get("/admin/accounts");
    assertThat(after.body())
        .contains("สร้างผู้ใช้ใหม่ <span>1</span> คน")
        .contains("xl" + run + "@example.go.th");
    assertThat(groupsOf("xl" + run)).containsExactly(Roles.districtCommittee("6403"));
    // the mail server was down: the invitation waits, counted, and goes out on the next pass
    assertThat(invitations.pending())
        .anySatisfy(
            p -> {
              assertThat(p.userId()).isEqualTo("xl" + run);
              assertThat(p.attempts()).isEqualTo(1);
            });
    assertThat(invitations.isSent("xl" + run)).isFalse();
    smtp.start();
    invitations.sendPending();
    assertThat(invitations.isSent("xl" + run)).isTrue();
    assertThat(smtp.getReceivedMessages())
        .singleElement()
        .satisfies(mail -> assertThat(recipient(mail)).isEqualTo("xl" + run + "@example.go.th"));
    invitations.sendPending();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anOfficerCannotProvision() throws Exception {
    roles.ensureDistrict(areas.district("6401").orElseThrow());
    String officer = "suoff" + run;
    User u = engine.getIdentityService().newUser(officer);
    u.setPassword("officer-test-password");
    u.setFirstName("ทองใบ");
    u.setLastName("ทดสอบ");
    engine.getIdentityService().saveUser(u);
    engine.getIdentityService().createMembership(officer, Roles.districtOfficers("6401"));
    String csv =
        HEADER
            + "esc"
            + run
            + ",สมหญิง,ยึดสิทธิ์,esc"
            + run
            + "@example.go.th,เจ้าหน้าที่จังหวัด,64\n";
    HttpResponse<String> r =
        api(csv.getBytes(StandardCharsets.UTF_8), "text/csv", officer, "officer-test-password");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("สำหรับผู้ดูแลระบบเท่านั้น");
    AppSession session = AppSession.login(port, officer, "officer-test-password");
    assertThat(session.get("/admin/accounts").statusCode()).isEqualTo(403);
    assertThat(session.post("/home", "/admin/accounts/resend", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("esc" + run).count()).isZero();
  }

  private HttpResponse<String> api(byte[] file, String type, String user, String password)
      throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/admin/accounts/import"))
                .header("Authorization", basic)
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) throws Exception {
    return new String(
        MimeUtility.decode(m.getInputStream(), "binary").readAllBytes(), StandardCharsets.UTF_8);
  }

  private static byte[] xlsx(List<List<String>> rows) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("ผู้ใช้");
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i);
        for (int c = 0; c < rows.get(i).size(); c++) {
          row.createCell(c).setCellValue(rows.get(i).get(c));
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] multipart(
      String boundary, String fileName, String type, byte[] content, String csrf) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
