package th.go.cdd.womenfund.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, in Bangkok: the one class of main code that touches the engine's internal
 * {@code ClockUtil} (process tests move it; the demo dates its restructuring round with it), so
 * timers, due dates, login waits and "today" all agree.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Now in Bangkok by the engine's clock. */
  public static LocalDateTime now() {
    return instant().atZone(ThaiDates.BANGKOK).toLocalDateTime();
  }

  public static LocalDate today() {
    return instant().atZone(ThaiDates.BANGKOK).toLocalDate();
  }

  /**
   * Sets the engine's clock (demo data written as of a past day); {@link #reset()} gives back real
   * time.
   */
  public static void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
