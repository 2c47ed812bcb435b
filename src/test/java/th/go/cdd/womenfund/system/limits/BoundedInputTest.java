package th.go.cdd.womenfund.system.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.repayment.BankStatementImport;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;

/**
 * Issue 11: one upload stopped the service (four 46 MB statements at once: OutOfMemoryError, H2
 * closed). Every body now has a limit checked before it is read; statements are read row by row and
 * no further than the row cap. The posts are made over a raw socket, as an attacker would: the
 * whole 50 MB is offered, no Expect: 100-continue.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BoundedInputTest {

  static final String PASSWORD = "bounds-test-password";
  static final long FIFTY_MB = 50L * 1024 * 1024;
  static final String ROW = "10/03/2569,LA-2305-2569-00001,100.00,KTB-000001,ทดสอบ\n";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @LocalServerPort int port;

  @BeforeEach
  void users() {
    roles.ensureProvince(areas.province("23").orElseThrow());
    TestPeople.of(engine).user("bounds23").password(PASSWORD).member(Roles.provinceOfficers("23"));
  }

  /** What the server answered: status, body, and how long until the status line arrived. */
  record Answer(int status, String body, long millis) {}

  /**
   * Posts {@code size} bytes of statement rows to the import over a raw connection: one thread
   * offers the body (stopping when the server closes), this one reads the answer.
   */
  Answer post(String path, long size, boolean chunked, byte[] tail) throws Exception {
    long start = System.nanoTime();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      String auth =
          Base64.getEncoder()
              .encodeToString(("bounds23:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nAuthorization: Basic "
                  + auth
                  + "\r\nContent-Type: text/csv; charset=UTF-8\r\n"
                  + (chunked
                      ? "Transfer-Encoding: chunked\r\n"
                      : "Content-Length: " + size + "\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread writer =
          new Thread(
              () -> {
                try {
                  byte[] header =
                      (BankStatementImport.TEMPLATE + "\n").getBytes(StandardCharsets.UTF_8);
                  byte[] row = ROW.getBytes(StandardCharsets.UTF_8);
                  byte[] block = new byte[64 * 1024];
                  int filled = 0;
                  while (filled + row.length <= block.length) {
                    System.arraycopy(row, 0, block, filled, row.length);
                    filled += row.length;
                  }
                  long sent = 0;
                  sent += send(out, header, header.length, chunked);
                  long bodyEnd = size - (tail == null ? 0 : tail.length);
                  while (sent < bodyEnd) {
                    int n = (int) Math.min(filled, bodyEnd - sent);
                    sent += send(out, block, n, chunked);
                  }
                  if (tail != null) {
                    send(out, tail, tail.length, chunked);
                  }
                  if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                } catch (IOException e) {
                  // the server refused and closed the connection: the rest is not wanted
                }
              });
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      long millis = (System.nanoTime() - start) / 1_000_000;
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      long length = -1;
      boolean chunkedAnswer = false;
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(h.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunkedAnswer = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunkedAnswer) {
        for (int n = Integer.parseInt(line(in).strip(), 16);
            n > 0;
            n = Integer.parseInt(line(in).strip(), 16)) {
          body.write(in.readNBytes(n));
          line(in);
        }
      } else if (length >= 0) {
        body.write(in.readNBytes((int) length));
      }
      return new Answer(status, body.toString(StandardCharsets.UTF_8), millis);
    }
  }

  static int send(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes, 0, n);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return n;
  }

  static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  @Test
  void fourConcurrentFiftyMegabyteStatementsAreEachRefusedWithinSecondsAndTheServiceStaysUp()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Answer>> posts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        posts.add(pool.submit(() -> post("/api/repayments/import", FIFTY_MB, false, null)));
      }
      for (Future<Answer> f : posts) {
        Answer a = f.get();
        System.out.println(
            "50 MB statement refused: HTTP " + a.status() + " after " + a.millis() + " ms");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body()).contains("เกิน 2 เมกะไบต์").contains("กรุณาแบ่งไฟล์");
        assertThat(a.millis()).isLessThan(5_000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aChunkedStatementWithoutALengthIsRefusedAtTheLimit() throws Exception {
    // one row whose note is 3 MB long: few rows, so only the size limit can stop it
    byte[] longNote = "ก".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
    Answer a =
        post("/api/repayments/import", ROW.length() + longNote.length + 200L, true, longNote);
    System.out.println(
        "chunked 3 MB statement: HTTP " + a.status() + " after " + a.millis() + " ms");
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.body()).contains("เกิน 2 เมกะไบต์");
    assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aChunkedMultipartUploadIsCappedByTheContainer() throws Exception {
    String boundary = "----womenfund-bounds";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + BankStatementImport.TEMPLATE
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long rows = 3L * 1024 * 1024;
    java.io.InputStream body =
        new java.io.SequenceInputStream(
            java.util.Collections.enumeration(
                List.of(
                    new java.io.ByteArrayInputStream(head),
                    new java.io.InputStream() {
                      long left = rows;
                      final byte[] row = ROW.getBytes(StandardCharsets.UTF_8);

                      @Override
                      public int read() {
                        return left-- > 0 ? row[(int) (left % row.length)] & 0xff : -1;
                      }
                    },
                    new java.io.ByteArrayInputStream(tail))));
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/repayments/import"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("bounds23:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    System.out.println("chunked 3 MB multipart statement: HTTP " + r.statusCode() + " " + r.body());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(rest.getForEntity("/login", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aStatementWithMoreRowsThanTheCapIsRefusedWhileStreaming() {
    // the cap is hit at row 2,001; what follows (an unclosed quote) is never read, so it cannot be
    // what is reported
    String csv =
        BankStatementImport.TEMPLATE
            + "\n"
            + ROW.repeat(BankStatementImport.MAX_ROWS + 1)
            + "\"never read";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv;charset=UTF-8"));
    ResponseEntity<String> r =
        rest.withBasicAuth("bounds23", PASSWORD)
            .postForEntity("/api/repayments/import", new HttpEntity<>(csv, headers), String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody())
        .contains("เกิน 2000 รายการต่อครั้ง")
        .contains("หยุดอ่านที่แถวที่ 2002")
        .doesNotContain("อ่านไฟล์ CSV ไม่ได้");
  }

  @Test
  void smallBodiesHaveASmallLimitEverywhere() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String big = "{\"note\": \"" + "x".repeat(600 * 1024) + "\"}";
    ResponseEntity<String> api =
        rest.withBasicAuth("bounds23", PASSWORD)
            .postForEntity("/api/loans/1/payments", new HttpEntity<>(big, headers), String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(api.getBody()).contains("เกิน 256 กิโลไบต์");
    ResponseEntity<String> engineRest =
        rest.withBasicAuth("bounds23", PASSWORD)
            .postForEntity(
                "/engine-rest/process-instance", new HttpEntity<>(big, headers), String.class);
    assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(engineRest.getBody()).contains("เกิน 512 กิโลไบต์");
  }
}
