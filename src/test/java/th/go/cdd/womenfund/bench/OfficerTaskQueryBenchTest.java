package th.go.cdd.womenfund.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.AuthorizedGroupLookup;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TasklistFilters;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * A district officer's Tasklist filter "งานของกลุ่ม" (unassigned tasks of my groups, by due date)
 * with {@code -Dbench.tasks=20000} open tasks spread over every district of the country (100,000 is
 * the national size), timed as Tasklist loads it: the first page of 15 and the count. PostgreSQL
 * only, unless {@code -Dbench.taskQuery.h2=true}. The open tasks are kept in the database between
 * runs (only the missing ones are created). Results: {@code
 * target/bench/officer-task-query-<db>.md}.
 */
@Tag("bench")
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class OfficerTaskQueryBenchTest {

  static final String KEY = "bench-open-task";
  static final int TASKS = Integer.getInteger("bench.tasks", 20_000);
  static final int QUERIES = Integer.getInteger("bench.queries", 200);
  static final String DISTRICT = "2305";

  @Autowired ProcessEngine engine;
  @Autowired AreaRepository areas;
  @Autowired RoleAuthorizations roles;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;
  @Autowired AuthorizedGroupLookup lookup;

  @Test
  void districtOfficerGroupFilter() throws Exception {
    String db;
    try (var c = dataSource.getConnection()) {
      db = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    }
    Assumptions.assumeTrue(
        db.contains("postgres") || Boolean.getBoolean("bench.taskQuery.h2"),
        "the task query bench runs on PostgreSQL (WOMENFUND_TEST_DB_URL)");
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    String group = Roles.districtOfficers(DISTRICT);
    roles.grantFilters(List.of(group), TasklistFilters.existingIds(engine.getFilterService()));

    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(KEY)
            .count()
        == 0) {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("bench")
          .addModelInstance(
              KEY + ".bpmn",
              Bpmn.createExecutableProcess(KEY)
                  .camundaHistoryTimeToLive(1825)
                  .startEvent("start_event_s")
                  .userTask("user_task_open")
                  .camundaCandidateGroups("district-${districtCode}-officers")
                  .camundaDueDate("${due}")
                  .endEvent("end_event_e")
                  .done())
          .deploy();
    }
    List<District> districts = new ArrayList<>();
    areas.provinces().forEach(p -> districts.addAll(areas.districtsOf(p.code())));
    long open = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).count();
    long t0 = System.nanoTime();
    for (long i = open; i < TASKS; ) {
      long from = i;
      long to = Math.min(TASKS, i + 500);
      tx.executeWithoutResult(
          s -> {
            for (long k = from; k < to; k++) {
              District d = districts.get((int) (k % districts.size()));
              engine
                  .getRuntimeService()
                  .startProcessInstanceByKey(
                      KEY,
                      Map.of(
                          "districtCode",
                          d.code(),
                          "provinceCode",
                          d.provinceCode(),
                          "due",
                          new Date(System.currentTimeMillis() + (k % 60) * 86_400_000L)));
            }
          });
      i = to;
    }
    double createSeconds = (System.nanoTime() - t0) / 1e9;
    long openTasks = engine.getTaskService().createTaskQuery().active().count();

    Filter filter =
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(TasklistFilters.GROUP)
            .singleResult();
    engine.getIdentityService().setAuthentication("officer" + DISTRICT, List.of(group));
    // index 0: the app's scoped group look-up (AuthorizedGroupLookup), 1: the engine's own;
    // alternated per query
    long[][] page = new long[2][QUERIES];
    long[][] count = new long[2][QUERIES];
    long[] visible = new long[2];
    try {
      for (int i = 0; i < 20; i++) { // warm-up, both ways
        lookup.setScoped(i % 2 == 0);
        engine.getFilterService().listPage(filter.getId(), 0, 15);
        engine.getFilterService().count(filter.getId());
      }
      for (int i = 0; i < QUERIES; i++) {
        for (int way = 0; way < 2; way++) {
          int w = (i % 2 == 0) ? way : 1 - way; // alternate which goes first
          lookup.setScoped(w == 0);
          long a = System.nanoTime();
          assertThat(engine.getFilterService().listPage(filter.getId(), 0, 15)).isNotEmpty();
          long b = System.nanoTime();
          visible[w] = engine.getFilterService().count(filter.getId());
          long c = System.nanoTime();
          page[w][i] = b - a;
          count[w][i] = c - b;
        }
      }
    } finally {
      lookup.setScoped(true);
      engine.getIdentityService().clearAuthentication();
    }
    long expected =
        engine
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey(KEY)
            .taskCandidateGroup(group)
            .count();
    assertThat(visible[0]).isGreaterThanOrEqualTo(expected).isEqualTo(visible[1]);
    long authRows = engine.getAuthorizationService().createAuthorizationQuery().count();
    String md =
        String.format(
            Locale.ROOT,
            """
        ### Officer task query, %s

        %,d open tasks in the database (%,d of the bench process over %d districts; %.0f s to create the missing ones);
        %,d rows in act_ru_authorization; officer of district %s sees %,d in the filter "%s". %d timed queries of
        each kind after 20 warm-up, the two group look-ups alternated query by query.

        | group look-up | call | p50 ms | p95 ms | max ms |
        |---|---|---:|---:|---:|
        | app (scoped to the user's groups) | first page (15 tasks, by due date) | %.1f | %.1f | %.1f |
        | app (scoped to the user's groups) | count | %.1f | %.1f | %.1f |
        | engine (every group in the table) | first page (15 tasks, by due date) | %.1f | %.1f | %.1f |
        | engine (every group in the table) | count | %.1f | %.1f | %.1f |

        engine ÷ app, p95: first page %.2f×, count %.2f×
        """,
            db,
            openTasks,
            Math.max(open, TASKS),
            districts.size(),
            createSeconds,
            authRows,
            DISTRICT,
            visible[0],
            TasklistFilters.GROUP,
            QUERIES,
            pct(page[0], 50),
            pct(page[0], 95),
            pct(page[0], 100),
            pct(count[0], 50),
            pct(count[0], 95),
            pct(count[0], 100),
            pct(page[1], 50),
            pct(page[1], 95),
            pct(page[1], 100),
            pct(count[1], 50),
            pct(count[1], 95),
            pct(count[1], 100),
            pct(page[1], 95) / pct(page[0], 95),
            pct(count[1], 95) / pct(count[0], 95));
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("officer-task-query-" + db + ".md"), md, StandardCharsets.UTF_8);
    System.out.println("\n==== officer-task-query\n" + md);
  }

  static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    java.util.Arrays.sort(s);
    int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
    return s[Math.max(0, i)] / 1e6;
  }
}
