package th.go.cdd.womenfund.reporting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Until field visits are recorded: none (a {@code @Primary} {@link FieldVisits} replaces this). */
@Component
public class NoFieldVisitsYet implements FieldVisits {

  @Override
  public List<Visit> between(String provinceCode, LocalDate from, LocalDate to) {
    return List.of();
  }
}
