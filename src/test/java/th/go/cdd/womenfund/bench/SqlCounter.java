package th.go.cdd.womenfund.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts every SQL statement and every JDBC round trip (one execute call; a JDBC batch of n
 * statements is one round trip) that goes through the application's DataSource. Commits and
 * rollbacks are not counted.
 */
public final class SqlCounter implements QueryExecutionListener {

  public static final SqlCounter INSTANCE = new SqlCounter();

  /**
   * Instances of each path run before counting starts: they fill the deployment and DMN caches
   * ({@code -Dbench.warmup}).
   */
  public static final int WARMUP = Integer.getInteger("bench.warmup", 2);

  /** Instances of each path counted ({@code -Dbench.measured}). */
  public static final int MEASURED = Integer.getInteger("bench.measured", 3);

  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong selects = new AtomicLong();
  private final AtomicLong inserts = new AtomicLong();
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private volatile boolean trace;
  private volatile boolean paused;
  private final StringBuilder log = new StringBuilder();

  private SqlCounter() {}

  /** The statement counts so far. */
  public record Counts(
      long statements, long roundTrips, long selects, long inserts, long updates, long deletes) {
    Counts minus(Counts o) {
      return new Counts(
          statements - o.statements,
          roundTrips - o.roundTrips,
          selects - o.selects,
          inserts - o.inserts,
          updates - o.updates,
          deletes - o.deletes);
    }
  }

  public Counts now() {
    return new Counts(
        statements.get(),
        roundTrips.get(),
        selects.get(),
        inserts.get(),
        updates.get(),
        deletes.get());
  }

  /** Records every statement's SQL (first line) while on, for the doc's breakdown. */
  public synchronized void trace(boolean on) {
    trace = on;
    if (on) {
      log.setLength(0);
    }
  }

