package th.go.cdd.womenfund.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks clamd (ClamAV's daemon, Debian package {@code clamav-daemon}) over its INSTREAM protocol:
 * {@code zINSTREAM\0}, then chunks of a 4-byte big-endian length and the bytes, then a zero length;
 * clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}. TCP or a unix socket.
 */
public class ClamdScanner implements VirusScanner {

  private static final int CHUNK = 8192;

  private final DocumentSettings.Clamd clamd;
  private final ExecutorService timer =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "clamd-scan");
            t.setDaemon(true);
            return t;
          });

  public ClamdScanner(DocumentSettings.Clamd clamd) {
    this.clamd = clamd;
  }

  @Override
  public Verdict scan(byte[] content) {
    long millis = clamd.timeout().toMillis();
    if (!clamd.socket().isBlank()) {
      try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        channel.connect(UnixDomainSocketAddress.of(clamd.socket()));
        // a channel has no read timeout: the conversation runs with one, and closing ends it
        Future<String> answer =
            timer.submit(
                () ->
                    talk(
                        Channels.newInputStream(channel),
                        Channels.newOutputStream(channel),
                        content));
        return verdict(answer.get(millis, TimeUnit.MILLISECONDS));
      } catch (IOException | ExecutionException | TimeoutException e) {
        throw new ScannerUnavailableException("clamd at " + clamd.socket() + " did not answer", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ScannerUnavailableException("interrupted", e);
      }
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(clamd.host(), clamd.port()), (int) millis);
      socket.setSoTimeout((int) millis);
      return verdict(talk(socket.getInputStream(), socket.getOutputStream(), content));
    } catch (IOException e) {
      throw new ScannerUnavailableException(
          "clamd at " + clamd.host() + ":" + clamd.port() + " did not answer", e);
    }
  }

  static String talk(InputStream in, OutputStream out, byte[] content) throws IOException {
    out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
    for (int off = 0; off < content.length; off += CHUNK) {
      int n = Math.min(CHUNK, content.length - off);
      out.write(length(n));
      out.write(content, off, n);
    }
    out.write(length(0));
    out.flush();
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) > 0 && reply.size() < 1024) {
      reply.write(b);
    }
    return reply.toString(StandardCharsets.US_ASCII).strip();
  }

  private static byte[] length(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  /** "stream: OK" or "stream: Eicar-Signature FOUND"; anything else (an ERROR) is no answer. */
  static Verdict verdict(String reply) {
    String body = reply.startsWith("stream:") ? reply.substring(7).strip() : reply;
    if (body.equals("OK")) {
      return Verdict.ok();
    }
    if (body.endsWith(" FOUND")) {
      return Verdict.found(body.substring(0, body.length() - 6).strip());
    }
    throw new ScannerUnavailableException("clamd answered: " + reply, null);
  }
}
