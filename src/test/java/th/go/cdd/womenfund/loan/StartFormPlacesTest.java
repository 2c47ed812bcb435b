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
