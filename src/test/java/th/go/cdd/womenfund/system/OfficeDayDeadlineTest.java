package th.go.cdd.womenfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One source for "due at the end of the office day": {@link TaskDeadlines#endOfOfficeDay}. A step
 * that computes 16:30 itself would drift when the office hours change in one place only.
 */
class OfficeDayDeadlineTest {

  private static final Path MAIN = Path.of("src/main/java");

  private static final Pattern OWN_END_OF_DAY =
      Pattern.compile("atTime\\(\\s*16\\s*,\\s*30|LocalTime\\.of\\(\\s*16\\s*,\\s*30");

  @Test
  void aDayEndsAt1630InBangkok() {
    ZonedDateTime due =
        TaskDeadlines.endOfOfficeDay(LocalDate.of(2026, 12, 7))
            .toInstant()
            .atZone(ThaiDates.BANGKOK);
    assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(due.toLocalTime()).hasToString("16:30");
  }

  @Test
  void noOtherMainClassComputesTheEndOfTheOfficeDay() throws IOException {
    Path source = MAIN.resolve("th/go/cdd/womenfund/system/TaskDeadlines.java");
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> own =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.equals(source))
              .filter(p -> OWN_END_OF_DAY.matcher(read(p)).find())
              .map(p -> MAIN.relativize(p).toString())
              .toList();
      assertThat(own).as("use TaskDeadlines.endOfOfficeDay").isEmpty();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
