package th.go.cdd.womenfund.system.limits;

import java.io.IOException;

/**
 * A request body went past its limit while being read (chunked, or a length that lied); reading
 * stopped there.
 */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super(BodySizeLimitFilter.message(limit));
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  /** The exception itself or one of its causes, if any is a {@link BodyTooLargeException}. */
  public static BodyTooLargeException in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BodyTooLargeException e) {
        return e;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
