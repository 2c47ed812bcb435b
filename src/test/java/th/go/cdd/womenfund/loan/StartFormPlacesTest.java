package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Issue 17: the loan application's start form, as the REST API hands it to each person, offers the
 * group's place as choices: her district's sub-districts by Thai name, district then sub-district
 * for an officer of several districts, the typed code for an administrator. The server still
 * refuses a sub-district outside her districts. Krabi (81) keeps these people apart from the other
 * tests.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StartFormPlacesTest {

  static final String PASSWORD = "places-test-password";
  static final String DISTRICT = "8101";
  static final String OTHER_DISTRICT = "8102";
  static final String FORM =
      "/engine-rest/process-definition/key/" + LoanApplicationProcess.KEY + "/deployed-start-form";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @BeforeEach
  void people() {
    throttle.liftAll();
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureDistrict(areas.district(OTHER_DISTRICT).orElseThrow());
    user("places" + DISTRICT, Roles.districtOfficers(DISTRICT));
    user("places-both81", Roles.districtOfficers(DISTRICT), Roles.districtOfficers(OTHER_DISTRICT));
    user("places-committee" + DISTRICT, Roles.districtCommittee(DISTRICT));
  }

  void user(String id, String... groups) {
    TestPeople.of(engine).user(id).password(PASSWORD).email(id + "@example.org").member(groups);
  }

  @Test
  void aDistrictOfficerChoosesAmongHerDistrictsSubDistrictsByThaiName() throws Exception {
    JsonNode field = field(form("places" + DISTRICT), Var.SUB_DISTRICT_CODE);
    assertThat(field.path("type").asText()).isEqualTo("select");
    assertThat(field.has("valuesKey")).isFalse();
    List<SubDistrict> own = areas.subDistrictsOf(DISTRICT);
    assertThat(own).hasSizeGreaterThan(3);
    List<String> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    field
        .path("values")
        .forEach(
            v -> {
              values.add(v.path("value").asText());
              labels.add(v.path("label").asText());
            });
    assertThat(values).containsExactlyElementsOf(own.stream().map(SubDistrict::code).toList());
    assertThat(labels).containsExactlyElementsOf(own.stream().map(SubDistrict::nameTh).toList());
    assertThat(labels).allSatisfy(l -> assertThat(l).matches(".*[ก-๙].*"));
    // the district choice stays hidden for her: one district, nothing to choose
    assertThat(
            field(form("places" + DISTRICT), StartFormPlaces.DISTRICT_FIELD)
                .path("conditional")
                .path("hide")
                .asText())
        .isEqualTo("=true");
  }

  @Test
  void anOfficerOfSeveralDistrictsChoosesTheDistrictThenItsSubDistrict() throws Exception {
    JsonNode form = form("places-both81");
    JsonNode district = field(form, StartFormPlaces.DISTRICT_FIELD);
    assertThat(district.has("conditional")).isFalse();
    List<String> districts = new ArrayList<>();
    district.path("values").forEach(v -> districts.add(v.path("value").asText()));
    assertThat(districts).containsExactly(DISTRICT, OTHER_DISTRICT);
    String expression = field(form, Var.SUB_DISTRICT_CODE).path("valuesExpression").asText();
    assertThat(expression)
        .startsWith("=get value({")
        .endsWith(", " + StartFormPlaces.DISTRICT_FIELD + ")")
        .contains(
            "\""
                + OTHER_DISTRICT
                + "\": [{label: \""
                + areas.subDistrictsOf(OTHER_DISTRICT).get(0).nameTh()
                + "\", value: \""
                + areas.subDistrictsOf(OTHER_DISTRICT).get(0).code()
                + "\"}");
  }

  @Test
  void anAdministratorTypesTheCodeAndOthersGetNoChoice() throws Exception {
    assertThat(
            field(form("admin", "test-only-admin-password"), Var.SUB_DISTRICT_CODE)
                .path("type")
                .asText())
        .isEqualTo("textfield");
    JsonNode none = field(form("places-committee" + DISTRICT), Var.SUB_DISTRICT_CODE);
    assertThat(none.path("values").size()).isZero();
  }

  @Test
  void aSubDistrictOfAnotherDistrictSentByHandIsStillRefusedInThai() throws Exception {
    String foreign = areas.subDistrictsOf(OTHER_DISTRICT).get(0).code();
    Map<String, Object> application =
        DemoApplications.application(
            60, "กลุ่มทดสอบตำบลนอกอำเภอ", foreign, LocalDate.now(ThaiDates.BANGKOK));
    Map<String, Object> typed = new LinkedHashMap<>();
    application.forEach(
        (k, v) ->
            typed.put(
                k,
                Map.of(
                    "value",
                    v,
                    "type",
                    v instanceof Boolean
                        ? "Boolean"
                        : v instanceof Long || v instanceof Integer ? "Long" : "String")));
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> r =
        rest.withBasicAuth("places" + DISTRICT, PASSWORD)
            .exchange(
                "/engine-rest/process-definition/key/"
                    + LoanApplicationProcess.KEY
                    + "/submit-form",
                HttpMethod.POST,
                new HttpEntity<>(JSON.writeValueAsString(Map.of("variables", typed)), h),
                String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(400, 403);
    assertThat(r.getBody()).matches("(?s).*[ก-๙].*").doesNotContain("\tat ");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .variableValueEquals(Var.GROUP_NAME, "กลุ่มทดสอบตำบลนอกอำเภอ")
                .count())
        .isZero();
  }

  /**
   * The forms offer only the relations the server accepts, but curl can send any text: a row whose
   * relation is not one of them is refused in Thai naming the row and the accepted choices, and
   * nothing starts.
   */
  @Test
  void aRowsRelationOutsideTheChoicesSentByHandIsRefusedNamingTheRow() throws Exception {
    String groupName = "กลุ่มทดสอบความสัมพันธ์นอกตัวเลือก " + System.nanoTime();
    Map<String, Object> application =
        DemoApplications.application(
            63,
            groupName,
            areas.subDistrictsOf(DISTRICT).get(0).code(),
            LocalDate.now(ThaiDates.BANGKOK));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : ((String) application.remove(Var.BORROWERS)).lines().toList()) {
      String[] b = line.split(", ");
      Map<String, String> row = new LinkedHashMap<>();
      row.put(LoanApplicationProcess.BorrowerRow.NATIONAL_ID, b[0]);
      row.put(LoanApplicationProcess.BorrowerRow.AMOUNT, b[4]);
      row.put(
          LoanApplicationProcess.BorrowerRow.ACK_RELATION, rows.size() == 1 ? "เพื่อน" : "บุตร");
      row.put(LoanApplicationProcess.BorrowerRow.ACK_NAME, "นายทดสอบ รับทราบ");
      row.put(LoanApplicationProcess.BorrowerRow.ACK_DATE, "01/11/2569");
      rows.add(row);
    }
    application.remove(Var.FAMILY_ACKNOWLEDGEMENTS);
    Map<String, Object> typed = new LinkedHashMap<>();
    application.forEach(
        (k, v) ->
            typed.put(
                k,
                Map.of(
                    "value",
                    v,
                    "type",
                    v instanceof Boolean
                        ? "Boolean"
                        : v instanceof Long || v instanceof Integer ? "Long" : "String")));
    // as Tasklist sends a dynamic list
    typed.put(Var.BORROWER_ROWS, Map.of("value", JSON.writeValueAsString(rows), "type", "Json"));
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> r =
        rest.withBasicAuth("places" + DISTRICT, PASSWORD)
            .exchange(
                "/engine-rest/process-definition/key/"
                    + LoanApplicationProcess.KEY
                    + "/submit-form",
                HttpMethod.POST,
                new HttpEntity<>(JSON.writeValueAsString(Map.of("variables", typed)), h),
                String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(400, 422);
    assertThat(r.getBody())
        .contains("แถวที่ 2 ความสัมพันธ์ของผู้รับทราบ: ต้องเป็น " + FamilyRelation.choicesTh())
        .doesNotContain("แถวที่ 1 ความสัมพันธ์")
        .doesNotContain("\tat ");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .variableValueEquals(Var.GROUP_NAME, groupName)
                .count())
        .isZero();
  }

  /** A loan application in {@code subDistrict}, started as an officer of {@link #DISTRICT}. */
  String startAsOfficer(int n, String groupName, String subDistrict, java.time.LocalDate today) {
    engine
        .getIdentityService()
        .setAuthentication("places" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              LoanApplicationProcess.KEY,
              DemoApplications.application(n, groupName + System.nanoTime(), subDistrict, today))
          .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * The fix task's form, as the REST API hands it to her, offers the same choices, and the stored
   * sub-district is one of them (so the select shows it when she re-opens the task); another task's
   * form passes untouched; an officer of several districts (the fix form has no district field)
   * chooses among all their sub-districts, each named with its district.
   */
  @Test
  void theFixTaskFormOffersTheSameChoicesWithTheStoredOneAmongThem() throws Exception {
    List<SubDistrict> own = areas.subDistrictsOf(DISTRICT);
    String stored = own.get(2).code();
    java.time.LocalDate today = th.go.cdd.womenfund.system.EngineClock.today();
    String pid = startAsOfficer(61, "กลุ่มทดสอบแก้ไขตำบล ", stored, today);
    // the endorsement task's form is not a place form: untouched
    String endorsement = taskOf(pid);
    JsonNode raw;
    try (java.io.InputStream in = engine.getFormService().getDeployedTaskForm(endorsement)) {
      raw = JSON.readTree(in);
    }
    assertThat(taskForm(endorsement, "places" + DISTRICT)).isEqualTo(raw);

    DemoApplications.advance(engine, pid, DISTRICT, "fix", today);
    engine.getIdentityService().clearAuthentication();
    String fix = taskOf(pid);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(fix)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(LoanApplicationProcess.Element.FIX_APPLICATION);
    for (String path :
        new String[] {
          // Tasklist's path (/camunda/api/engine/…/task/{id}/deployed-form) needs its session:
          // EnglishBrowserKeyingTest re-opens the fix task there and sees the stored choice
          "/engine-rest/task/" + fix + "/deployed-form"
        }) {
      ResponseEntity<String> r =
          rest.withBasicAuth("places" + DISTRICT, PASSWORD).getForEntity(path, String.class);
      assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
      JsonNode form = JSON.readTree(r.getBody());
      assertThat(form.path("id").asText()).isEqualTo(StartFormPlaces.FIX_FORM_ID);
      JsonNode field = field(form, Var.SUB_DISTRICT_CODE);
      assertThat(field.path("type").asText()).as(path).isEqualTo("select");
      assertThat(field.has("valuesKey")).isFalse();
      List<String> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      field
          .path("values")
          .forEach(
              v -> {
                values.add(v.path("value").asText());
                labels.add(v.path("label").asText());
              });
      assertThat(values).containsExactlyElementsOf(own.stream().map(SubDistrict::code).toList());
      assertThat(labels).containsExactlyElementsOf(own.stream().map(SubDistrict::nameTh).toList());
      assertThat(values).contains(stored);
    }
    assertThat(engine.getRuntimeService().getVariable(pid, Var.SUB_DISTRICT_CODE))
        .isEqualTo(stored);

    // an officer of two districts: every sub-district of both, named with its district
    JsonNode both = taskForm(fix, "places-both81");
    JsonNode field = field(both, Var.SUB_DISTRICT_CODE);
    assertThat(field.path("type").asText()).isEqualTo("select");
    List<String> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    field
        .path("values")
        .forEach(
            v -> {
              values.add(v.path("value").asText());
              labels.add(v.path("label").asText());
            });
    List<String> expected = new ArrayList<>(own.stream().map(SubDistrict::code).toList());
    expected.addAll(areas.subDistrictsOf(OTHER_DISTRICT).stream().map(SubDistrict::code).toList());
    assertThat(values).containsExactlyElementsOf(expected).contains(stored);
    String otherName = areas.district(OTHER_DISTRICT).orElseThrow().nameTh();
    assertThat(labels)
        .contains(areas.subDistrictsOf(OTHER_DISTRICT).get(0).nameTh() + " อำเภอ" + otherName);
  }

  /**
   * The fix task sent by hand through the REST API, as the officer herself (submit-form and
   * complete): a sub-district of a district she does not work in is refused in Thai (400/422, no
   * stack trace); so is one of her other district for an officer of two (a fix cannot move the
   * application). The task stays open, the process variables and the loan's record are as before.
   */
  @Test
  void theFixTaskRefusesASubDistrictOfAnotherDistrictSentByHand() throws Exception {
    String stored = areas.subDistrictsOf(DISTRICT).get(1).code();
    java.time.LocalDate today = th.go.cdd.womenfund.system.EngineClock.today();
    String pid = startAsOfficer(62, "กลุ่มทดสอบแก้ไขข้ามอำเภอ ", stored, today);
    DemoApplications.advance(engine, pid, DISTRICT, "fix", today);
    engine.getIdentityService().clearAuthentication();
    String fix = taskOf(pid);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(fix)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(LoanApplicationProcess.Element.FIX_APPLICATION);
    long loanId = ((Number) engine.getRuntimeService().getVariable(pid, Var.LOAN_ID)).longValue();
    Map<String, Object> variables = engine.getRuntimeService().getVariables(pid);
    Map<String, Object> record = loanRecord(loanId);
    assertThat(record.get("SUB").toString()).isEqualTo(stored);

    String foreign = areas.subDistrictsOf("8103").get(0).code(); // no one here works in 8103
    String ownOther = areas.subDistrictsOf(OTHER_DISTRICT).get(0).code();
    String[][] attacks = {
      {"places" + DISTRICT, "submit-form", foreign},
      {"places" + DISTRICT, "complete", foreign},
      {"places-both81", "submit-form", ownOther},
      {"places-both81", "complete", foreign}
    };
    for (String[] attack : attacks) {
      HttpHeaders h = new HttpHeaders();
      h.setContentType(MediaType.APPLICATION_JSON);
      Map<String, Object> body =
          Map.of(
              "variables",
              Map.of(Var.SUB_DISTRICT_CODE, Map.of("value", attack[2], "type", "String")));
      ResponseEntity<String> r =
          rest.withBasicAuth(attack[0], PASSWORD)
              .exchange(
                  "/engine-rest/task/" + fix + "/" + attack[1],
                  HttpMethod.POST,
                  new HttpEntity<>(JSON.writeValueAsString(body), h),
                  String.class);
      String what = String.join(" ", attack) + ": " + r.getBody();
      assertThat(r.getStatusCode().value()).as(what).isIn(400, 422);
      assertThat(r.getBody())
          .as(what)
          .contains("ย้ายคำขอไปตำบลของอำเภออื่นไม่ได้")
          .doesNotContain("\tat ");
      assertThat(engine.getTaskService().createTaskQuery().taskId(fix).count()).as(what).isOne();
      assertThat(engine.getRuntimeService().getVariables(pid)).as(what).isEqualTo(variables);
      assertThat(loanRecord(loanId)).as(what).isEqualTo(record);
    }
    // the same call with another sub-district of her own district goes through
    String moved = areas.subDistrictsOf(DISTRICT).get(2).code();
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> ok =
        rest.withBasicAuth("places" + DISTRICT, PASSWORD)
            .exchange(
                "/engine-rest/task/" + fix + "/submit-form",
                HttpMethod.POST,
                new HttpEntity<>(
                    JSON.writeValueAsString(
                        Map.of(
                            "variables",
                            Map.of(
                                Var.SUB_DISTRICT_CODE, Map.of("value", moved, "type", "String")))),
                    h),
                String.class);
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isIn(200, 204);
    assertThat(loanRecord(loanId).get("SUB").toString()).isEqualTo(moved);
  }

  Map<String, Object> loanRecord(long loanId) {
    return jdbc.sql(
            "select l.district_code as district, l.status as status, l.updated_at as updated,"
                + " g.sub_district_code as sub, g.name as name from loan_project l"
                + " join women_group g on g.id = l.group_id where l.id = ?")
        .param(loanId)
        .query()
        .singleRow();
  }

  String taskOf(String pid) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
  }

  JsonNode taskForm(String taskId, String user) throws Exception {
    ResponseEntity<String> r =
        rest.withBasicAuth(user, PASSWORD)
            .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return JSON.readTree(r.getBody());
  }

  /**
   * The routes the filter wraps (the deployed start form on {@code /engine-rest} and on the
   * webapps' engine API, and the form's submission) keep the body limit ({@code womenfund.limits},
   * 512 KB there): a declared length over it is answered 413 in Thai before a byte of the body is
   * sent (the answer comes while the client still holds the body back), and a chunked body is read
   * no further than the limit.
   */
  @Test
  void aBodyOverTheLimitIsRefusedWith413InThaiBeforeItIsRead() throws Exception {
    String auth = basic("places" + DISTRICT);
    long before = startedByOfficer();
    long over = 512 * 1024 + 1;
    String webappForm =
        "/camunda/api/engine/engine/default/process-definition/key/"
            + LoanApplicationProcess.KEY
            + "/deployed-start-form";
    String submit =
        "/engine-rest/process-definition/key/" + LoanApplicationProcess.KEY + "/submit-form";
    for (String[] route :
        new String[][] {{"GET", FORM}, {"GET", webappForm}, {"POST", submit}, {"PUT", FORM}}) {
      String answer = withheldBody(route[0], route[1], auth, over);
      assertThat(answer).as(route[0] + " " + route[1]).startsWith("HTTP/1.1 413");
      assertThat(answer).contains("ข้อมูลที่ส่งมามีขนาดเกิน 512 กิโลไบต์");
    }
    String chunked = chunkedBody(submit, auth, 3 * 1024 * 1024);
    assertThat(chunked).startsWith("HTTP/1.1 413").contains("ข้อมูลที่ส่งมามีขนาดเกิน");
    assertThat(startedByOfficer()).isEqualTo(before);
    // and the form itself is still served
    assertThat(form("places" + DISTRICT).path("components").size()).isPositive();
  }

  long startedByOfficer() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(LoanApplicationProcess.KEY)
        .startedBy("places" + DISTRICT)
        .count();
  }

  static String basic(String user) {
    return java.util.Base64.getEncoder()
        .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Sends only the head of a request that declares {@code declared} bytes; reads the answer. */
  String withheldBody(String method, String path, String auth, long declared) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              (method
                      + " "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                      + auth
                      + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                      + "Content-Length: "
                      + declared
                      + "\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return answer(socket);
    }
  }

  /** Offers {@code size} bytes of JSON in chunks (stopping when the server closes). */
  String chunkedBody(String path, String auth, int size) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + auth
                  + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      Thread writer =
          new Thread(
              () -> {
                try {
                  byte[] head =
                      "{\"variables\":{\"groupName\":{\"value\":\""
                          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                  byte[] block = new byte[64 * 1024];
                  java.util.Arrays.fill(block, (byte) 'a');
                  chunk(out, head, head.length);
                  for (int sent = head.length; sent < size; sent += block.length) {
                    chunk(out, block, block.length);
                  }
                  out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  out.flush();
                } catch (java.io.IOException closed) {
                  // the server refused and closed: the rest is not wanted
                }
              });
      writer.setDaemon(true);
      writer.start();
      return answer(socket);
    }
  }

  static void chunk(java.io.OutputStream out, byte[] bytes, int n) throws java.io.IOException {
    out.write(
        (Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.write(bytes, 0, n);
    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** The status line, the head and up to 4 KB of the answer's body. */
  static String answer(java.net.Socket socket) throws java.io.IOException {
    java.io.InputStream in = socket.getInputStream();
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int headEnd = -1;
    while (headEnd < 0 || got.size() < headEnd + 40) {
      int n;
      try {
        n = in.read(buffer);
      } catch (java.net.SocketException reset) {
        break;
      }
      if (n < 0) {
        break;
      }
      got.write(buffer, 0, n);
      headEnd = got.toString(java.nio.charset.StandardCharsets.UTF_8).indexOf("\r\n\r\n");
      if (got.size() > 4096) {
        break;
      }
    }
    return got.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  JsonNode form(String user) throws Exception {
    return form(user, PASSWORD);
  }

  JsonNode form(String user, String password) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, password).getForEntity(FORM, String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return JSON.readTree(r.getBody());
  }

  static JsonNode field(JsonNode form, String key) {
    for (JsonNode c : form.path("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key);
  }
}
