package th.go.cdd.womenfund.system;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keys that were a second source of a rule and are gone (issue 12: one source per rule). A
 * deployment that still sets one (application.yaml, an environment variable, a command-line flag)
 * does not start, and is told the key that replaced it: otherwise its value would be ignored
 * without a word.
 */
@Component
public class RemovedSettings {

  /** removed key → the one key of that rule. */
  static final Map<String, String> REPLACED =
      Map.of("womenfund.reporting.overdue-target-pct", "womenfund.overdue.target-pct");

  public RemovedSettings(Environment environment) {
    List<String> stillSet = stillSet(Binder.get(environment));
    if (!stillSet.isEmpty()) {
      throw new IllegalStateException(
          "removed configuration keys are still set: " + String.join("; ", stillSet));
    }
  }

  static List<String> stillSet(Binder binder) {
    return REPLACED.entrySet().stream()
        .filter(e -> binder.bind(e.getKey(), String.class).isBound())
        .map(e -> e.getKey() + " is no longer read, set " + e.getValue() + " instead")
        .sorted()
        .toList();
  }
}
