package th.go.cdd.womenfund.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the app's Thai pages ({@link ThaiPage}): who is signed in (for the page header), and refusals shown as
 * a Thai error page with the right status — the reason as it was written, never a stack trace.
 */
@ControllerAdvice(annotations = ThaiPage.class)
public class ThaiPages {

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
  public ModelAndView badInput(ThaiValidationException e, HttpServletResponse response) {
    return page(400, e.getMessage(), response);
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
