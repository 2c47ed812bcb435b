package th.go.cdd.womenfund.notification;

/**
 * One reminder of a task: {@code offsetDays} relative to the due day (negative before, 0 on the
 * day, positive after). Its key (task, kind, due day) is what makes it go out only once.
 */
public record ReminderKind(int offsetDays) {

  public String code() {
    return offsetDays < 0
        ? "before-" + (-offsetDays)
        : offsetDays == 0 ? "due-day" : "after-" + offsetDays;
  }

  public static ReminderKind fromCode(String code) {
    if (code.equals("due-day")) {
      return new ReminderKind(0);
    }
    if (code.startsWith("before-")) {
      return new ReminderKind(-Integer.parseInt(code.substring(7)));
    }
    if (code.startsWith("after-")) {
      return new ReminderKind(Integer.parseInt(code.substring(6)));
    }
    throw new IllegalArgumentException("unknown reminder kind " + code);
  }

  /**
   * The reminder point as words: "อีก 5 วันจะครบกำหนด", "ครบกำหนดวันนี้", "เลยกำหนดมาแล้ว 1 วัน".
   */
  public String phraseTh() {
    return phraseTh(-offsetDays);
  }

  /**
   * What a mail says: the truth on the day it is sent, not the reminder point (a reminder sent
   * late, after the system was down or a due date moved, must not tell an officer 11 days late that
   * she is 1 day late).
   *
   * @param daysToDue days from the sending day to the due day: positive before, 0 on the day,
   *     negative after
   */
  public static String phraseTh(long daysToDue) {
    return daysToDue > 0
        ? "อีก " + daysToDue + " วันจะครบกำหนด"
        : daysToDue == 0 ? "ครบกำหนดวันนี้" : "เลยกำหนดมาแล้ว " + (-daysToDue) + " วัน";
  }
}
