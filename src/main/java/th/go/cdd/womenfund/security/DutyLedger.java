package th.go.cdd.womenfund.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.security.StepModel.Step;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * Segregation of duties (four eyes): who performed which duty of which process instance (table
 * {@code step_actor}). One person performs at most one duty of an instance: the officer who keyed
 * or fixed an application does not screen, approve, contract or transfer it; the committee member
 * who approves does not record the transfer. The duties of each process are in its BPMN (extension
 * property {@code duty}; steps without one are a duty each). No exception for administrators; the
 * system (no signed-in person) is not recorded.
 */
@Component
public class DutyLedger {

  /** An earlier duty of the same person on the same instance. */
  public record Performed(String duty, String stepName) {}

  private final JdbcClient jdbc;

  public DutyLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The duties this person performed on this instance other than {@code duty}. */
  public List<Performed> otherDuties(String processInstanceId, String userId, String duty) {
    return jdbc.sql(
            "select duty, min(step_name) as step_name from step_actor where process_instance_id = ?"
                + " and user_id = ? and duty <> ? group by duty order by duty")
        .params(processInstanceId, userId, duty)
        .query(Performed.class)
        .list();
  }

  public void record(String processInstanceId, Step step, String userId) {
    jdbc.sql(
            "insert into step_actor (process_instance_id, duty, element_id, step_name, user_id, acted_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            processInstanceId,
            step.duty(),
            step.elementId(),
            truncate(step.name()),
            userId,
            EngineClock.now())
        .update();
  }

  /** Who performed each step of an instance, in order (for tests and the audit). */
  public List<String> actors(String processInstanceId) {
    return jdbc.sql("select user_id from step_actor where process_instance_id = ? order by id")
        .param(processInstanceId)
        .query(String.class)
        .list();
  }

  private static String truncate(String s) {
    return s.length() <= 255 ? s : s.substring(0, 255);
  }
}
