package th.go.cdd.womenfund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {

  final ReminderPlanner planner =
      new ReminderPlanner(new ReminderSettings(List.of(5, 2), true, List.of(1, 7), null, null, 0));
  final LocalDate due = LocalDate.of(2027, 1, 2); // across the Buddhist-year change 2569 -> 2570

  @Test
  void theLatestReminderWhoseDayHasComeIsDue() {
    assertThat(planner.dueReminder(due, due.minusDays(6))).isEmpty();
    assertThat(planner.dueReminder(due, due.minusDays(5))).contains(new ReminderKind(-5));
    assertThat(planner.dueReminder(due, due.minusDays(3))).contains(new ReminderKind(-5));
    assertThat(planner.dueReminder(due, due.minusDays(2))).contains(new ReminderKind(-2));
    assertThat(planner.dueReminder(due, due)).contains(new ReminderKind(0));
    assertThat(planner.dueReminder(due, due.plusDays(1))).contains(new ReminderKind(1));
    assertThat(planner.dueReminder(due, due.plusDays(6))).contains(new ReminderKind(1));
    assertThat(planner.dueReminder(due, due.plusDays(30))).contains(new ReminderKind(7));
  }

  @Test
  void keysAndCodesRoundTrip() {
    for (int offset : new int[] {-5, -2, 0, 1, 7}) {
      ReminderKind k = new ReminderKind(offset);
      assertThat(ReminderKind.fromCode(k.code())).isEqualTo(k);
    }
    assertThat(ReminderPlanner.key("t1", new ReminderKind(-2), due))
        .isEqualTo("reminder:t1:before-2:2027-01-02");
    assertThat(new ReminderKind(-5).phraseTh()).isEqualTo("อีก 5 วันจะครบกำหนด");
    assertThat(new ReminderKind(3).phraseTh()).isEqualTo("เลยกำหนดมาแล้ว 3 วัน");
  }
}