  public synchronized String traced() {
    return log.toString();
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

  /** While paused (the bench's own look-ups), nothing is counted. */
  public void pause(boolean on) {
    paused = on;
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    if (paused) {
      return;
    }
    roundTrips.incrementAndGet();
    for (QueryInfo q : queryInfoList) {
      int n = execInfo.isBatch() ? Math.max(1, q.getParametersList().size()) : 1;
      statements.addAndGet(n);
      String sql = q.getQuery().stripLeading().toLowerCase(Locale.ROOT);
      AtomicLong kind =
          sql.startsWith("select") || sql.startsWith("with")
              ? selects
              : sql.startsWith("insert")
                  ? inserts
                  : sql.startsWith("update") ? updates : sql.startsWith("delete") ? deletes : null;
      if (kind != null) {
        kind.addAndGet(n);
      }
      if (trace) {
        synchronized (this) {
          log.append(n)
              .append('\t')
              .append(q.getQuery().replaceAll("\\s+", " ").strip())
              .append('\n');
        }
      }
    }
  }

  /**
   * Wraps the Spring DataSource bean so that every statement of the app and the engine is counted.
   */
  public static BeanPostProcessor wrappingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds
            && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(ds).name("bench").listener(INSTANCE).build();
        }
        return bean;
      }
    };
  }

  /**
   * The statements {@code run} executes, one "count TAB sql" line per distinct statement (see
   * {@link #traced()}).
   */
  public String traceOf(Runnable run) {
    trace(true);
    try {
      run.run();
      return traced();
    } finally {
      trace(false);
    }
  }

  /**
   * Two traces (the app's run and the bare twin's run of the same path) as a Markdown table by verb
   * and table, the rows with equal counts left out, and the totals.
   */
  public static String breakdown(String title, String appTrace, String bareTrace) {
    Map<String, long[]> rows = new TreeMap<>();
    String[] traces = {appTrace, bareTrace};
    for (int flavour = 0; flavour < 2; flavour++) {
      for (String line : traces[flavour].split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        rows.computeIfAbsent(verbAndTable(parts[1]), k -> new long[2])[flavour] +=
            Long.parseLong(parts[0]);
      }
    }
    StringBuilder b =
        new StringBuilder(
            "#### "
                + title
                + " by statement and table (one instance)\n\n"
                + "| statement | app | bare | extra |\n|---|---:|---:|---:|\n");
    long[] total = new long[2];
    rows.forEach(
        (k, v) -> {
          total[0] += v[0];
          total[1] += v[1];
          if (v[0] != v[1]) {
            b.append("| ")
                .append(k)
                .append(" | ")
                .append(v[0])
                .append(" | ")
                .append(v[1])
                .append(" | ")
                .append(v[0] - v[1])
                .append(" |\n");
          }
        });
    b.append("| **all** | ")
        .append(total[0])
        .append(" | ")
        .append(total[1])
        .append(" | ")
        .append(total[0] - total[1])
        .append(" |\n\n(rows with equal counts left out)\n");
    return b.toString();
  }

  private static final Pattern TABLE =
      Pattern.compile(
          "(?i)^\\s*(select|insert|update|delete|with)\\b.*?\\b(?:into|update|from)\\s+([a-z0-9_\\.\"]+)");

  /** "insert act_hi_detail", "select member", …: the verb and the first table of a statement. */
  static String verbAndTable(String sql) {
    String s = sql.strip();
    String verb = s.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (verb.equals("update")) {
      return "update " + s.split("\\s+")[1].toLowerCase(Locale.ROOT);
    }
    Matcher m = TABLE.matcher(s);
    return m.find() ? verb + " " + m.group(2).toLowerCase(Locale.ROOT) : verb + " ?";
  }

  /**
   * The fewest and the most statements of the measured runs of one path (they were always equal).
   */
  public record Measured(Counts min, Counts max) {}

  /** Runs {@code run} {@code warmup} times uncounted, then {@code measured} times counted. */
  public Measured measure(int warmup, int measured, Runnable run) {
    for (int i = 0; i < warmup; i++) {
      run.run();
    }
    Counts min = null;
    Counts max = null;
    for (int i = 0; i < measured; i++) {
      Counts before = now();
      run.run();
      Counts c = now().minus(before);
      if (min == null || c.statements() < min.statements()) {
        min = c;
      }
      if (max == null || c.statements() > max.statements()) {
        max = c;
      }
    }
    return new Measured(min, max);
  }

  /** The head of a results table: title line, then the column headers of {@link #row}. */
  public static String tableHead(
      String title, String db, int historyLevel, int measured, int warmup) {
    return "### "
        + title
        + ", "
        + db
        + ", history level "
        + (historyLevel == 3 ? "full" : historyLevel)
        + " ("
        + measured
        + " instances measured after "
        + warmup
        + " warm-up, per path)\n\n"
        + "| path | app statements | app round trips | bare statements | bare round trips | ratio (statements)"
        + " | ratio (round trips) | app S/I/U/D | bare S/I/U/D |\n|---|---:|---:|---:|---:|---:|---:|---|---|\n";
  }

  /**
   * One path's row: counts (min–max when they differ), the two ratios, and the
   * select/insert/update/delete split.
   */
  public static String row(Object path, Measured app, Measured bare) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s |%n",
        path,
        range(app.min().statements(), app.max().statements()),
        range(app.min().roundTrips(), app.max().roundTrips()),
        range(bare.min().statements(), bare.max().statements()),
        range(bare.min().roundTrips(), bare.max().roundTrips()),
        ratio(app, bare),
        (double) app.max().roundTrips() / bare.max().roundTrips(),
        kinds(app.max()),
        kinds(bare.max()));
  }

  /** App statements ÷ bare statements (the most of each). */
  public static double ratio(Measured app, Measured bare) {
    return (double) app.max().statements() / bare.max().statements();
  }

  static String range(long min, long max) {
    return min == max ? Long.toString(min) : min + "–" + max;
  }

  static String kinds(Counts c) {
    return c.selects() + "/" + c.inserts() + "/" + c.updates() + "/" + c.deletes();
  }
}
