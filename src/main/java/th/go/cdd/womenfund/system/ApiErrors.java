package th.go.cdd.womenfund.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import th.go.cdd.womenfund.system.limits.BodyTooLargeException;
import th.go.cdd.womenfund.system.limits.PayloadTooLargeRefusal;

/**
 * Refusals of the app's {@code /api} endpoints as JSON with the Thai message(s), never a stack trace. App-wide,
 * so it lives here and knows only system's refusals ({@link NotYourAreaException} 403, {@link NotFoundRefusal}
 * 404, {@link PayloadTooLargeRefusal} 413); the packages are named as text, not as types.
 */
@RestControllerAdvice(basePackages = {"th.go.cdd.womenfund.repayment", "th.go.cdd.womenfund.reporting"})
public class ApiErrors {

  @ExceptionHandler(ThaiValidationException.class)
  public ResponseEntity<Map<String, Object>> refused(ThaiValidationException e) {
    HttpStatus status = e instanceof PayloadTooLargeRefusal ? HttpStatus.PAYLOAD_TOO_LARGE
        : e instanceof NotYourAreaException ? HttpStatus.FORBIDDEN
        : e instanceof NotFoundRefusal ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  public ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(Map.of("message", tooLarge.getMessage(), "problems", List.of(tooLarge.getMessage())));
    }
    String message = "ข้อมูลที่ส่งมาอ่านไม่ได้: กรุณาส่ง JSON ตามรูปแบบ เช่น {\"paidOn\": \"28/11/2569\", \"amount\": \"1500.00\","
        + " \"reference\": \"KTB-0001\"}";
    return ResponseEntity.badRequest().body(Map.of("message", message, "problems", List.of(message)));
  }
}
