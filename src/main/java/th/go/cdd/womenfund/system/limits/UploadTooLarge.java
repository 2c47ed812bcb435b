package th.go.cdd.womenfund.system.limits;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload without a declared length that the container stopped at its multipart cap ({@code
 * spring.servlet.multipart.max-request-size}): 413 with the Thai message, like every other
 * oversized body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadTooLarge {

  private final RequestLimits limits;

  public UploadTooLarge(RequestLimits limits) {
    this.limits = limits;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    String message = BodySizeLimitFilter.message(limits.largest());
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("message", message, "problems", List.of(message)));
  }
}
