package th.go.cdd.womenfund.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.security.SharedSessionJourney;

/**
 * Two app nodes (separate JVMs, the built jar) on one PostgreSQL, a real SMTP server (GreenMail) in
 * this JVM: 1,000 reminders fall due at once; one node is killed with SIGKILL in the middle of the
 * burst and restarted later. Every reminder must be delivered, none lost; the test counts copies
 * per Message-ID (a copy can only come from a node killed after the SMTP server accepted a mail and
 * before its record committed; it carries the same Message-ID). Needs WOMENFUND_TEST_DB_URL (an
 * empty PostgreSQL database) and target/womenfund-*.jar; tagged "cluster" and run by .ci/run as a
 * separate step. Before the burst, one officer's browser session moves between the nodes (shared
 * sessions, {@link SharedSessionJourney}).
 */
@Tag("cluster")
class ClusterReliabilityTest {

  static final int TASKS = Integer.getInteger("womenfund.cluster.tasks", 1000);
  static final String ADMIN_PASSWORD = "cluster-admin-" + System.nanoTime();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final List<Process> nodes = new ArrayList<>();
  GreenMail smtp;

  @AfterEach
  void stop() {
    nodes.forEach(Process::destroyForcibly);
    if (smtp != null) {
      smtp.stop();
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static File jar() {
    File[] jars = new File("target").listFiles((d, n) -> n.matches("womenfund-.*\\.jar"));
    return jars == null || jars.length == 0 ? null : jars[0];
  }

  Process node(String name, int port, int smtpPort) throws Exception {
    Process p = startNode(name, System.getenv("WOMENFUND_TEST_DB_URL"), port, smtpPort);
    nodes.add(p);
    return p;
  }

  /**
   * A node from the built jar on {@code dbUrl}, once its REST API answers (log:
   * target/cluster-node-NAME.log).
   */
  static Process startNode(String name, String dbUrl, int port, int smtpPort) throws Exception {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-jar",
            jar().getPath(),
            "--spring.profiles.active=postgres,prod",
            "--server.port=" + port,
            "--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=2000",
            "--womenfund.mail.transport=smtp",
            "--spring.mail.host=localhost",
            "--spring.mail.port=" + smtpPort);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(new File("target/cluster-node-" + name + ".log"));
    pb.environment().put("WOMENFUND_DB_URL", dbUrl);
    pb.environment().put("WOMENFUND_DB_USER", System.getenv("WOMENFUND_TEST_DB_USER"));
    pb.environment().put("WOMENFUND_DB_PASSWORD", System.getenv("WOMENFUND_TEST_DB_PASSWORD"));
    pb.environment().put("WOMENFUND_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Process p = pb.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "node " + name + " died: see target/cluster-node-" + name + ".log");
      }
      try {
        if (get(port, "/engine-rest/engine").statusCode() == 200) {
          return p;
        }
      } catch (Exception notYet) {
        // starting
      }
      Thread.sleep(1000);
    }
    p.destroyForcibly();
    throw new IllegalStateException("node " + name + " did not start in 3 minutes");
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(int port, String method, String path, String json)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static long sql(String query) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getenv("WOMENFUND_TEST_DB_URL"),
                System.getenv("WOMENFUND_TEST_DB_USER"),
                System.getenv("WOMENFUND_TEST_DB_PASSWORD"));
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aThousandRemindersDueAtOnceReachTheirRecipientsThoughANodeIsKilledMidBurst()
      throws Exception {
    assumeTrue(
        System.getenv("WOMENFUND_TEST_DB_URL") != null
            && System.getenv("WOMENFUND_TEST_DB_URL").contains("postgresql"),
        "needs an empty PostgreSQL database in WOMENFUND_TEST_DB_URL");
    assumeTrue(jar() != null, "needs the built jar in target/");
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, null, ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int portA = freePort();
    int portB = freePort();
    Instant t0 = Instant.now();
    node("A", portA, smtpPort);

    // one recipient with an email, 1,000 tasks of her group due in two days: the "2 days before"
    // reminder is due
    send(
        portA,
        "POST",
        "/engine-rest/group/create",
        "{\"id\":\"cluster-officers\",\"name\":\"cluster\",\"type\":\"WORKFLOW\"}");
    String officerPassword = "x-" + System.nanoTime();
    send(
        portA,
        "POST",
        "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"cluster1\",\"firstName\":\"ทดสอบ\","
            + "\"lastName\":\"คลัสเตอร์\",\"email\":\"cluster1@example.org\"},\"credentials\":{\"password\":\""
            + officerPassword
            + "\"}}");
    send(portA, "PUT", "/engine-rest/group/cluster-officers/members/cluster1", "");
    String due =
        LocalDate.now(ZoneId.of("Asia/Bangkok"))
            .plusDays(2)
            .atTime(12, 0)
            .atZone(ZoneId.of("Asia/Bangkok"))
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    for (int i = 0; i < TASKS; i++) {
      String id = "cluster-task-" + i;
      send(
          portA,
          "POST",
          "/engine-rest/task/create",
          "{\"id\":\""
              + id
              + "\",\"name\":\"งานทดสอบคลัสเตอร์ "
              + i
              + "\",\"due\":\""
              + due
              + "\"}");
      send(
          portA,
          "POST",
          "/engine-rest/task/" + id + "/identity-links",
          "{\"groupId\":\"cluster-officers\",\"type\":\"candidate\"}");
    }
    node("B", portB, smtpPort);

    // shared sessions (Spring Session JDBC): sign in on A, Tasklist and a completed task through B,
    // sign out on B
    send(
        portA,
        "POST",
        "/engine-rest/authorization/create",
        "{\"type\":1,\"resourceType\":0,\"resourceId\":\"tasklist\","
            + "\"permissions\":[\"ACCESS\"],\"userId\":\"cluster1\"}");
    send(
        portA,
        "POST",
        "/engine-rest/task/create",
        "{\"id\":\"cluster-session-task\",\"name\":\"งานทดสอบเซสชันร่วม\"}");
    send(
        portA,
        "POST",
        "/engine-rest/task/cluster-session-task/identity-links",
        "{\"groupId\":\"cluster-officers\",\"type\":\"candidate\"}");
    // created by the administrator: a one-time password, replaced by her own before anything else
    String ownPassword = "Own-" + System.nanoTime() + "-pw";
    new SharedSessionJourney(portA, portB)
        .chooseOwnPassword("cluster1", officerPassword, ownPassword);
    new SharedSessionJourney(portA, portB).run("cluster1", ownPassword, "cluster-session-task");
    new SharedSessionJourney(portA, portB).runThroughTheWebappsLogin("cluster1", ownPassword);
    assertThat(
            sql(
                "select count(*) from act_hi_taskinst where id_ = 'cluster-session-task' and end_time_ is not null"))
        .as("the task completed through node B")
        .isEqualTo(1);

    // the reminder timer falls due now on both nodes' job executors
    String jobs =
        get(portA, "/engine-rest/job?processDefinitionKey=task-reminders&timers=true").body();
    String jobId = jobs.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> moved =
        send(
            portA,
            "PUT",
            "/engine-rest/job/" + jobId + "/duedate",
            "{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);

    Instant burst = Instant.now();
    while (smtp.getReceivedMessages().length < TASKS / 4
        && Duration.between(burst, Instant.now()).toSeconds() < 300) {
      Thread.sleep(100);
    }
    int atKill = smtp.getReceivedMessages().length;
    nodes.get(0).destroyForcibly(); // SIGKILL node A in the middle of the burst
    nodes.get(0).waitFor();
    Instant killed = Instant.now();

    while (sql("select count(*) from mail_message where dedup_key like 'reminder:cluster-task-%'")
            < TASKS
        && Duration.between(killed, Instant.now()).toSeconds() < 600) {
      Thread.sleep(500);
    }
    Instant allSent = Instant.now();
    node("A2", portA, smtpPort); // node A restarts: nothing more may go out
    Thread.sleep(15_000);

    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Long> perMessageId =
        Arrays.stream(received)
            .collect(
                Collectors.groupingBy(
                    m -> {
                      try {
                        return m.getMessageID();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    },
                    Collectors.counting()));
    long copies = perMessageId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    long recorded =
        sql("select count(*) from mail_message where dedup_key like 'reminder:cluster-task-%'");
    long openJobs =
        sql(
            "select count(*) from act_ru_job where process_def_key_ = 'task-reminders'"
                + " and handler_type_ <> 'timer-start-event'");
    long incidents = sql("select count(*) from act_ru_incident");
    Map<String, Object> figures = new HashMap<>();
    figures.put("nodes", 2);
    figures.put("reminders due at once", TASKS);
    figures.put("mails received when node A was killed", atKill);
    figures.put("reminders recorded in the outbox", recorded);
    figures.put("distinct Message-IDs received", perMessageId.size());
    figures.put("SMTP copies of an already delivered message (duplicates found)", copies);
    figures.put("open reminder jobs at the end", openJobs);
    figures.put("incidents", incidents);
    figures.put(
        "seconds from kill to the last reminder recorded",
        Duration.between(killed, allSent).toSeconds());
    figures.put("seconds in all", Duration.between(t0, Instant.now()).toSeconds());
    Files.writeString(
        Path.of("target/cluster-results.txt"),
        figures.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .sorted()
                .collect(Collectors.joining("\n"))
            + "\n");

    assertThat(recorded).as("every reminder recorded once (unique key)").isEqualTo(TASKS);
    assertThat(perMessageId).as("every reminder delivered").hasSize(TASKS);
    assertThat(copies)
        .as("copies beyond the jobs that were in flight when node A died")
        .isLessThanOrEqualTo(3);
    assertThat(openJobs).isZero();
    assertThat(incidents).isZero();
  }
}
