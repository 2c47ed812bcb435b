package th.go.cdd.womenfund.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (Maven profile {@code bench}, not part of {@code verify}): start-up time and resident
 * memory of the womenfund fat jar against a bare Camunda starter app built the same way ({@code
 * bench/bare-starter}), issue 8 item 4. Target: app ≤ 1.5× the bare app's start-up time, ≤ 1.3× its
 * resident memory.
 *
 * <p>Each JVM flag set ({@code -Dbench.startup.flags}, sets separated by {@code |}, {@code default}
 * = no flags) is measured {@code -Dbench.startup.runs} times (default 5). A run starts both apps on
 * a fresh, empty H2 file directory ("first start": the app's Flyway migrations, its 7,451
 * sub-districts and its 36 deployments), stops them, then starts both again on the same directory
 * ("restart"). App and bare alternate (the order flips from run to run), so the noise of this
 * shared machine hits both; compare the ratios, not the seconds.
 *
 * <p>Per start: the seconds from launch until the HTTP port answers a page with 200 (app: {@code
 * /login}; bare: the Camunda welcome page), until Spring reports the application ready
 * (ReadinessState ACCEPTING_TRAFFIC, after the application runners), and Spring's own "Started … in
 * X seconds"; VmRSS and VmHWM from /proc/&lt;pid&gt;/status 3 s after ready, and VmRSS again after
 * 20 page requests; the classes loaded (jcmd PerfCounter.print). The app runs with profile {@code
 * prod} (no demo data) on H2. Writes target/bench/startup-memory.md and each start's log under
 * target/bench/startup-logs/. Fails when a jar does not start; a missed target is printed, not
 * failed.
 */
@Tag("bench")
class StartupMemoryBench {

  static final int RUNS = Integer.getInteger("bench.startup.runs", 5);
  static final List<String> FLAG_SETS =
      List.of(System.getProperty("bench.startup.flags", "default|-Xmx512m").split("\\|"));
  static final long START_TIMEOUT_SECONDS = Long.getLong("bench.startup.timeout", 240);
  static final long SETTLE_MILLIS = 3_000;
  static final int REQUESTS = 20;
  static final double TIME_TARGET = 1.5;
  static final double MEMORY_TARGET = 1.3;

  static final Path BASE = Path.of("").toAbsolutePath();
  static final Path OUT = BASE.resolve("target/bench");
  static final Path BARE_PROJECT = BASE.resolve("bench/bare-starter");

  static final Pattern STARTED =
      Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

