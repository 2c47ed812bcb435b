package th.go.cdd.womenfund.system;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import th.go.cdd.womenfund.system.limits.BodyTooLargeException;
import th.go.cdd.womenfund.system.limits.PayloadTooLargeRefusal;

/**
 * Refusals of the app's {@code /api} endpoints (every {@link RestController}) as JSON with the Thai
 * message(s), never a stack trace. App-wide, so it lives here and knows only system's refusals
 * ({@link NotYourAreaException} 403, {@link NotFoundRefusal} 404, {@link PayloadTooLargeRefusal}
 * 413) and the request's own mistakes (a mistyped or missing parameter: 400, {@link
 * MistypedParameters}). The answer is JSON whatever the client accepts: a browser asking for HTML
 * used to turn the refusal into a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

  @ExceptionHandler(ThaiValidationException.class)
  public ResponseEntity<Map<String, Object>> refused(ThaiValidationException e) {
    HttpStatus status =
        e instanceof PayloadTooLargeRefusal
            ? HttpStatus.PAYLOAD_TOO_LARGE
            : e instanceof NotYourAreaException
                ? HttpStatus.FORBIDDEN
                : e instanceof NotFoundRefusal ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return json(status, e.getMessage(), e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
    if (tooLarge != null) {
      return json(
          HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(tooLarge.getMessage()));
    }
    String message =
        "ข้อมูลที่ส่งมาอ่านไม่ได้: กรุณาส่ง JSON ตามรูปแบบ เช่น {\"paidOn\": \"28/11/2569\", \"amount\": \"1500.00\","
            + " \"reference\": \"KTB-0001\"}";
    return json(HttpStatus.BAD_REQUEST, message, List.of(message));
  }

  @ExceptionHandler({
    TypeMismatchException.class,
    ServletRequestBindingException.class,
    DateTimeException.class,
    NumberFormatException.class
  })
  public ResponseEntity<Map<String, Object>> mistyped(Exception e) {
    String message = MistypedParameters.message(e);
    return json(HttpStatus.BAD_REQUEST, message, List.of(message));
  }

  private static ResponseEntity<Map<String, Object>> json(
      HttpStatus status, String message, List<String> problems) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message, "problems", problems));
  }
}
