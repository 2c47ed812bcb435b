package th.go.cdd.womenfund.holiday;

import java.util.ArrayList;
import java.util.List;

/**
 * Published inside the transaction that added or removed a holiday, so that what counts working
 * days (the restructuring submission deadline) counts again in the same transaction. Listeners
 * report what they moved, in Thai, for the administrator who made the change.
 */
public final class HolidaysChanged {

  private final PublicHoliday holiday;
  private final boolean added;
  private final List<String> effects = new ArrayList<>();

  public HolidaysChanged(PublicHoliday holiday, boolean added) {
    this.holiday = holiday;
    this.added = added;
  }

  public PublicHoliday holiday() {
    return holiday;
  }

  public boolean added() {
    return added;
  }

  public void report(String effectTh) {
    effects.add(effectTh);
  }

  public List<String> effects() {
    return List.copyOf(effects);
  }
}