  /** Log lines both apps write, in this order: the phases of a start. */
  static final Map<String, String> MARKERS = markers();

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
  }

  enum Flavour {
    APP,
    BARE
  }

  record Start(
      Flavour flavour,
      String flags,
      int run,
      boolean restart,
      double httpSeconds,
      double readySeconds,
      double startedIn,
      double runningFor,
      long rssKb,
      long hwmKb,
      long rssAfterRequestsKb,
      long classes,
      long liveHeapKb,
      double cpuSeconds,
      Map<String, Double> phases) {}

  static Map<String, String> markers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "Spring context created (Tomcat, bean definitions)",
        "Root WebApplicationContext: initialization completed");
    m.put("database pool opened", "HikariPool-1 - Start completed");
    m.put("engine created (app: after Flyway)", "ENGINE-00001 Process Engine");
    m.put("Tomcat started (app: after deployments, Security, Thymeleaf)", "Tomcat started on port");
    m.put("ready (after the application runners)", "ReadinessState changed to ACCEPTING_TRAFFIC");
    return Collections.unmodifiableMap(m);
  }

  @Test
  void startupTimeAndMemoryAgainstTheBareStarter() throws Exception {
    Path appJar = appJar();
    Path bareJar = bareJar();
    Files.createDirectories(OUT.resolve("startup-logs"));
    Path data = OUT.resolve("startup-data");
    deleteTree(data);
    List<Start> starts = new ArrayList<>();
    for (String flags : FLAG_SETS) {
      for (int run = 1; run <= RUNS; run++) {
        List<Flavour> order =
            run % 2 == 1 ? List.of(Flavour.APP, Flavour.BARE) : List.of(Flavour.BARE, Flavour.APP);
        Map<Flavour, Path> dirs = new LinkedHashMap<>();
        for (Flavour f : order) {
          Path dir =
              data.resolve(slug(flags) + "-" + run + "-" + f.name().toLowerCase(Locale.ROOT));
          Files.createDirectories(dir);
          dirs.put(f, dir);
        }
        for (boolean restart : new boolean[] {false, true}) {
          for (Flavour f : order) {
            Start s =
                start(f, f == Flavour.APP ? appJar : bareJar, flags, run, restart, dirs.get(f));
            System.out.printf(
                Locale.ROOT,
                "startup bench: %-4s %-8s run %d %-8s http %.1f s, ready %.1f s, Started in %.1f s,"
                    + " CPU %.1f s, RSS %d MiB (HWM %d MiB), live heap %d MiB, %d classes%n",
                f,
                flags,
                run,
                restart ? "restart" : "first",
                s.httpSeconds(),
                s.readySeconds(),
                s.startedIn(),
                s.cpuSeconds(),
                s.rssKb() / 1024,
                s.hwmKb() / 1024,
                s.liveHeapKb() / 1024,
                s.classes());
            starts.add(s);
          }
        }
        for (Path dir : dirs.values()) {
          deleteTree(dir);
        }
      }
    }
    String report = report(starts, appJar, bareJar);
    System.out.println(report);
    Files.writeString(OUT.resolve("startup-memory.md"), report);
    assertThat(starts).hasSize(FLAG_SETS.size() * RUNS * 4);
  }

  // ----------------------------------------------------------------------------------------------
  // one start

  Start start(Flavour flavour, Path jar, String flags, int run, boolean restart, Path dataDir)
      throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    if (!flags.equals("default")) {
      command.addAll(Arrays.asList(flags.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--logging.level.org.springframework.boot.availability=debug"));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    for (String inherited :
        List.of(
            "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS",
            "SPRING_PROFILES_ACTIVE",
            "WOMENFUND_DB_URL",
            "SPRING_DATASOURCE_URL",
            "PORT")) {
      env.remove(inherited);
    }
    String page;
    if (flavour == Flavour.APP) {
      // profile prod: no demo data (the default profile is demo); H2 file from application.yaml
      command.add("--spring.profiles.active=prod");
      pb.command(command);
      env.put("WOMENFUND_DATA_DIR", dataDir.toString());
      env.put("WOMENFUND_ADMIN_PASSWORD", "bench-admin-password");
      page = "/login";
    } else {
      env.put("BARE_DATA_DIR", dataDir.toString());
      env.put("BARE_ADMIN_PASSWORD", "bench-admin-password");
      page = "/camunda/app/welcome/default/";
    }
    String name =
        String.format(
            Locale.ROOT,
            "%s-%s-run%d-%s",
            flavour.name().toLowerCase(Locale.ROOT),
            slug(flags),
            run,
            restart ? "restart" : "first");
    Path logFile = OUT.resolve("startup-logs").resolve(name + ".log");

    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<String> lastLines = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    Process process = pb.start();
    LIVE.add(process);
    try {
      Thread reader =
          new Thread(
              () -> readLog(process, logFile, t0, seen, lastLines), "startup-bench-log-" + name);
      reader.setDaemon(true);
      reader.start();

      String url = "http://127.0.0.1:" + port + page;
      long deadline = t0 + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
      Long http = null;
      while (http == null || !seen.containsKey("ready")) {
        if (!process.isAlive()) {
          throw new AssertionError(
              name
                  + " exited with "
                  + process.exitValue()
                  + " before it was ready; log "
                  + logFile
                  + ":\n"
                  + String.join("\n", tail(lastLines)));
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              name
                  + " not ready within "
                  + START_TIMEOUT_SECONDS
                  + " s; log "
                  + logFile
                  + ":\n"
                  + String.join("\n", tail(lastLines)));
        }
        if (http == null && get(url) == 200) {
          http = System.nanoTime();
        } else {
          Thread.sleep(100);
        }
      }
      long ready = seen.get("ready");
      double cpu = cpuSeconds(process.pid());
      Thread.sleep(SETTLE_MILLIS);
      long[] mem = memory(process.pid());
      for (int i = 0; i < REQUESTS; i++) {
        int status = get(url);
        assertThat(status).as("%s: GET %s", name, url).isEqualTo(200);
      }
      Thread.sleep(1_000);
      long[] afterRequests = memory(process.pid());
      long classes = loadedClasses(process.pid());
      long liveHeap = liveHeapAfterFullGc(process.pid());

      Map<String, Double> phases = new LinkedHashMap<>();
      for (Map.Entry<String, String> m : MARKERS.entrySet()) {
        Long at = seen.get(m.getValue());
        phases.put(m.getKey(), at == null ? Double.NaN : seconds(at - t0));
      }
      Long startedAt = seen.get("started");
      assertThat(startedAt).as("%s: the \"Started … in\" line", name).isNotNull();
      Matcher started = STARTED.matcher(startedLine.get(logFile));
      assertThat(started.find()).isTrue();
      return new Start(
          flavour,
          flags,
          run,
          restart,
          seconds(http - t0),
          seconds(ready - t0),
          Double.parseDouble(started.group(1)),
          Double.parseDouble(started.group(2)),
          mem[0],
          mem[1],
          afterRequests[0],
          classes,
          liveHeap,
          cpu,
          phases);
    } finally {
      stop(process);
    }
  }

  private static final Map<Path, String> startedLine = new ConcurrentHashMap<>();

  static void readLog(
      Process process, Path logFile, long t0, Map<String, Long> seen, List<String> lastLines) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        long now = System.nanoTime();
        out.printf(Locale.ROOT, "[+%8.3f s] %s%n", seconds(now - t0), line);
        lastLines.add(line);
        if (lastLines.size() > 200) {
          lastLines.remove(0);
        }
        for (String marker : MARKERS.values()) {
          if (line.contains(marker)) {
            seen.putIfAbsent(marker, now);
          }
        }
        if (line.contains("ReadinessState changed to ACCEPTING_TRAFFIC")) {
          seen.putIfAbsent("ready", now);
        }
        if (STARTED.matcher(line).find()) {
          startedLine.put(logFile, line);
          seen.putIfAbsent("started", now);
        }
      }
    } catch (IOException e) {
      // the process ended; what was read is in the log file
    }
  }

  static void stop(Process process) throws InterruptedException {
    try {
      process.destroy(); // SIGTERM: Spring closes the engine and H2, so the restart finds a clean
      // database
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      LIVE.remove(process);
    }
  }

  static int get(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(1_000);
      c.setReadTimeout(30_000);
      try {
        int status = c.getResponseCode();
        try (var body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
          if (body != null) {
            body.readAllBytes();
          }
        }
        return status;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * CPU seconds (user + system, all threads) the JVM has used so far, from /proc/&lt;pid&gt;/stat
   * (clock ticks of 1/100 s). Less sensitive than wall time to the other work on a shared machine:
   * it counts the work done.
   */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": state is field 3, utime field 14, stime field 15
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  /** VmRSS and VmHWM in KiB. */
  static long[] memory(long pid) throws IOException {
    long rss = -1;
    long hwm = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line);
      } else if (line.startsWith("VmHWM:")) {
        hwm = kib(line);
      }
    }
    return new long[] {rss, hwm};
  }

  static long kib(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }

  /** java.cls.loadedClasses from the JVM's performance counters, or -1. */
  static long loadedClasses(long pid) {
    try {
      String out = jcmd(pid, "PerfCounter.print");
      Matcher m = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)").matcher(out);
      Matcher unloaded = Pattern.compile("java\\.cls\\.unloadedClasses=(\\d+)").matcher(out);
      if (m.find()) {
        return Long.parseLong(m.group(1))
            - (unloaded.find() ? Long.parseLong(unloaded.group(1)) : 0);
      }
    } catch (IOException | InterruptedException e) {
      // reported as -1
    }
    return -1;
  }

  /**
   * Heap in use after a full GC (jcmd GC.run, then GC.heap_info "used"), in KiB: the live objects;
   * -1 if unknown.
   */
  static long liveHeapAfterFullGc(long pid) {
    try {
      jcmd(pid, "GC.run");
      Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    } catch (IOException | InterruptedException e) {
      // reported as -1
    }
    return -1;
  }

  /** Runs jcmd (next to the running java) against the child JVM; returns its output. */
  static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    Path jcmd = java.resolveSibling("jcmd");
    Process p =
        new ProcessBuilder(
                Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } finally {
      p.destroyForcibly();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // the jars

  /** The fat jar the bench profile packages before the tests run (see pom.xml, profile bench). */
  static Path appJar() throws IOException {
    try (Stream<Path> files = Files.list(BASE.resolve("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("womenfund-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no target/womenfund-*.jar: run ./mvnw -B -Pbench test (the profile"
                          + " packages the jar before the tests), or ./mvnw -B package -DskipTests first"));
    }
  }

  /**
   * bench/bare-starter's jar; built with the project's Maven wrapper when missing or older than its
   * sources.
   */
  static Path bareJar() throws Exception {
    Path jar = BARE_PROJECT.resolve("target/bare-camunda-starter-0.1.0-SNAPSHOT.jar");
    long newestSource;
    try (Stream<Path> files =
        Stream.concat(
            Stream.of(BARE_PROJECT.resolve("pom.xml")), Files.walk(BARE_PROJECT.resolve("src")))) {
      newestSource =
          files
              .filter(Files::isRegularFile)
              .mapToLong(p -> p.toFile().lastModified())
              .max()
              .orElse(0);
    }
    if (!Files.exists(jar) || jar.toFile().lastModified() < newestSource) {
      List<String> mvn = new ArrayList<>(List.of(BASE.resolve("mvnw").toString(), "-B", "-q"));
      if (Boolean.getBoolean("bench.offline")) {
        mvn.add("-o");
      }
      mvn.addAll(List.of("-f", BARE_PROJECT.resolve("pom.xml").toString(), "package"));
      Process build = new ProcessBuilder(mvn).directory(BASE.toFile()).inheritIO().start();
      LIVE.add(build);
      try {
        assertThat(build.waitFor(600, TimeUnit.SECONDS)).as("bare starter build finished").isTrue();
        assertThat(build.exitValue()).as("./mvnw -f bench/bare-starter/pom.xml package").isZero();
      } finally {
        build.destroyForcibly();
        LIVE.remove(build);
      }
    }
    assertThat(jar).exists();
    return jar;
  }

  // ----------------------------------------------------------------------------------------------
  // the report

  String report(List<Start> starts, Path appJar, Path bareJar) {
    StringBuilder md = new StringBuilder();
    md.append(
        "# Start-up time and resident memory: womenfund against the bare Camunda starter\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d run(s) per JVM flag set; each run starts both apps on an empty H2 file"
                + " directory (first start), then again on the same directory (restart). Medians; min–max in brackets."
                + " Machine: %d cores, %s %s. App: %s (profile prod). Bare: %s.%n%n",
            RUNS,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            BASE.relativize(appJar),
            BASE.relativize(bareJar)));
    List<String> verdicts = new ArrayList<>();
    for (String flags : FLAG_SETS) {
      for (boolean restart : new boolean[] {false, true}) {
        List<Start> app = select(starts, Flavour.APP, flags, restart);
        List<Start> bare = select(starts, Flavour.BARE, flags, restart);
        String what =
            (flags.equals("default") ? "default JVM flags" : "JVM flags `" + flags + "`")
                + ", "
                + (restart
                    ? "restart on the existing database"
                    : "first start on an empty database");
        md.append("## ").append(what).append("\n\n");
        md.append("| measure | app | bare | **app ÷ bare** |\n|---|---:|---:|---:|\n");
        row(
            md,
            "ready: launch → ReadinessState ACCEPTING_TRAFFIC (s)",
            app,
            bare,
            Start::readySeconds,
            "%.1f");
        row(md, "launch → HTTP 200 on a page (s)", app, bare, Start::httpSeconds, "%.1f");
        row(
            md,
            "CPU time used until ready, user + system (s)",
            app,
            bare,
            Start::cpuSeconds,
            "%.1f");
        row(md, "Spring \"Started … in\" (s)", app, bare, Start::startedIn, "%.1f");
        row(md, "Spring \"process running for\" (s)", app, bare, Start::runningFor, "%.1f");
        row(md, "VmRSS 3 s after ready (MiB)", app, bare, s -> s.rssKb() / 1024.0, "%.0f");
        row(md, "VmHWM, peak RSS (MiB)", app, bare, s -> s.hwmKb() / 1024.0, "%.0f");
        row(
            md,
            "VmRSS after " + REQUESTS + " page requests (MiB)",
            app,
            bare,
            s -> s.rssAfterRequestsKb() / 1024.0,
            "%.0f");
        row(
            md,
            "heap in use after a full GC: live objects (MiB)",
            app,
            bare,
            s -> s.liveHeapKb() / 1024.0,
            "%.0f");
        row(md, "classes loaded", app, bare, s -> s.classes(), "%.0f");
        md.append("\nPhases, seconds from launch until the log line (medians):\n\n");
        md.append("| phase | app | bare | app − bare (s) |\n|---|---:|---:|---:|\n");
        for (String phase : MARKERS.keySet()) {
          double a = median(app, s -> s.phases().get(phase));
          double b = median(bare, s -> s.phases().get(phase));
          md.append(
              String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |%n", phase, a, b, a - b));
        }
        double time = median(app, Start::readySeconds) / median(bare, Start::readySeconds);
        double cpuRatio = median(app, Start::cpuSeconds) / median(bare, Start::cpuSeconds);
        double rss = median(app, Start::rssKb) / median(bare, Start::rssKb);
        String verdict =
            String.format(
                Locale.ROOT,
                "%s: time %.2f× (target ≤ %.1f×: %s; CPU time %.2f×), memory %.2f×"
                    + " (target ≤ %.1f×: %s)",
                what,
                time,
                TIME_TARGET,
                time <= TIME_TARGET ? "met" : "MISSED",
                cpuRatio,
                rss,
                MEMORY_TARGET,
                rss <= MEMORY_TARGET ? "met" : "MISSED");
        verdicts.add(verdict);
        md.append("\n**").append(verdict).append("**\n\n");
      }
    }
    md.append("## Targets\n\n");
    verdicts.forEach(v -> md.append("- ").append(v).append('\n'));
    md.append(
        "\nEvery start, in order:\n\n| flavour | flags | run | start | http s | ready s | Started in s | RSS MiB | HWM MiB"
            + " | RSS after requests MiB | live heap MiB | classes | CPU s |\n|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Start s : starts) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %s | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d | %.1f |%n",
              s.flavour(),
              s.flags(),
              s.run(),
              s.restart() ? "restart" : "first",
              s.httpSeconds(),
              s.readySeconds(),
              s.startedIn(),
              s.rssKb() / 1024,
              s.hwmKb() / 1024,
              s.rssAfterRequestsKb() / 1024,
              s.liveHeapKb() / 1024,
              s.classes(),
              s.cpuSeconds()));
    }
    return md.toString();
  }

  static List<Start> select(List<Start> starts, Flavour flavour, String flags, boolean restart) {
    return starts.stream()
        .filter(s -> s.flavour() == flavour && s.flags().equals(flags) && s.restart() == restart)
        .toList();
  }

  static void row(
      StringBuilder md,
      String label,
      List<Start> app,
      List<Start> bare,
      ToDoubleFunction<Start> f,
      String fmt) {
    double a = median(app, f);
    double b = median(bare, f);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | "
                + fmt
                + " ("
                + fmt
                + "–"
                + fmt
                + ") | "
                + fmt
                + " ("
                + fmt
                + "–"
                + fmt
                + ") | **%.2f** |%n",
            label,
            a,
            min(app, f),
            max(app, f),
            b,
            min(bare, f),
            max(bare, f),
            a / b));
  }

  static double median(List<Start> starts, ToDoubleFunction<Start> f) {
    double[] v = starts.stream().mapToDouble(f).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static double min(List<Start> starts, ToDoubleFunction<Start> f) {
    return starts.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  static double max(List<Start> starts, ToDoubleFunction<Start> f) {
    return starts.stream().mapToDouble(f).max().orElse(Double.NaN);
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static List<String> tail(List<String> lines) {
    synchronized (lines) {
      return new ArrayList<>(lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  static String slug(String flags) {
    return flags.replaceAll("[^A-Za-z0-9]+", "").toLowerCase(Locale.ROOT);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
