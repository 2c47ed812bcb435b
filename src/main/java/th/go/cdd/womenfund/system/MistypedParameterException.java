package th.go.cdd.womenfund.system;

import java.util.function.Supplier;

/**
 * A value in a page's or API's address that a handler could not read ({@code /briefing?date=xx}):
 * 400 with the Thai reason through the API ({@link ApiErrors}); a page is shown again without that
 * parameter, the reason on top ({@link ThaiPages}).
 */
public class MistypedParameterException extends ThaiValidationException {

  private final String parameter;

  public MistypedParameterException(String parameter, String problem) {
    super(problem);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  /** Reads one parameter; a refusal of the reading names the parameter it came from. */
  public static <T> T reading(String parameter, Supplier<T> read) {
    try {
      return read.get();
    } catch (MistypedParameterException e) {
      throw e;
    } catch (ThaiValidationException e) {
      throw new MistypedParameterException(parameter, e.getMessage());
    }
  }
}
