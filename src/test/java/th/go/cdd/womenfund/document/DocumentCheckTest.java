package th.go.cdd.womenfund.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a file is, by its content, and the virus scanners: the built-in EICAR check, and the clamd
 * client against an in-process fake clamd that speaks INSTREAM over TCP and a unix socket.
 */
class DocumentCheckTest {

  @Test
  void theTypeComesFromTheContentNeverTheName() {
    assertThat(ContentTypes.accepted(TestFiles.pdf("x"))).contains("application/pdf");
    assertThat(ContentTypes.accepted(TestFiles.jpeg())).contains("image/jpeg");
    assertThat(ContentTypes.accepted(TestFiles.png())).contains("image/png");
    assertThat(ContentTypes.accepted(TestFiles.exe())).isEmpty();
    assertThat(ContentTypes.accepted(TestFiles.html())).isEmpty();
    assertThat(ContentTypes.accepted("hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aNameKeepsNoFolderAndGetsTheExtensionOfWhatTheFileIs() {
    assertThat(DocumentService.safeName("C:\\scan\\สัญญา.exe", "application/pdf"))
        .isEqualTo("สัญญา.pdf");
    assertThat(DocumentService.safeName("../../x\"<y>.jpg", "image/png")).isEqualTo("x__y_.png");
    assertThat(DocumentService.safeName("", "image/jpeg")).isEqualTo("เอกสาร.jpg");
  }

  @Test
  void theBuiltInScannerKnowsTheEicarTestFile() {
    EicarScanner scanner = new EicarScanner();
    assertThat(scanner.scan(TestFiles.eicar()).clean()).isFalse();
    byte[] inPdf = TestFiles.pdf(new String(TestFiles.eicar(), StandardCharsets.US_ASCII));
    assertThat(scanner.scan(inPdf).clean()).isFalse();
    assertThat(scanner.scan(TestFiles.pdf("clean")).clean()).isTrue();
  }

  @Test
  void theClamdClientSpeaksInstreamOverTcp() throws Exception {
    AtomicInteger streams = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0)) {
      Thread fake =
          new Thread(
              () -> {
                for (int i = 0; i < 2; i++) {
                  try (Socket s = server.accept()) {
                    answer(s.getInputStream(), s.getOutputStream());
                    streams.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      fake.start();
      ClamdScanner scanner =
          new ClamdScanner(
              new DocumentSettings.Clamd(
                  "127.0.0.1", server.getLocalPort(), "", Duration.ofSeconds(5)));
      VirusScanner.Verdict infected = scanner.scan(TestFiles.eicar());
      assertThat(infected.clean()).isFalse();
      assertThat(infected.signature()).isEqualTo("Eicar-Signature");
      // larger than one chunk, so the client sends several
      assertThat(scanner.scan(TestFiles.pdfOfSize(20_000)).clean()).isTrue();
      fake.join(5000);
      assertThat(streams.get()).isEqualTo(2);
    }
  }

  @Test
  void theClamdClientSpeaksInstreamOverAUnixSocket() throws Exception {
    Path dir = Files.createTempDirectory("clamd");
    Path socket = dir.resolve("clamd.ctl");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread fake =
          new Thread(
              () -> {
                try (SocketChannel c = server.accept()) {
                  answer(Channels.newInputStream(c), Channels.newOutputStream(c));
                } catch (IOException e) {
                  // the test fails on the verdict
                }
              });
      fake.start();
      ClamdScanner scanner =
          new ClamdScanner(
              new DocumentSettings.Clamd("", 3310, socket.toString(), Duration.ofSeconds(5)));
      assertThat(scanner.scan(TestFiles.eicar()).clean()).isFalse();
      fake.join(5000);
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void anUnreachableOrConfusedClamdIsNoAnswerNeverClean() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ClamdScanner down =
        new ClamdScanner(new DocumentSettings.Clamd("127.0.0.1", port, "", Duration.ofSeconds(2)));
    assertThatThrownBy(() -> down.scan(TestFiles.pdf("x")))
        .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
    assertThatThrownBy(() -> ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR"))
        .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
    assertThat(ClamdScanner.verdict("stream: OK").clean()).isTrue();
  }

  /**
   * A fake clamd: reads {@code zINSTREAM\0} and the chunks up to the zero length, answers as clamd
   * does.
   */
  static void answer(InputStream in, OutputStream out) throws IOException {
    byte[] command = in.readNBytes(10);
    if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
      out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while (true) {
      byte[] len = in.readNBytes(4);
      int n =
          ((len[0] & 0xFF) << 24)
              | ((len[1] & 0xFF) << 16)
              | ((len[2] & 0xFF) << 8)
              | (len[3] & 0xFF);
      if (n == 0) {
        break;
      }
      content.write(in.readNBytes(n));
    }
    boolean infected = EicarScanner.indexOf(content.toByteArray(), EicarScanner.EICAR) >= 0;
    out.write(
        (infected ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
