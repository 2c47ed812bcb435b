package th.go.cdd.womenfund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Table ownership (issue 12). {@code loan_project.status} is written only by the loan capability (other
 * capabilities ask {@code loan.LoanStatusChanges}); reporting's SQL names only reporting's own table and reaches
 * the others through their capabilities' APIs. ArchUnit sees types, not SQL, so this reads the main sources.
 */
class TableOwnershipTest {

  private static final Path MAIN = Path.of("src/main/java/th/go/cdd/womenfund");
  private static final Pattern LOAN_STATUS_WRITE =
      Pattern.compile("update\\s+loan_project\\s+set\\b[^;]*?\\bstatus\\s*=", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The tables reporting's own SQL may name; everything else comes from the owning capability's API. */
  private static final Set<String> REPORTING_TABLES = Set.of("portfolio_snapshot");
  private static final Pattern STRING_LITERAL = Pattern.compile(
      "\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)",
      Pattern.CASE_INSENSITIVE);

  @Test
  void reportingSqlNamesOnlyReportingTables() throws IOException {
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN.resolve("reporting"))) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        Matcher literal = STRING_LITERAL.matcher(read(f));
        while (literal.find()) {
          Matcher table = TABLE.matcher(literal.group());
          while (table.find()) {
            if (!REPORTING_TABLES.contains(table.group(1).toLowerCase(Locale.ROOT))) {
              foreign.add(f.getFileName() + ": " + table.group());
            }
          }
        }
      });
    }
    assertThat(foreign).as("SQL in reporting/ on other capabilities' tables").isEmpty();
  }

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
