package th.go.cdd.womenfund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per column that carries a lifecycle (issue 12): {@code loan_project.status} is written only by
 * the loan capability; other capabilities ask {@code loan.LoanStatusChanges}. ArchUnit sees types, not SQL, so
 * this reads the main sources.
 */
class TableWritersTest {

  private static final Path MAIN = Path.of("src/main/java/th/go/cdd/womenfund");
  private static final Pattern LOAN_STATUS_WRITE =
      Pattern.compile("update\\s+loan_project\\s+set\\b[^;]*?\\bstatus\\s*=", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @Test
  void onlyLoanWritesLoanStatus() throws IOException {
    List<String> writers;
    try (Stream<Path> files = Files.walk(MAIN)) {
      writers = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> LOAN_STATUS_WRITE.matcher(read(f)).find())
          .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
          .sorted().toList();
    }
    assertThat(writers).as("classes that write loan_project.status").isNotEmpty()
        .allMatch(f -> f.startsWith("loan/"), "are in loan/");
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
