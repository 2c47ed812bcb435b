package th.go.cdd.womenfund.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import th.go.cdd.womenfund.system.limits.BodyTooLargeException;

/**
 * Refusals of the fund's steps through the engine's REST API ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}): HTTP 400 with the Thai reason alone, and nothing in the log. The
 * engine's REST resources wrap any failure of a start or a task completion into a 500 "Cannot
 * instantiate process definition …" (and log its stack trace); a {@link RefusedInputException}
 * anywhere in the cause chain is a person's bad input, not a failure. Everything else keeps the
 * engine's own answer, except a body read past its size limit: 413 in Thai. Registered in every
 * Jersey application of the app through Jersey's auto-discovery ({@code META-INF/services}).
 */
public class ThaiRestRefusals implements ForcedAutoDiscoverable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(WrappedRefusals.class)) {
      context.register(WrappedRefusals.class);
      context.register(DirectRefusals.class);
      context.register(NotAllowed.class);
      context.register(TooLarge.class);
    }
  }

  /** The refusal inside a REST resource's wrapper, or null. */
  static RefusedInputException refusalIn(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof RefusedInputException r) {
        return r;
      }
    }
    return null;
  }

  static Response badRequest(RefusedInputException refusal) {
    return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", refusal.getMessage());
  }

  static Response answer(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", null);
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the engine's resources throw: a RestException wrapping the engine's exception. */
  @Priority(1)
  public static class WrappedRefusals implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
      if (tooLarge != null) {
        return tooLarge(tooLarge);
      }
      RefusedInputException refusal = refusalIn(e);
      return refusal != null
          ? badRequest(refusal)
          : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /**
   * The engine's "no permission": 403 in Thai, naming neither the resource nor the permissions (the
   * engine's English text lists them). The webapps read the status and the type.
   */
  @Priority(1)
  public static class NotAllowed
      implements ExceptionMapper<org.camunda.bpm.engine.AuthorizationException> {
    @Override
    public Response toResponse(org.camunda.bpm.engine.AuthorizationException e) {
      // the fund's own refusals (e.g. changing one's own e-mail) are in Thai already and say what
      // to do
      boolean thai =
          e.getMessage() != null
              && e.getMessage().codePoints().anyMatch(c -> c >= 0x0E00 && c <= 0x0E7F);
      return answer(
          Response.Status.FORBIDDEN,
          "AuthorizationException",
          thai
              ? e.getMessage()
              : "ท่านไม่มีสิทธิ์ดำเนินการนี้ หรือรายการนี้ไม่อยู่ในพื้นที่ที่ท่านรับผิดชอบ");
    }
  }

  static Response tooLarge(BodyTooLargeException e) {
    return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "PayloadTooLarge", e.getMessage());
  }

  /**
   * A chunked body that went past its limit ({@code womenfund.limits}) while the engine's resource
   * read it: 413 with the Thai message, as {@code BodySizeLimitFilter} answers a declared length
   * (the engine's own handler answered 500).
   */
  @Priority(1)
  public static class TooLarge implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
      return tooLarge(e);
    }
  }

  /** What reaches Jersey unwrapped (variable updates, messages, ...). */
  @Priority(1)
  public static class DirectRefusals implements ExceptionMapper<RefusedInputException> {
    @Override
    public Response toResponse(RefusedInputException e) {
      return badRequest(e);
    }
  }
}
