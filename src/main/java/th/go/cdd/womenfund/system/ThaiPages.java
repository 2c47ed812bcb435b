package th.go.cdd.womenfund.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * For the app's Thai pages ({@link ThaiPage}): who is signed in (for the page header), and refusals
 * shown as a Thai error page with the right status — the reason as it was written, never a stack
 * trace. A mistyped parameter in a page's address ({@code /dashboard?year=xx}) shows the page again
 * without it, with the Thai message on top ({@code pageMessage}, shown by the header fragment).
 */
@ControllerAdvice(annotations = ThaiPage.class)
public class ThaiPages {

  /**
   * The model attribute the header fragment shows above a page: what was wrong with the address.
   */
  public static final String PAGE_MESSAGE = "pageMessage";

  @ModelAttribute("currentUserName")
  public String currentUserName() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof PageUser user) {
      return user.displayName() + " (" + user.userId() + ")";
    }
    return "";
  }

  @ExceptionHandler(ResponseStatusException.class)
  public ModelAndView refused(ResponseStatusException e, HttpServletResponse response) {
    return page(e.getStatusCode().value(), e.getReason(), response);
  }

  @ExceptionHandler(ThaiValidationException.class)
  public ModelAndView badInput(
      ThaiValidationException e, HttpServletRequest request, HttpServletResponse response) {
    if (e instanceof MistypedParameterException m) {
      return again(m.parameter(), e.getMessage(), request, response);
    }
    int status = e instanceof NotYourAreaException ? 403 : e instanceof NotFoundRefusal ? 404 : 400;
    return page(status, e.getMessage(), response);
  }

  /**
   * A parameter that is not of its type, missing, or not a date: the same page again without the
   * mistyped parameter (a GET that carried it), the message on top; otherwise the Thai error page
   * with 400.
   */
  @ExceptionHandler({
    TypeMismatchException.class,
    ServletRequestBindingException.class,
    DateTimeException.class,
    NumberFormatException.class
  })
  public ModelAndView mistyped(
      Exception e, HttpServletRequest request, HttpServletResponse response) {
    return again(MistypedParameters.parameter(e), MistypedParameters.message(e), request, response);
  }

  private ModelAndView again(
      String parameter, String message, HttpServletRequest request, HttpServletResponse response) {
    if ("GET".equals(request.getMethod())
        && parameter != null
        && request.getParameter(parameter) != null) {
      String again =
          UriComponentsBuilder.fromPath(request.getRequestURI())
              .query(request.getQueryString())
              .replaceQueryParam(parameter)
              .build(true)
              .toUriString();
      RequestContextUtils.getOutputFlashMap(request).put(PAGE_MESSAGE, message);
      return new ModelAndView("redirect:" + again.substring(request.getContextPath().length()));
    }
    return page(400, message, response);
  }

  private ModelAndView page(int status, String message, HttpServletResponse response) {
    response.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.addObject("status", status);
    mv.addObject("thaiMessage", message);
    mv.addObject("currentUserName", currentUserName());
    return mv;
  }
}
