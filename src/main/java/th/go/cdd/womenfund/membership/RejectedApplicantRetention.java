package th.go.cdd.womenfund.membership;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.loan.RejectedApplications;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.system.PersonalDataRetention;
import th.go.cdd.womenfund.system.RetentionSettings;

/**
 * Applicants the committees turned down have no further business with the fund: {@code
 * womenfund.retention.rejected-applicants} after the last rejection, the national ID and name of a
 * woman named on rejected applications only are replaced by a pseudonym, and her family's names on
 * those applications are blanked. A registered member of the fund ({@code fund_membership}) keeps
 * hers.
 */
@Component
class RejectedApplicantRetention implements PersonalDataRetention {

  private static final int CHUNK = 500;

  private final RejectedApplications rejected;
  private final MemberRepository members;
  private final JdbcClient jdbc;
  private final RetentionSettings settings;

  RejectedApplicantRetention(
      RejectedApplications rejected,
      MemberRepository members,
      JdbcClient jdbc,
      RetentionSettings settings) {
    this.rejected = rejected;
    this.members = members;
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public String rule() {
    return "national IDs of rejected applicants after " + settings.rejectedApplicants();
  }

  @Override
  @Transactional
  public int apply(Instant now) {
    Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(settings.rejectedApplicants()).toInstant();
    List<Long> candidates = rejected.borrowersOnlyOnApplicationsRejectedBefore(cutoff);
    Set<Long> registered = new HashSet<>();
    for (int from = 0; from < candidates.size(); from += CHUNK) {
      List<Long> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
      registered.addAll(
          jdbc.sql(
                  "select member_id from fund_membership where member_id in ("
                      + String.join(",", Collections.nCopies(chunk.size(), "?"))
                      + ")")
              .params(chunk)
              .query(Long.class)
              .list());
    }
    List<Long> forget = candidates.stream().filter(id -> !registered.contains(id)).toList();
    return members.pseudonymise(forget) + rejected.forgetFamilyNames(cutoff);
  }
}
