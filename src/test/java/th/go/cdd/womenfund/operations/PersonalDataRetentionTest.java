package th.go.cdd.womenfund.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.RetentionJob;
import th.go.cdd.womenfund.system.RetentionSettings;

/**
 * The retention rules for personal data in the fund's own tables (docs/OPERATIONS.md, "Retention"),
 * with their periods from {@link RetentionSettings}: old mail bodies and recipients are blanked,
 * old failed-login addresses deleted, applicants who were only ever rejected lose national ID and
 * name; what is younger, still waiting, or belongs to a registered member or a live loan stays. A
 * second run changes nothing.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class PersonalDataRetentionTest {

  @Autowired RetentionJob job;
  @Autowired RetentionSettings settings;
  @Autowired JdbcClient jdbc;

  final Instant now = Instant.now();
  final String tag = Long.toString(System.nanoTime() % 1_000_000_000L);

  @Test
  void eachRuleRemovesWhatIsPastItsPeriodAndNothingElse() {
    // mails: one past the period, one just inside it
    long oldMail =
        mail("retention-old-" + tag, now.minus(settings.mailBodies()).minus(Duration.ofDays(1)));
    long newMail =
        mail("retention-new-" + tag, now.minus(settings.mailBodies()).plus(Duration.ofDays(1)));
    // failed logins: forgotten, recent, and an old one still waiting
    throttle(
        "10.1." + tag + ".old",
        now.minus(settings.loginThrottle()).minus(Duration.ofDays(1)),
        null);
    throttle("10.1." + tag + ".new", now.minus(Duration.ofHours(1)), null);
    throttle(
        "10.1." + tag + ".blocked",
        now.minus(settings.loginThrottle()).minus(Duration.ofDays(1)),
        now.plus(Duration.ofHours(1)));
    // applicants: rejected long ago only; rejected long ago but a registered member; rejected and
    // on a live loan;
    // rejected recently
    Instant longAgo =
        now.atOffset(ZoneOffset.UTC)
            .minus(settings.rejectedApplicants())
            .minus(Period.ofDays(1))
            .toInstant();
    long rejectedOnly = member("1");
    long registered = member("2");
    long alsoLive = member("3");
    long recent = member("4");
    long oldLoan = loan("REJECTED_BY_DISTRICT", longAgo, rejectedOnly, registered, alsoLive);
    loan("DISBURSED", longAgo, alsoLive);
    loan("REJECTED_BY_PROVINCE", now.minus(Duration.ofDays(30)), recent);
    jdbc.sql(
            "insert into fund_membership (member_id, district_code, province_code, registered_on, fiscal_year,"
                + " registered_by, created_at) values (?, '9501', '95', ?, 2570, 'test', ?)")
        .params(registered, LocalDate.of(2026, 1, 5), Timestamp.from(now))
        .update();

    Map<String, Integer> changed = job.run(now);
    assertThat(changed).hasSize(3);

    assertThat(
            jdbc.sql("select body_html || recipients from mail_message where id = ?")
                .param(oldMail)
                .query(String.class)
                .single())
        .isEmpty();
    assertThat(
            jdbc.sql("select body_html from mail_message where id = ?")
                .param(newMail)
                .query(String.class)
                .single())
        .contains("ข้อความ");
    assertThat(
            jdbc.sql(
                    "select client_address from login_throttle where client_address like ? order by 1")
                .param("10.1." + tag + ".%")
                .query(String.class)
                .list())
        .containsExactly("10.1." + tag + ".blocked", "10.1." + tag + ".new");

    assertThat(nationalId(rejectedOnly)).isEqualTo(String.format("X%012d", rejectedOnly));
    assertThat(
            jdbc.sql("select full_name from member where id = ?")
                .param(rejectedOnly)
                .query(String.class)
                .single())
        .isEqualTo(MemberRepository.NAME_REMOVED);
    assertThat(nationalId(registered)).doesNotStartWith("X");
    assertThat(nationalId(alsoLive)).doesNotStartWith("X");
    assertThat(nationalId(recent)).doesNotStartWith("X");
    assertThat(
            jdbc.sql(
                    "select full_name from family_acknowledgement where loan_id = ? order by member_id")
                .param(oldLoan)
                .query(String.class)
                .list())
        .containsOnly("-");

    assertThat(job.run(now).values()).as("a second run, e.g. on the other node").containsOnly(0);
  }

  long mail(String key, Instant at) {
    jdbc.sql(
            "insert into mail_message (dedup_key, recipients, subject, template, body_html, transport, created_at)"
                + " values (?, 'someone@example.org', 'ทดสอบ', 'test', '<p>ข้อความถึงคุณสมหญิง</p>', 'RECORD', ?)")
        .params(key, Timestamp.from(at))
        .update();
    return jdbc.sql("select id from mail_message where dedup_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  void throttle(String address, Instant lastFailure, Instant blockedUntil) {
    jdbc.sql(
            "insert into login_throttle (client_address, failures, last_failure_at, blocked_until) values (?, 3, ?, ?)")
        .params(
            address,
            Timestamp.from(lastFailure),
            blockedUntil == null ? null : Timestamp.from(blockedUntil))
        .update();
  }

  long member(String n) {
    String id = "8" + tag + n;
    id = id + "0".repeat(13 - id.length());
    jdbc.sql(
            "insert into member (national_id, full_name, birth_date, resident_since, sub_district_code, created_at)"
                + " values (?, ?, ?, ?, (select min(code) from sub_district where district_code = '9501'), ?)")
        .params(
            id,
            "นางทดสอบ เก็บรักษา " + n,
            LocalDate.of(1980, 1, 1),
            LocalDate.of(2000, 1, 1),
            Timestamp.from(now))
        .update();
    return jdbc.sql("select id from member where national_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  long loan(String status, Instant updated, long... borrowers) {
    long group = jdbc.sql("select count(*) from women_group").query(Long.class).single();
    String name = "กลุ่มทดสอบเก็บรักษา " + tag + " " + group;
    jdbc.sql(
            "insert into women_group (name, sub_district_code, contact_name, created_at)"
                + " values (?, (select min(code) from sub_district where district_code = '9501'), 'ผู้ติดต่อ', ?)")
        .params(name, Timestamp.from(now))
        .update();
    long groupId =
        jdbc.sql("select id from women_group where name = ?")
            .param(name)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into loan_project (group_id, district_code, province_code, purpose, occupation_category,"
                + " requested_amount, term_months, repayment_frequency, status, created_at, updated_at)"
                + " values (?, '9501', '95', 'ทดสอบ', 'AGRICULTURE', 10000, 12, 'MONTHLY', ?, ?, ?)")
        .params(groupId, status, Timestamp.from(updated), Timestamp.from(updated))
        .update();
    long loanId =
        jdbc.sql("select max(id) from loan_project where group_id = ?")
            .param(groupId)
            .query(Long.class)
            .single();
    for (long m : borrowers) {
      jdbc.sql("insert into loan_borrower (loan_id, member_id, amount) values (?, ?, 5000)")
          .params(loanId, m)
          .update();
      jdbc.sql(
              "insert into family_acknowledgement (loan_id, member_id, relation, full_name, acknowledged_on)"
                  + " values (?, ?, 'SPOUSE', 'นายสามี ทดสอบ', ?)")
          .params(loanId, m, LocalDate.of(2020, 1, 1))
          .update();
    }
    return loanId;
  }

  String nationalId(long memberId) {
    return jdbc.sql("select national_id from member where id = ?")
        .param(memberId)
        .query(String.class)
        .single();
  }
}
