package th.go.cdd.womenfund.system.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit ({@link RequestLimits}), enforced before the body is read: a
 * declared length over the limit is refused at once with 413 and a Thai message, without reading a
 * byte of it; a body without a length (chunked) is read through a counting stream that fails at the
 * limit, so nothing ever buffers more than the limit. Multipart and form posts are parsed by the
 * container itself, which the container's caps bound (application.yaml).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final RequestLimits limits;

  public BodySizeLimitFilter(RequestLimits limits) {
    this.limits = limits;
  }

  static String message(long limit) {
    return "ข้อมูลที่ส่งมามีขนาดเกิน "
        + RequestLimits.thai(limit)
        + " ซึ่งเป็นขนาดสูงสุดที่ระบบรับได้"
        + ": กรุณาแบ่งไฟล์หรือลดขนาดข้อมูลแล้วส่งใหม่";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limits.maxBytes(path);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(response, limit);
      return;
    }
    Limited limited = new Limited(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      // the body went past the limit while read by code that let the failure through: still a 413
      // in Thai
      if ((limited.exceeded || BodyTooLargeException.in(e) != null) && !response.isCommitted()) {
        response.reset();
        refuse(response, limit);
        return;
      }
      throw e;
    }
  }

  static void refuse(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    String m = message(limit);
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"PayloadTooLarge\",\"message\":\""
                    + m
                    + "\",\"problems\":[\""
                    + m
                    + "\"]}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The request with its body counted: reading past the limit throws {@link BodyTooLargeException}.
   */
  static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream in;
    private BufferedReader reader;
    volatile boolean exceeded;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new Counting(super.getInputStream());
      }
      return in;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset =
            encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }

    private final class Counting extends ServletInputStream {

      private final ServletInputStream delegate;
      private long count;

      Counting(ServletInputStream delegate) {
        this.delegate = delegate;
      }

      private int counted(int n) throws BodyTooLargeException {
        if (n > 0) {
          count += n;
          if (count > limit) {
            exceeded = true;
            throw new BodyTooLargeException(limit);
          }
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = delegate.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (exceeded) {
          throw new BodyTooLargeException(limit);
        }
        // never read more than one byte past the limit
        int max = (int) Math.min(len, Math.max(1, limit - count + 1));
        return counted(delegate.read(b, off, max));
      }

      @Override
      public boolean isFinished() {
        return delegate.isFinished();
      }

      @Override
      public boolean isReady() {
        return delegate.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
      }
    }
  }
}
