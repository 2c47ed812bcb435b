package th.go.cdd.womenfund.system.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How much a request may send ({@code womenfund.limits}): one default for every body (JSON, forms)
 * and larger limits for named paths (the bank-statement import). {@link BodySizeLimitFilter}
 * enforces them before the body is read; the servlet container's own caps (multipart, form posts,
 * swallowing) are set to the largest of them.
 */
@ConfigurationProperties("womenfund.limits")
public record RequestLimits(
    @DefaultValue("256KB") DataSize defaultBody, @DefaultValue List<PathLimit> paths) {

  /**
   * A path pattern as the servlet container sees it (e.g. {@code /api/repayments/import}, {@code
   * /engine-rest/**}).
   */
  public record PathLimit(String pattern, DataSize maxBody) {}

  /** The limit of a request path: the first pattern that matches, else the default. */
  public long maxBytes(String path) {
    org.springframework.http.server.PathContainer container =
        org.springframework.http.server.PathContainer.parsePath(path);
    for (PathLimit p : paths) {
      PathPattern pattern = PathPatternParser.defaultInstance.parse(p.pattern());
      if (pattern.matches(container)) {
        return p.maxBody().toBytes();
      }
    }
    return defaultBody.toBytes();
  }

  /** The largest limit: the container's caps (multipart, form posts) are set to it. */
  public long largest() {
    return paths.stream()
        .mapToLong(p -> p.maxBody().toBytes())
        .reduce(defaultBody.toBytes(), Math::max);
  }

  /** A size in Thai units, e.g. "2 เมกะไบต์", "256 กิโลไบต์". */
  public static String thai(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + " เมกะไบต์";
    }
    if (bytes >= 1024 * 1024) {
      return String.format("%.1f เมกะไบต์", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024) {
      return ((bytes + 1023) / 1024) + " กิโลไบต์";
    }
    return bytes + " ไบต์";
  }
}
