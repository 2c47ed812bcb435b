package th.go.cdd.womenfund.loan;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.ContentCachingResponseWrapper;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;

/**
 * Hands the loan application's start form to each officer with her own places to choose from
 * ({@link StartFormPlaces}): on the deployed start form as Tasklist fetches it ({@code
 * /camunda/api/engine/engine/{engine}/process-definition/{id}/deployed-start-form}) and as the REST
 * API serves it ({@code /engine-rest/process-definition/…/deployed-start-form}), and likewise the
 * fix task's form ({@code …/task/{id}/deployed-form} on both paths). Every other answer passes
 * untouched. Registered after the REST API's authentication filter, so the caller is known for
 * both.
 */
public class StartFormPlacesFilter extends OncePerRequestFilter {

  private static final Pattern START_FORM =
      Pattern.compile(".*/(process-definition/.+/deployed-start-form|task/[^/]+/deployed-form)$");

  private final StartFormPlaces places;
  private final CurrentUser currentUser;

  public StartFormPlacesFilter(StartFormPlaces places, CurrentUser currentUser) {
    this.places = places;
    this.currentUser = currentUser;
  }

  /**
   * Registers the filter on both REST paths, after the REST API's authentication (order 101,
   * RestApiSecurity).
   */
  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<StartFormPlacesFilter> startFormPlacesFilter(
        StartFormPlaces places, CurrentUser user) {
      FilterRegistrationBean<StartFormPlacesFilter> registration =
          new FilterRegistrationBean<>(new StartFormPlacesFilter(places, user));
      registration.setName("womenfund-start-form-places");
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      registration.setOrder(150);
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !START_FORM.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    if (buffered.getStatus() != HttpServletResponse.SC_OK || body.length == 0) {
      buffered.copyBodyToResponse();
      return;
    }
    byte[] form;
    try {
      form = places.forPerson(body, actor());
    } catch (IOException notJson) {
      form = body;
    }
    response.setContentLength(form.length);
    response.getOutputStream().write(form);
    response.flushBuffer();
  }

  private Actor actor() {
    try {
      return currentUser.actor();
    } catch (ResponseStatusException notSignedIn) {
      return null;
    }
  }
}
