package th.go.cdd.womenfund.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore on PostgreSQL with the documented commands (docs/OPERATIONS.md, "Backup and
 * restore"): a node runs with open tasks whose reminders are due at the next timer; {@code pg_dump
 * -Fc} backs it up while it runs; the node is killed; {@code pg_restore} loads the dump into an
 * empty database; a node started on it fires the timer and sends each reminder exactly once. Needs
 * WOMENFUND_TEST_DB_URL (PostgreSQL), WOMENFUND_TEST_RESTORE_DB_URL (an empty database for the same
 * user), pg_dump and pg_restore on the PATH and the built jar; tagged "cluster" (.ci/run).
 */
@Tag("cluster")
class PostgresBackupRestoreTest {

  static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L);
  static final String USER = "restore" + RUN;
  static final String EMAIL = USER + "@example.org";

  final List<Process> nodes = new ArrayList<>();
  GreenMail smtp;

  @AfterEach
  void stop() {
    nodes.forEach(Process::destroyForcibly);
    if (smtp != null) {
      smtp.stop();
    }
  }

  /** host, port and database of a jdbc:postgresql URL. */
  static String[] parts(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return new String[] {
      uri.getHost(),
      Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
      uri.getPath().substring(1)
    };
  }

  static void run(String... command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/pg-backup-restore.log"));
    pb.environment().put("PGPASSWORD", System.getenv("WOMENFUND_TEST_DB_PASSWORD"));
    Process p = pb.start();
    assertThat(p.waitFor())
        .as(String.join(" ", command) + " (target/pg-backup-restore.log)")
        .isZero();
  }

  static boolean onPath(String tool) {
    return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> new File(d, tool).canExecute());
  }

  static long sql(String url, String query) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                url,
                System.getenv("WOMENFUND_TEST_DB_USER"),
                System.getenv("WOMENFUND_TEST_DB_PASSWORD"));
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  Process node(String name, String dbUrl, int port, int smtpPort) throws Exception {
    Process p = ClusterReliabilityTest.startNode(name, dbUrl, port, smtpPort);
    nodes.add(p);
    return p;
  }

  @Test
  void aDumpOfARunningSystemRestoredIntoAnEmptyDatabaseSendsEachReminderOnce() throws Exception {
    String source = System.getenv("WOMENFUND_TEST_DB_URL");
    String target = System.getenv("WOMENFUND_TEST_RESTORE_DB_URL");
    assumeTrue(
        source != null
            && source.contains("postgresql")
            && target != null
            && target.contains("postgresql"),
        "needs WOMENFUND_TEST_DB_URL and an empty WOMENFUND_TEST_RESTORE_DB_URL (PostgreSQL)");
    assumeTrue(ClusterReliabilityTest.jar() != null, "needs the built jar in target/");
    assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "needs pg_dump and pg_restore");
    int smtpPort = ClusterReliabilityTest.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, null, ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = ClusterReliabilityTest.freePort();
    Process running = node("backup-source", source, port, smtpPort);

    // the reminder timer waits (far off), three tasks due in two days: their reminders are due at
    // its next run
    String timer = timerId(port);
    ClusterReliabilityTest.send(
        port,
        "PUT",
        "/engine-rest/job/" + timer + "/duedate",
        "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}");
    String group = "restore-officers-" + RUN;
    ClusterReliabilityTest.send(
        port,
        "POST",
        "/engine-rest/group/create",
        "{\"id\":\"" + group + "\",\"name\":\"restore\",\"type\":\"WORKFLOW\"}");
    ClusterReliabilityTest.send(
        port,
        "POST",
        "/engine-rest/user/create",
        "{\"profile\":{\"id\":\""
            + USER
            + "\",\"firstName\":\"ทดสอบ\",\"lastName\":\"กู้คืน\",\"email\":\""
            + EMAIL
            + "\"},\"credentials\":{\"password\":\"x-"
            + RUN
            + "\"}}");
    ClusterReliabilityTest.send(
        port, "PUT", "/engine-rest/group/" + group + "/members/" + USER, "");
    String due =
        LocalDate.now(ZoneId.of("Asia/Bangkok"))
            .plusDays(2)
            .atTime(12, 0)
            .atZone(ZoneId.of("Asia/Bangkok"))
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    List<String> tasks =
        List.of("restore-" + RUN + "-1", "restore-" + RUN + "-2", "restore-" + RUN + "-3");
    for (String id : tasks) {
      ClusterReliabilityTest.send(
          port,
          "POST",
          "/engine-rest/task/create",
          "{\"id\":\"" + id + "\",\"name\":\"งานทดสอบกู้คืน " + id + "\",\"due\":\"" + due + "\"}");
      ClusterReliabilityTest.send(
          port,
          "POST",
          "/engine-rest/task/" + id + "/identity-links",
          "{\"groupId\":\"" + group + "\",\"type\":\"candidate\"}");
    }

    // pg_dump while the node runs (a consistent snapshot), then the system is lost
    String[] src = parts(source);
    String[] dst = parts(target);
    String user = System.getenv("WOMENFUND_TEST_DB_USER");
    Path dump = Path.of("target", "womenfund-" + RUN + ".dump");
    run(
        "pg_dump",
        "-Fc",
        "-h",
        src[0],
        "-p",
        src[1],
        "-U",
        user,
        "-d",
        src[2],
        "-f",
        dump.toString());
    // the source database goes on being used by other cluster tests: its three tasks leave it
    for (String id : tasks) {
      ClusterReliabilityTest.send(port, "DELETE", "/engine-rest/task/" + id, "");
    }
    running.destroyForcibly();
    running.waitFor();

    try {
      run(
          "pg_restore",
          "-h",
          dst[0],
          "-p",
          dst[1],
          "-U",
          user,
          "-d",
          dst[2],
          "--no-owner",
          "--exit-on-error",
          dump.toString());
    } finally {
      Files.deleteIfExists(dump);
    }
    node("backup-restored", target, port, smtpPort);
    ClusterReliabilityTest.send(
        port,
        "PUT",
        "/engine-rest/job/" + timerId(port) + "/duedate",
        "{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}");

    long deadline = System.currentTimeMillis() + 120_000;
    while (ours().size() < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    Thread.sleep(10_000); // anything more would arrive now
    Map<String, Long> perTask =
        ours().stream()
            .collect(
                Collectors.groupingBy(
                    m -> {
                      try {
                        return m.getSubject().replaceAll(".*(restore-" + RUN + "-\\d).*", "$1");
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    },
                    Collectors.counting()));
    assertThat(perTask)
        .as("each task reminded exactly once after the restore")
        .containsOnlyKeys(tasks)
        .allSatisfy((task, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(
            sql(
                target,
                "select count(*) from mail_message where dedup_key like 'reminder:restore-"
                    + RUN
                    + "-%'"))
        .isEqualTo(3);
    assertThat(sql(target, "select count(*) from act_ru_incident")).isZero();
  }

  static String timerId(int port) throws Exception {
    String jobs =
        ClusterReliabilityTest.get(
                port, "/engine-rest/job?processDefinitionKey=task-reminders&timers=true")
            .body();
    return jobs.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  /** Mails to this test's officer. */
  List<MimeMessage> ours() {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(EMAIL));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
