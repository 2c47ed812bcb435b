package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conventions every model in processes/ keeps: key = file name, readable ids, version tag, TTL,
 * diagram.
 */
class ModelConventionsTest {

  private static final Pattern READABLE_ID =
      Pattern.compile(
          "(start_event|end_event|user_task|service_task|business_rule_task|gateway|flow|timer|boundary"
              + "|message|call_activity|subprocess|intermediate)_[a-z0-9]+(_[a-z0-9]+)*");

  /** Modeler-generated ids: "Activity_0x1y2z3", a 7-character suffix with a digit in it. */
  private static final Pattern GENERATED_ID =
      Pattern.compile(".*_(?=[a-z]*[0-9])[0-9a-z]{7}$|^(Activity|Gateway|Event|Flow)_.*");

  static Stream<Path> bpmnFiles() throws IOException {
    return files(".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files(".dmn");
  }

  private static Stream<Path> files(String suffix) throws IOException {
    List<Path> found;
    try (Stream<Path> s = Files.list(Path.of("processes"))) {
      found = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
    assertThat(found).as("models in processes/ ending " + suffix).isNotEmpty();
    return found.stream();
  }

  static String baseName(Path p) {
    String n = p.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void bpmnKeepsTheConventions(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
    assertThat(processes).hasSize(1);
    Process p = processes.get(0);
    assertThat(p.getId()).isEqualTo(baseName(file)).matches("[a-z]+(-[a-z]+)*");
    assertThat(p.isExecutable()).isTrue();
    assertThat(p.getCamundaVersionTag()).isNotBlank();
    assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(p.getName()).isNotBlank();
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      assertThat(e.getId()).as("element id").matches(READABLE_ID).doesNotMatch(GENERATED_ID);
    }
    assertThat(model.getModelElementsByType(BpmnDiagram.class)).hasSize(1);
    List<String> drawn =
        Stream.concat(
                model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()),
                model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(s -> s.getBpmnElement().getId()))
            .toList();
    assertThat(drawn)
        .containsAll(
            model.getModelElementsByType(FlowElement.class).stream()
                .map(BaseElement::getId)
                .toList());
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void dmnKeepsTheConventions(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
    assertThat(decisions).extracting(Decision::getId).contains(baseName(file));
    for (Decision d : decisions) {
      assertThat(d.getVersionTag()).isNotBlank();
      assertThat(d.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }
  }
}
