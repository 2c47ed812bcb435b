package th.go.cdd.womenfund.system;

import java.time.Instant;

/**
 * One retention rule for personal data in a capability's own tables ({@link RetentionSettings}):
 * the capability that owns the table implements it, {@link RetentionJob} runs every one each night.
 * Idempotent: a second run, on another node or the next night, changes nothing more.
 */
public interface PersonalDataRetention {

  /** What the rule removes, for the log (e.g. "mail bodies older than P90D"). */
  String rule();

  /** Applies the rule as of {@code now}; returns the rows changed or deleted. */
  int apply(Instant now);
}
