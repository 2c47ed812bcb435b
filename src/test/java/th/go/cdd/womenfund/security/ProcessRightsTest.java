package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.notification.NotificationProcesses;

/**
 * A new process cannot be forgotten by the roles: every executable process in processes/ has its
 * rights in {@link RoleAuthorizations#PROCESSES} (the one place, by key constant), or is the
 * system's own.
 */
class ProcessRightsTest {

  /**
   * Started by timers, worked by nobody: no Tasklist role needs their definitions (the admin sees
   * them).
   */
  static final Set<String> SYSTEM_ONLY =
      Set.of(NotificationProcesses.REMINDERS, NotificationProcesses.DIGEST);

  private static final Pattern PROCESS =
      Pattern.compile("<bpmn:process id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");

  @Test
  void everyDeployedProcessHasItsRightsInOnePlace() throws IOException {
    Set<String> deployed = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      files
          .filter(f -> f.toString().endsWith(".bpmn"))
          .forEach(
              f -> {
                try {
                  Matcher m = PROCESS.matcher(Files.readString(f));
                  while (m.find()) {
                    deployed.add(m.group(1));
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
    }
    Set<String> granted = new TreeSet<>();
    RoleAuthorizations.PROCESSES.forEach(p -> granted.add(p.key()));
    assertThat(deployed).as("executable processes").hasSizeGreaterThanOrEqualTo(11);
    Set<String> covered = new TreeSet<>(granted);
    covered.addAll(SYSTEM_ONLY);
    assertThat(covered)
        .as("processes with rights or the system's own")
        .containsExactlyInAnyOrderElementsOf(deployed);
    assertThat(RoleAuthorizations.PROCESSES)
        .extracting(RoleAuthorizations.ProcessRights::key)
        .as("each process once")
        .doesNotHaveDuplicates();
  }
}
