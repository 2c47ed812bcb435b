package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.DeployedForms;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Every formRef in every deployed BPMN resolves to a deployed Camunda Form, every form is used, and
 * every field key (and every {{variable}} a form shows) is a variable the process reads or writes.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class LoanFormsTest {

  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "datetime");
  private static final Pattern TEMPLATE_VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  /**
   * Form id -> the form's JSON, for every .form in the latest deployments (form id = file name
   * checked).
   */
  Map<String, JsonNode> deployedForms() {
    return DeployedForms.all(engine);
  }

  Map<String, Set<String>> formRefsByProcess() {
    RepositoryService repo = engine.getRepositoryService();
    Map<String, Set<String>> refs = new HashMap<>();
    for (ProcessDefinition pd : repo.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repo.getBpmnModelInstance(pd.getId());
      Set<String> ids = new TreeSet<>();
      model.getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef)
          .filter(r -> r != null)
          .forEach(ids::add);
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        assertThat(t.getCamundaFormRef())
            .as("user task %s has a Camunda Form", t.getId())
            .isNotBlank();
        ids.add(t.getCamundaFormRef());
      }
      refs.put(pd.getKey(), ids);
    }
    return refs;
  }

  /** The engine's authentication is per thread, and the next test class runs on this thread. */
  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void everyFormRefResolvesToADeployedFormAndEveryFormIsUsed() throws Exception {
    Map<String, JsonNode> forms = deployedForms();
    Set<String> referenced = new HashSet<>();
    formRefsByProcess().values().forEach(referenced::addAll);
    assertThat(referenced).isNotEmpty();
    assertThat(forms.keySet()).containsAll(referenced);
    assertThat(referenced).containsAll(forms.keySet());
  }

  /**
   * The family's relation is chosen in each borrower row of the start and fix forms, from exactly
   * the relations the server accepts (FamilyRelation); the chosen value is the Thai word it parses.
   */
  @Test
  void theRowsRelationIsChosenFromTheRelationsTheServerAccepts() {
    Map<String, JsonNode> forms = deployedForms();
    for (String formId : List.of("loan-application-start", "loan-fix-application")) {
      JsonNode rows = null;
      for (JsonNode c : forms.get(formId).get("components")) {
        if (Var.BORROWER_ROWS.equals(c.path("path").asText())) {
          rows = c;
        }
      }
      assertThat(rows).as("%s has the borrower rows", formId).isNotNull();
      JsonNode relation = null;
      for (JsonNode c : rows.get("components")) {
        if (LoanApplicationProcess.BorrowerRow.ACK_RELATION.equals(c.path("key").asText())) {
          relation = c;
        }
      }
      assertThat(relation).as("%s rows have the relation", formId).isNotNull();
      assertThat(relation.get("type").asText()).as(formId).isEqualTo("select");
      List<String> labels = new ArrayList<>();
      for (JsonNode v : relation.get("values")) {
        assertThat(v.get("value").asText()).isEqualTo(v.get("label").asText());
        labels.add(v.get("value").asText());
      }
      assertThat(labels).as(formId).isEqualTo(FamilyRelation.labelsTh());
      labels.forEach(l -> assertThat(FamilyRelation.fromText(l)).isPresent());
    }
  }

  @Test
  void everyFieldKeyAndShownVariableIsAVariableOfTheProcess() throws Exception {
    Set<String> variables = variablesOfAWalkThroughEveryStep();
    Map<String, JsonNode> forms = deployedForms();
    for (String formId : formRefsByProcess().get(LoanApplicationProcess.KEY)) {
      for (JsonNode c : forms.get(formId).get("components")) {
        String type = c.get("type").asText();
        // the district choice is shown only to an officer of several districts (StartFormPlaces):
        // no walk sets it
        if (INPUT_TYPES.contains(type)
            && !StartFormPlaces.DISTRICT_FIELD.equals(c.get("key").asText())) {
          assertThat(variables)
              .as("field %s of form %s", c.get("key").asText(), formId)
              .contains(c.get("key").asText());
        }
        if (type.equals("text")) {
          Matcher m = TEMPLATE_VARIABLE.matcher(c.get("text").asText());
          while (m.find()) {
            assertThat(variables)
                .as("{{%s}} shown by form %s", m.group(1), formId)
                .contains(m.group(1));
          }
        }
      }
    }
  }

  /**
   * Start, return for fixes, fix, approve at both levels, contract, transfer: every form is used
   * once.
   */
  Set<String> variablesOfAWalkThroughEveryStep() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    LocalDate today = EngineClock.today();
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers("2305")));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(3, "กลุ่มทดสอบแบบฟอร์ม", "230507", today))
            .getId();
    engine.getIdentityService().clearAuthentication();
    complete(
        pid,
        Map.of(
            Var.ENDORSEMENT_DATE,
            ThaiDates.formatNumeric(today),
            Var.ENDORSEMENT_REFERENCE,
            "1/2569",
            Var.ENDORSEMENT_OPINION,
            "รับรอง"));
    complete(
        pid,
        Map.of(Var.DISTRICT_DECISION, "RETURN", Var.DISTRICT_DECISION_REASON, "เพิ่มรายละเอียด"));
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers("2305")));
    complete(pid, Map.of(Var.PURPOSE, "ทดสอบ แก้ไขแล้ว"));
    engine.getIdentityService().clearAuthentication();
    complete(
        pid, Map.of(Var.DISTRICT_DECISION, "APPROVE", Var.DISTRICT_DECISION_REASON, "ครบถ้วน"));
    complete(
        pid, Map.of(Var.PROVINCE_DECISION, "APPROVE", Var.PROVINCE_DECISION_REASON, "อนุมัติ"));
    complete(
        pid,
        Map.of(Var.CONTRACT_NO, "สญ.1/2569", Var.CONTRACT_DATE, ThaiDates.formatNumeric(today)));
    complete(
        pid,
        Map.of(Var.TRANSFER_DATE, ThaiDates.formatNumeric(today), Var.TRANSFER_REFERENCE, "REF-1"));
    Set<String> names = new HashSet<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pid)
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .forEach(names::add);
    return names;
  }

  private void complete(String pid, Map<String, Object> vars) {
    String taskId =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
    engine.getTaskService().complete(taskId, vars);
  }
}
