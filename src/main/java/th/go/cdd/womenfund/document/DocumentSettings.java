package th.go.cdd.womenfund.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code womenfund.documents.*}: how large an attached document may be, and the virus scanner. The
 * request body of an upload is bounded before it is read by {@code womenfund.limits} (path {@code
 * /documents/**}, a little more than {@code max-size} for the multipart envelope) and by the
 * container's multipart cap; {@code max-size} is the file itself.
 *
 * @param maxSize the largest file accepted
 * @param clamd where clamd listens; without a host or socket the built-in scanner is used (it knows
 *     the EICAR test signature only)
 */
@ConfigurationProperties("womenfund.documents")
public record DocumentSettings(
    @DefaultValue("1536KB") DataSize maxSize, @DefaultValue Clamd clamd) {

  /**
   * clamd's INSTREAM service: a TCP {@code host}/{@code port} or a unix {@code socket} path.
   *
   * @param host TCP host of clamd (empty: not used)
   * @param port TCP port of clamd
   * @param socket unix socket of clamd, e.g. /var/run/clamav/clamd.ctl (empty: not used)
   * @param timeout how long to wait for clamd's answer
   */
  public record Clamd(
      @DefaultValue("") String host,
      @DefaultValue("3310") int port,
      @DefaultValue("") String socket,
      @DefaultValue("30s") Duration timeout) {

    public boolean configured() {
      return !host.isBlank() || !socket.isBlank();
    }
  }
}
