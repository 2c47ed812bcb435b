package th.go.cdd.womenfund.system;

import java.util.List;
import java.util.function.Supplier;

/**
 * Bad input from a person: carries one or more Thai messages meant to be shown as they are. Thrown
 * before anything is written, or inside the transaction that then rolls back, so nothing changes.
 */
public class ThaiValidationException extends RuntimeException {

  private final List<String> problems;

  public ThaiValidationException(String problem) {
    this(List.of(problem));
  }

  public ThaiValidationException(List<String> problems) {
    super(format(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one message");
    }
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /**
   * Parses one field for a form checked as a whole: its value, or null with its Thai messages added
   * to {@code problems}, so that every problem is reported at once.
   */
  public static <T> T collect(List<String> problems, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ThaiValidationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder text = new StringBuilder("ข้อมูลไม่ถูกต้อง " + problems.size() + " รายการ:");
    for (int i = 0; i < problems.size(); i++) {
      text.append(' ').append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }
}
