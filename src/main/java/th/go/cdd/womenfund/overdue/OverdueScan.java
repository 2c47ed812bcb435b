package th.go.cdd.womenfund.overdue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.overdue.FollowUpRepository.FollowUp;
import th.go.cdd.womenfund.overdue.FollowUpRepository.Unstarted;
import th.go.cdd.womenfund.overdue.OverdueFollowUpProcess.Outcome;

/**
 * Finds the loans that fell behind and starts one {@code overdue-follow-up} per loan that has none
 * running. Set-based: one INSERT ... SELECT claims every overdue loan without an open follow-up (no
 * loan is loaded into memory to decide), then the claimed rows are started in chunks, each chunk in
 * its own transaction that locks its rows, starts their instances (business key only) and links
 * them in one batch. Idempotent: a second run finds nothing to claim and nothing unstarted, and
 * starts nothing. A run that died half-way is finished by the next one (its claimed rows are still
 * unstarted). Follow-ups whose instance was deleted (Cockpit) are closed first, so the loan gets a
 * fresh one.
 */
@Component
public class OverdueScan {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueScan.class);

  private final FollowUpRepository followUps;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final int chunkSize;

  /**
   * {@code womenfund_overdue_scan_seconds}: how long each scan took (alert when the night's scan
   * grows long).
   */
  private final Timer duration;

  public OverdueScan(
      FollowUpRepository followUps,
      RuntimeService runtime,
      PlatformTransactionManager transactions,
      OverdueSettings settings,
      MeterRegistry meters) {
    this.followUps = followUps;
    this.runtime = runtime;
    this.tx = new TransactionTemplate(transactions);
    this.chunkSize = settings.chunkSize();
    this.duration =
        Timer.builder("womenfund.overdue.scan")
            .description("Duration of the overdue scan")
            .register(meters);
  }

  public record Result(int closedOrphans, int claimed, int started) {}

  public Result run(LocalDate today) {
    return duration.record(() -> scan(today));
  }

  private Result scan(LocalDate today) {
    int orphans = tx.execute(s -> closeOrphans(today));
    int claimed = tx.execute(s -> followUps.claimOverdueLoans(today));
    int started = 0;
    while (true) {
      Integer n = tx.execute(s -> startChunk());
      if (n == null || n == 0) {
        break;
      }
      started += n;
    }
    LOG.info(
        "overdue scan {}: {} follow-ups claimed, {} started, {} orphans closed",
        today,
        claimed,
        started,
        orphans);
    return new Result(orphans, claimed, started);
  }

  private int startChunk() {
    List<Unstarted> batch = followUps.lockUnstarted(chunkSize);
    List<String> instances = new ArrayList<>(batch.size());
    for (Unstarted u : batch) {
      // the business key (application number) is all the instance needs: its first step, after the
      // asynchronous boundary, finds the loan and the follow-up from it
      instances.add(
          runtime
              .createProcessInstanceByKey(OverdueFollowUpProcess.KEY)
              .businessKey(u.applicationNo())
              .execute()
              .getId());
    }
    followUps.linkProcesses(batch, instances);
    return batch.size();
  }

  /**
   * Open follow-ups whose process instance no longer runs (deleted by an admin) end as CANCELLED.
   */
  private int closeOrphans(LocalDate today) {
    List<FollowUp> open = followUps.openStarted();
    Set<String> running = new HashSet<>();
    for (int from = 0; from < open.size(); from += 1000) {
      Set<String> ids =
          open.subList(from, Math.min(open.size(), from + 1000)).stream()
              .map(FollowUp::processInstanceId)
              .collect(Collectors.toSet());
      runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
          .map(ProcessInstance::getId)
          .forEach(running::add);
    }
    int closed = 0;
    for (FollowUp f : open) {
      if (!running.contains(f.processInstanceId())
          && followUps.close(f.id(), Outcome.CANCELLED, today)) {
        followUps.addEvent(
            f.id(), Outcome.CANCELLED.name(), today, "กระบวนการติดตามถูกยกเลิกในระบบ", "system");
        closed++;
      }
    }
    return closed;
  }
}
