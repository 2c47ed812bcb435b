package th.go.cdd.womenfund.demo;

import static th.go.cdd.womenfund.restructuring.RestructuringProcess.Var;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.restructuring.RestructuringProcess;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Demo of the seed's item 2: Trat's restructuring round in which Laem Ngop, Bo Rai and Khlong Yai
 * sent packages worth 1,605,730.42 baht in all. Laem Ngop's deadline is two days away, Bo Rai's
 * passed five days ago (escalated to the supervisors as soon as the app runs), Khlong Yai's is ten
 * days away; Ko Kut has nothing to send; the other districts are still preparing. Replayed on the
 * engine clock from 25 days ago.
 */
@Component
@Profile("demo")
@Order(15)
public class DemoRestructuring implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRestructuring.class);

  /**
   * district, a sub-district in it, the package total, and how many days ago the province received
   * it.
   */
  record Sent(String district, String subDistrict, BigDecimal total, int receivedDaysAgo) {}

  static final List<Sent> SENT =
      List.of(
          new Sent("2305", "230507", new BigDecimal("612450.17"), 13), // แหลมงอบ: due in 2 days
          new Sent("2304", "230401", new BigDecimal("538120.25"), 20), // บ่อไร่: due 5 days ago
          new Sent("2302", "230201", new BigDecimal("455160.00"), 5)); // คลองใหญ่: due in 10 days

  private final ProcessEngine engine;
  private final HistoricLoans historic;
  private final JdbcClient jdbc;

  public DemoRestructuring(ProcessEngine engine, HistoricLoans historic, JdbcClient jdbc) {
    this.engine = engine;
    this.historic = historic;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from restructuring_round").query(Integer.class).single() > 0) {
      return;
    }
    LocalDate today = EngineClock.today();
    Set<Long> loans = new HashSet<>();
    int seed = 1;
    for (Sent s : SENT) {
      List<BigDecimal> perLoan = HistoricLoans.split(s.total(), 4);
      for (BigDecimal loanTotal : perLoan) {
        loans.add(
            historic.disbursed(
                s.subDistrict(),
                "กลุ่มสตรีพัฒนาอาชีพ " + seed,
                HistoricLoans.split(loanTotal, 5),
                today.minusMonths(10),
                24,
                seed++));
      }
    }
    try {
      at(today.minusDays(25));
      engine
          .getIdentityService()
          .setAuthentication("provofficer23", List.of(Roles.provinceOfficers("23")));
      ProcessInstance round =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  RestructuringProcess.KEY,
                  Map.of(
                      Var.ROUND_TITLE, "ปรับโครงสร้างหนี้ตามประกาศฯ พ.ศ. 2563 (ฉบับที่ 4) รอบที่ 1",
                      Var.PROVINCE_CODE, "23",
                      Var.ANNOUNCEMENT,
                          "ประกาศคณะกรรมการบริหารกองทุนพัฒนาบทบาทสตรี เรื่อง อัตราดอกเบี้ยเงินกู้และดอกเบี้ยผิดนัด พ.ศ. 2563 (ฉบับที่ 4)"));
      engine.getIdentityService().clearAuthentication();
      for (Sent s : SENT) {
        ProcessInstance p = packageOf(round, s.district());
        complete(
            p,
            RestructuringProcess.Element.PREPARE_PACKAGE,
            Map.of(Var.APPLICANTS, applicants(p, loans)));
      }
      complete(
          packageOf(round, "2306"),
          RestructuringProcess.Element.PREPARE_PACKAGE,
          Map.of(
              Var.NOTHING_TO_SEND,
              true,
              Var.NOTHING_REASON,
              "ไม่มีสมาชิกที่ค้างชำระและประสงค์ขอปรับโครงสร้างหนี้"));
      for (Sent s :
          SENT.stream().sorted((a, b) -> b.receivedDaysAgo() - a.receivedDaysAgo()).toList()) {
        LocalDate received = today.minusDays(s.receivedDaysAgo());
        at(received);
        complete(
            packageOf(round, s.district()),
            RestructuringProcess.Element.RECORD_RECEIPT_TASK,
            Map.of(Var.RECEIVED_ON, ThaiDates.formatNumeric(received)));
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
      EngineClock.reset();
    }
    LOG.info("demo restructuring round of Trat created (1,605,730.42 baht from 3 districts)");
  }

  private static void at(LocalDate day) {
    EngineClock.moveTo(day.atTime(10, 0).atZone(ThaiDates.BANGKOK).toInstant());
  }

  private ProcessInstance packageOf(ProcessInstance round, String district) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(round.getId())
        .list()
        .stream()
        .filter(
            p ->
                district.equals(
                    engine.getRuntimeService().getVariable(p.getId(), Var.DISTRICT_CODE)))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The demo's own debtors (not other demo loans of the district), each with all five required
   * documents.
   */
  private String applicants(ProcessInstance p, Set<Long> loans) {
    long packageId =
        ((Number) engine.getRuntimeService().getVariable(p.getId(), Var.PACKAGE_ID)).longValue();
    List<String> lines = new ArrayList<>();
    jdbc
        .sql("select seq, loan_id from restructuring_debtor where package_id = ? order by seq")
        .param(packageId)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .list()
        .stream()
        .filter(row -> loans.contains(row[1]))
        .forEach(row -> lines.add(row[0] + ", 1 2 3 4 5"));
    return String.join("\n", lines);
  }

  private void complete(ProcessInstance p, String element, Map<String, Object> vars) {
    Task t =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(p.getId())
            .taskDefinitionKey(element)
            .singleResult();
    engine.getTaskService().complete(t.getId(), vars);
  }
}
