package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess;
import th.go.cdd.womenfund.document.DocumentLinks;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess;
import th.go.cdd.womenfund.riskcover.DeathClaimProcess;

/**
 * The forms of record-repayment, payment-reversal, money-approval, overdue-follow-up and
 * death-claim: each exists under forms/ with its id as file name, and each field key or
 * {{variable}} it shows is a variable named in the process's Var class.
 */
class RepaymentProcessFormsTest {

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

  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of(RecordRepaymentProcess.KEY, RecordRepaymentProcess.Var.class),
        Arguments.of(PaymentReversalProcess.KEY, PaymentReversalProcess.Var.class),
        Arguments.of(MoneyApprovalProcess.KEY, MoneyApprovalProcess.Var.class),
        Arguments.of(OverdueFollowUpProcess.KEY, OverdueFollowUpProcess.Var.class),
        Arguments.of(DeathClaimProcess.KEY, DeathClaimProcess.Var.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyFieldAndShownVariableIsAProcessVariable(String key, Class<?> vars) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
    Set<String> formIds = new TreeSet<>();
    model.getModelElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef)
        .filter(r -> r != null)
        .forEach(formIds::add);
    model.getModelElementsByType(UserTask.class).forEach(t -> formIds.add(t.getCamundaFormRef()));
    assertThat(formIds).isNotEmpty().doesNotContainNull();
    Set<String> known = new HashSet<>();
    for (Field f : vars.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        known.add((String) f.get(null));
      }
    }
    // the link to the step's attached papers, set task-locally on every paper step by document/
    known.add(DocumentLinks.VARIABLE);
    for (String id : formIds) {
      JsonNode form = new ObjectMapper().readTree(Path.of("forms", id + ".form").toFile());
      assertThat(form.get("id").asText()).isEqualTo(id);
      assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
      for (JsonNode c : form.get("components")) {
        String type = c.get("type").asText();
        if (INPUT_TYPES.contains(type)) {
          assertThat(known)
              .as("field %s of form %s", c.get("key").asText(), id)
              .contains(c.get("key").asText());
          assertThat(c.get("label").asText()).as("Thai label").matches(".*[ก-๙].*");
        }
        if (type.equals("text")) {
          Matcher m = TEMPLATE_VARIABLE.matcher(c.get("text").asText());
          while (m.find()) {
            assertThat(known).as("{{%s}} shown by form %s", m.group(1), id).contains(m.group(1));
          }
        }
      }
    }
  }
}
