package th.go.cdd.womenfund.system;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Today in Bangkok by the engine's clock (which process tests move with ClockUtil). */
public final class EngineClock {

  private EngineClock() {}

  /** Now in Bangkok by the engine's clock. */
  public static java.time.LocalDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ThaiDates.BANGKOK).toLocalDateTime();
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ThaiDates.BANGKOK).toLocalDate();
  }
}
