package th.go.cdd.womenfund.system;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which of her own areas (districts, provinces) a page works on, chosen by the code it was sent.
 */
public final class OwnAreas {

  private OwnAreas() {}

  /**
   * The area of {@code mine} whose code is {@code requested}, the first one when none was sent; 403
   * with {@code noneMessage} when she has none, with {@code notMineMessage} when the code is not
   * one of hers.
   */
  public static <T> T choose(
      String noneMessage,
      String notMineMessage,
      List<T> mine,
      Function<T, String> code,
      String requested) {
    if (mine.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, noneMessage);
    }
    if (requested == null || requested.isBlank()) {
      return mine.get(0);
    }
    return mine.stream()
        .filter(a -> code.apply(a).equals(requested))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, notMineMessage));
  }
}
