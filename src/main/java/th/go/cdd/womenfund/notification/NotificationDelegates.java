package th.go.cdd.womenfund.notification;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates of {@code task-reminders} and {@code daily-task-digest}: one mail each, in its own job.
 */
@Configuration
public class NotificationDelegates {

  @Bean
  JavaDelegate sendTaskReminder(TaskReminders reminders) {
    return execution ->
        reminders.send((String) execution.getVariable(NotificationProcesses.Var.REMINDER_KEY));
  }

  @Bean
  JavaDelegate sendTaskDigest(TaskDigest digest) {
    return execution ->
        digest.send((String) execution.getVariable(NotificationProcesses.Var.DIGEST_USER));
  }
}
