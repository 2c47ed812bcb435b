package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.RefusedInputException;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Hostile and wrong inputs against the loan start form and the later task forms: every one refused
 * with a Thai message, nothing stored, the task left open. (Markup in free text is refused
 * outright, so nothing can reach Tasklist, a mail or a page unescaped; mails and pages escape
 * anyway.)
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class BadInputCorpusTest {

  static final AtomicInteger REFUSED = new AtomicInteger();
  static final String MB = "ก".repeat(1_000_000);
  static final LocalDate TODAY = EngineClock.today();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  @BeforeEach
  void rights() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
  }

  static String firstId(Map<String, Object> v) {
    return ((String) v.get(Var.BORROWERS)).substring(0, 13);
  }

  static void replaceId(Map<String, Object> v, String replacement) {
    String id = firstId(v);
    v.put(Var.BORROWERS, ((String) v.get(Var.BORROWERS)).replace(id, replacement));
    v.put(
        Var.FAMILY_ACKNOWLEDGEMENTS,
        ((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS)).replace(id, replacement));
  }

  static void firstBorrowerField(Map<String, Object> v, int field, String value) {
    List<String> lines = new ArrayList<>(((String) v.get(Var.BORROWERS)).lines().toList());
    String[] f = lines.get(0).split(",", 5);
    f[field] = " " + value;
    lines.set(0, String.join(",", f));
    v.put(Var.BORROWERS, String.join("\n", lines));
  }

  static void firstAckField(Map<String, Object> v, int field, String value) {
    List<String> lines =
        new ArrayList<>(((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS)).lines().toList());
    String[] f = lines.get(0).split(",", 4);
    f[field] = " " + value;
    lines.set(0, String.join(",", f));
    v.put(Var.FAMILY_ACKNOWLEDGEMENTS, String.join("\n", lines));
  }

  static Arguments c(String name, Consumer<Map<String, Object>> spoil) {
    return Arguments.of(name, spoil);
  }

  static Stream<Arguments> startForms() {
    String wrongCheck = "1103702071812";
    return Stream.of(
        c("ID: wrong check digit", v -> replaceId(v, wrongCheck)),
        c("ID: 12 digits", v -> replaceId(v, "110370207181")),
        c("ID: 14 digits", v -> replaceId(v, "11037020718111")),
        c("ID: letters", v -> replaceId(v, "11037020718A1")),
        c("ID: Thai digits", v -> replaceId(v, "๑๑๐๓๗๐๒๐๗๑๘๑๑")),
        c(
            "ID: leading zero",
            v -> replaceId(v, "0" + "10370207181" + NationalId.checkDigit("010370207181"))),
        c("ID: SQL", v -> replaceId(v, "1' OR '1'='1")),
        c("amount: negative", v -> v.put(Var.REQUESTED_AMOUNT, "-150000")),
        c("amount: zero", v -> v.put(Var.REQUESTED_AMOUNT, "0")),
        c("amount: three decimals", v -> v.put(Var.REQUESTED_AMOUNT, "150000.001")),
        c("amount: overflow", v -> v.put(Var.REQUESTED_AMOUNT, "1000000000000000")),
        c("amount: scientific", v -> v.put(Var.REQUESTED_AMOUNT, "1.5E5")),
        c("amount: Thai digits", v -> v.put(Var.REQUESTED_AMOUNT, "๑๕๐๐๐๐")),
        c("amount: words", v -> v.put(Var.REQUESTED_AMOUNT, "หนึ่งแสนห้าหมื่น")),
        c("amount: 1 MB", v -> v.put(Var.REQUESTED_AMOUNT, MB)),
        c("amount: SQL", v -> v.put(Var.REQUESTED_AMOUNT, "1; DROP TABLE member")),
        c("amount: wrong type (boolean)", v -> v.put(Var.REQUESTED_AMOUNT, true)),
        c("amount: NaN", v -> v.put(Var.REQUESTED_AMOUNT, Double.NaN)),
        c("group name: 1 MB", v -> v.put(Var.GROUP_NAME, MB)),
        c("group name: script", v -> v.put(Var.GROUP_NAME, "<script>alert(1)</script>")),
        c(
            "group name: template injection",
            v -> v.put(Var.GROUP_NAME, "{{constructor.constructor('x')()}}")),
        c("group name: empty", v -> v.put(Var.GROUP_NAME, "   ")),
        c("sub-district: SQL", v -> v.put(Var.SUB_DISTRICT_CODE, "230507' OR '1'='1")),
        c("sub-district: unknown", v -> v.put(Var.SUB_DISTRICT_CODE, "999999")),
        c("sub-district: Thai digits", v -> v.put(Var.SUB_DISTRICT_CODE, "๒๓๐๕๐๗")),
        c("email: invalid", v -> v.put(Var.CONTACT_EMAIL, "not-an-email")),
        c("email: script", v -> v.put(Var.CONTACT_EMAIL, "<img src=x onerror=alert(1)>@x.th")),
        c("phone: letters", v -> v.put(Var.CONTACT_PHONE, "call me maybe")),
        c("purpose: 1 MB", v -> v.put(Var.PURPOSE, MB)),
        c("purpose: HTML", v -> v.put(Var.PURPOSE, "<iframe src=//evil>")),
        c("occupation: not in the list", v -> v.put(Var.OCCUPATION, "'; --")),
        c("frequency: not in the list", v -> v.put(Var.REPAYMENT_FREQUENCY, "WEEKLY")),
        c("term: negative", v -> v.put(Var.TERM_MONTHS, "-12")),
        c("term: text", v -> v.put(Var.TERM_MONTHS, "abc")),
        c("term: wrong type (boolean)", v -> v.put(Var.TERM_MONTHS, true)),
        c("term: too long for the rules", v -> v.put(Var.TERM_MONTHS, 120L)),
        c(
            "term: not whole quarters",
            v -> {
              v.put(Var.TERM_MONTHS, 10L);
              v.put(Var.REPAYMENT_FREQUENCY, "QUARTERLY");
            }),
        c("borrowers: empty", v -> v.put(Var.BORROWERS, "")),
        c(
            "borrowers: 101 lines",
            v -> v.put(Var.BORROWERS, (v.get(Var.BORROWERS) + "\n").repeat(21))),
        c("borrowers: 600-character line", v -> firstBorrowerField(v, 1, "ก".repeat(600))),
        c("borrower: name with HTML", v -> firstBorrowerField(v, 1, "<b>นาง</b>")),
        c("borrower: birth date in Christian era", v -> firstBorrowerField(v, 2, "01/01/1977")),
        c(
            "borrower: birth date in the future",
            v -> firstBorrowerField(v, 2, ThaiDates.formatNumeric(TODAY.plusDays(1)))),
        c("borrower: impossible date", v -> firstBorrowerField(v, 2, "31/02/2520")),
        c("borrower: Thai-digit date", v -> firstBorrowerField(v, 2, "๐๑/๐๑/๒๕๒๐")),
        c("borrower: ISO date", v -> firstBorrowerField(v, 2, "1977-01-01")),
        c(
            "borrower: 14 years old",
            v -> firstBorrowerField(v, 2, ThaiDates.formatNumeric(TODAY.minusYears(14)))),
        c(
            "borrower: 5 months in the area",
            v -> firstBorrowerField(v, 3, ThaiDates.formatNumeric(TODAY.minusMonths(5)))),
        c(
            "borrower: resident since the future",
            v -> firstBorrowerField(v, 3, ThaiDates.formatNumeric(TODAY.plusDays(3)))),
        c("borrower: amount over the per-borrower cap", v -> firstBorrowerField(v, 4, "60000")),
        c(
            "acknowledgement: missing",
            v ->
                v.put(
                    Var.FAMILY_ACKNOWLEDGEMENTS,
                    ((String) v.get(Var.FAMILY_ACKNOWLEDGEMENTS))
                        .lines()
                        .skip(1)
                        .reduce("", (a, b) -> a + b + "\n"))),
        c("acknowledgement: friend", v -> firstAckField(v, 1, "เพื่อน")),
        c(
            "acknowledgement: date in the future",
            v -> firstAckField(v, 3, ThaiDates.formatNumeric(TODAY.plusDays(2)))),
        c("acknowledgement: name with script", v -> firstAckField(v, 2, "<script>x</script>")),
        c(
            "borrowers: duplicate",
            v ->
                v.put(
                    Var.BORROWERS,
                    v.get(Var.BORROWERS)
                        + ((String) v.get(Var.BORROWERS)).lines().findFirst().orElseThrow())),
        c("amounts: do not add up", v -> v.put(Var.REQUESTED_AMOUNT, "1.00")),
        c("not all Thai women", v -> v.put(Var.ALL_THAI_WOMEN, false)),
        c("Thai women: not confirmed", v -> v.remove(Var.ALL_THAI_WOMEN)));
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startForms")
  void theLoanStartFormRefusesInThaiAndStoresNothing(
      String name, Consumer<Map<String, Object>> spoil) {
    long loans = count("loan_project");
    long members = count("member");
    long groups = count("women_group");
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Map<String, Object> vars =
        new HashMap<>(DemoApplications.application(2, "กลุ่มทดสอบข้อมูลผิด", "230507", TODAY));
    spoil.accept(vars);
    engine
        .getIdentityService()
        .setAuthentication("corpus2305", List.of(Roles.districtOfficers("2305")));
    try {
      assertThatThrownBy(
              () ->
                  engine
                      .getRuntimeService()
                      .startProcessInstanceByKey(LoanApplicationProcess.KEY, vars))
          .isInstanceOf(RefusedInputException.class)
          .satisfies(
              e -> assertThat(e.getMessage()).matches("(?s).*[ก-๙].*").hasSizeLessThan(5000));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(count("loan_project")).isEqualTo(loans);
    assertThat(count("member")).isEqualTo(members);
    assertThat(count("women_group")).isEqualTo(groups);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isEqualTo(instances);
    REFUSED.incrementAndGet();
  }

  static Stream<Arguments> taskForms() {
    return Stream.of(
        Arguments.of(
            "endorsement: Christian-era date",
            Map.of("endorsementDate", "13/08/2021", "endorsementReference", "1/2569")),
        Arguments.of(
            "endorsement: reference with script",
            Map.of(
                "endorsementDate",
                ThaiDates.formatNumeric(TODAY),
                "endorsementReference",
                "<script>")),
        Arguments.of(
            "endorsement: reference 1 MB",
            Map.of("endorsementDate", ThaiDates.formatNumeric(TODAY), "endorsementReference", MB)),
        Arguments.of(
            "endorsement: opinion with HTML",
            Map.of(
                "endorsementDate",
                ThaiDates.formatNumeric(TODAY),
                "endorsementReference",
                "1/2569",
                "endorsementOpinion",
                "<a href=x>")),
        Arguments.of(
            "endorsement: date in the future",
            Map.of(
                "endorsementDate",
                ThaiDates.formatNumeric(TODAY.plusDays(9)),
                "endorsementReference",
                "1/2569")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskForms")
  void taskFormsRefuseInThaiAndTheTaskStaysOpen(String name, Map<String, Object> input) {
    engine
        .getIdentityService()
        .setAuthentication("corpus2305", List.of(Roles.districtOfficers("2305")));
    String pid;
    try {
      pid =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  LoanApplicationProcess.KEY,
                  DemoApplications.application(4, "กลุ่มทดสอบฟอร์มงาน", "230507", TODAY))
              .getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String taskId =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, input))
        .isInstanceOf(RefusedInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).matches("(?s).*[ก-๙].*"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(pid, "endorsementReference")).isNull();
    engine.getRuntimeService().deleteProcessInstance(pid, "corpus");
    REFUSED.incrementAndGet();
  }

  @AfterAll
  static void record() throws Exception {
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/bad-input-corpus.txt"),
        "refused: " + REFUSED.get() + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }
}
