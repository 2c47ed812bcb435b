package th.go.cdd.womenfund.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Element;
import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.Decision;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.notification.TestSmtp;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * SQL statements, round trips and throughput per {@code loan-application} instance, for every path,
 * against a bare process of the same shape (same user tasks with the same candidate groups,
 * gateways, service tasks, async mail steps; no-op delegates, no listeners of its own, no forms, no
 * due dates), in the same engine, driven the same way (same start and task variables, same
 * authenticated users). History level full.
 *
 * <p>Sizes: {@code -Dbench.warmup=2 -Dbench.measured=3} instances per path for the counts, {@code
 * -Dbench.throughput.instances=8 -Dbench.throughput.runs=3} per path per run for throughput.
 * Results: {@code target/bench/loan-application-<db>.md}. Fails when a path's statement ratio
 * exceeds the recorded {@link #RECORDED_MAX_RATIO} (override with {@code -Dbench.maxRatio=x} while
 * tuning).
 */
@Tag("bench")
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanApplicationBenchTest {

  /**
   * The ratios measured (docs/PERFORMANCE.md); statement counts are deterministic, so any rise is a
   * regression.
   */
  static final Map<Path_, Double> RECORDED_MAX_RATIO =
      new EnumMap<>(
          Map.of( // app ÷ bare, H2 = PostgreSQL, 2026-11-28
              Path_.APPROVE,
              407.0 / 301,
              Path_.RETURN_THEN_APPROVE,
              536.0 / 377,
              Path_.REJECT_AT_DISTRICT,
              247.0 / 182,
              Path_.REJECT_AT_PROVINCE,
              295.0 / 222)); // before tuning: 454/301, 623/377, 298/182, 341/222

  static final String BARE_KEY = "bench-bare-loan-application";
  static final String DISTRICT = "2305";
  static final String SUB_DISTRICT = "230507";
  static final String PROVINCE = "23";
  static final LocalDate TODAY = LocalDate.now(ThaiDates.BANGKOK);

  static final int WARMUP = SqlCounter.WARMUP;
  static final int MEASURED = SqlCounter.MEASURED;

  @RegisterExtension static GreenMailExtension smtp = TestSmtp.perTest();

  enum Path_ {
    APPROVE,
    RETURN_THEN_APPROVE,
    REJECT_AT_DISTRICT,
    REJECT_AT_PROVINCE
  }

  @TestConfiguration
  static class Config {
    @Bean
    static BeanPostProcessor benchCountingDataSource() {
      return SqlCounter.wrappingDataSource();
    }

    @Bean
    JavaDelegate benchNoop() {
      return execution -> {};
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired AreaRepository areas;
  @Autowired RoleAuthorizations roles;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  final SqlCounter counter = SqlCounter.INSTANCE;
  int nextApplication;
  String db;

  /** Candidate group of each user task: the same in both flavours. */
  static final Map<String, String> GROUP_OF_TASK =
      Map.of(
          Element.SUBDISTRICT_ENDORSEMENT, Roles.districtOfficers(DISTRICT),
          Element.DISTRICT_SCREENING, Roles.districtCommittee(DISTRICT),
          Element.FIX_APPLICATION, Roles.districtOfficers(DISTRICT),
          Element.PROVINCE_DECISION, Roles.provinceCommittee(PROVINCE),
          Element.SIGN_CONTRACT, Roles.districtOfficers(DISTRICT),
          Element.RECORD_TRANSFER, Roles.provinceOfficers(PROVINCE));

  @BeforeAll
  void deployBareAndGrant() throws Exception {
    assertThat(dataSource).isInstanceOf(net.ttddyy.dsproxy.support.ProxyDataSource.class);
    try (var c = dataSource.getConnection()) {
      db = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    }
    roles.ensureDistrict(areas.district(DISTRICT).orElseThrow());
    roles.ensureProvince(areas.province(PROVINCE).orElseThrow());
    areas.setOfficeEmail(DISTRICT, "cdd2305@example.org");
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bench")
        .addModelInstance(BARE_KEY + ".bpmn", bare())
        .deploy();
    BareTwin.allowToStart(
        engine.getAuthorizationService(), Roles.districtOfficers(DISTRICT), BARE_KEY);
    // unique borrowers per run, also on a PostgreSQL database kept between runs
    nextApplication =
        1_000 + jdbc.sql("select count(*) from loan_project").query(Integer.class).single();
  }

  @BeforeEach
  void clearAuth() {
    engine.getIdentityService().clearAuthentication();
  }

  /** Same shape as processes/loan-application.bpmn, no-op delegates, literal candidate groups. */
  static BpmnModelInstance bare() {
    String noop = "${benchNoop}";
    return Bpmn.createExecutableProcess(BARE_KEY)
        .camundaHistoryTimeToLive(1825)
        .startEvent(Element.START)
        .serviceTask(Element.REGISTER)
        .camundaDelegateExpression(noop)
        .userTask(Element.SUBDISTRICT_ENDORSEMENT)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.SUBDISTRICT_ENDORSEMENT))
        .serviceTask(Element.RECORD_ENDORSEMENT)
        .camundaDelegateExpression(noop)
        .exclusiveGateway("gateway_join_screening")
        .userTask(Element.DISTRICT_SCREENING)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.DISTRICT_SCREENING))
        .serviceTask(Element.RECORD_DISTRICT_DECISION)
        .camundaDelegateExpression(noop)
        .exclusiveGateway("gateway_district_decision")
        .condition("approve", "${districtDecision == 'APPROVE'}")
        .userTask(Element.PROVINCE_DECISION)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.PROVINCE_DECISION))
        .serviceTask(Element.RECORD_PROVINCE_DECISION)
        .camundaDelegateExpression(noop)
        .exclusiveGateway("gateway_province_decision")
        .condition("approve", "${provinceDecision == 'APPROVE'}")
        .userTask(Element.SIGN_CONTRACT)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.SIGN_CONTRACT))
        .serviceTask(Element.RECORD_CONTRACT)
        .camundaDelegateExpression(noop)
        .userTask(Element.RECORD_TRANSFER)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.RECORD_TRANSFER))
        .serviceTask(Element.CHECK_TRANSFER)
        .camundaDelegateExpression(noop)
        .serviceTask(Element.GENERATE_SCHEDULE)
        .camundaDelegateExpression(noop)
        .serviceTask(Element.NOTIFY_APPROVAL)
        .camundaDelegateExpression(noop)
        .camundaAsyncBefore()
        .camundaFailedJobRetryTimeCycle("R5/PT10M")
        .endEvent(Element.END_DISBURSED)
        .moveToNode("gateway_province_decision")
        .condition("reject", "${provinceDecision == 'REJECT'}")
        .serviceTask(Element.NOTIFY_PROVINCE_REJECTION)
        .camundaDelegateExpression(noop)
        .camundaAsyncBefore()
        .camundaFailedJobRetryTimeCycle("R5/PT10M")
        .endEvent(Element.END_REJECTED_BY_PROVINCE)
        .moveToNode("gateway_district_decision")
        .condition("reject", "${districtDecision == 'REJECT'}")
        .serviceTask(Element.NOTIFY_DISTRICT_REJECTION)
        .camundaDelegateExpression(noop)
        .camundaAsyncBefore()
        .camundaFailedJobRetryTimeCycle("R5/PT10M")
        .endEvent(Element.END_REJECTED_BY_DISTRICT)
        .moveToNode("gateway_district_decision")
        .condition("return", "${districtDecision == 'RETURN'}")
        .userTask(Element.FIX_APPLICATION)
        .camundaCandidateGroups(GROUP_OF_TASK.get(Element.FIX_APPLICATION))
        .serviceTask(Element.UPDATE)
        .camundaDelegateExpression(noop)
        .connectTo("gateway_join_screening")
        .done();
  }

  // ---------------------------------------------------------------- driving one instance

  /**
   * Runs one instance of the path to its end; only the engine calls are counted, not the look-ups.
   */
  void drive(Flavor flavor, Path_ path) {
    int n =
        12 * nextApplication++; // 12k: always 5 borrowers, 12 monthly installments (same SQL per
    // instance)
    Map<String, Object> vars =
        new HashMap<>(
            DemoApplications.application(n, "กลุ่มสตรีทดสอบสมรรถนะ " + n, SUB_DISTRICT, TODAY));
    String key = flavor == Flavor.APP ? LoanApplicationProcess.KEY : BARE_KEY;
    var identity = engine.getIdentityService();
    identity.setAuthentication("officer" + DISTRICT, List.of(Roles.districtOfficers(DISTRICT)));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(key, vars);
    } finally {
      identity.clearAuthentication();
    }
    complete(
        pi,
        Element.SUBDISTRICT_ENDORSEMENT,
        Map.of(
            Var.ENDORSEMENT_DATE,
            ThaiDates.formatNumeric(TODAY),
            Var.ENDORSEMENT_REFERENCE,
            "3/2569",
            Var.ENDORSEMENT_OPINION,
            "เห็นควรสนับสนุน"));
    switch (path) {
      case APPROVE -> {
        district(pi, Decision.APPROVE, "โครงการเป็นไปได้");
        approveToTheEnd(pi);
      }
      case RETURN_THEN_APPROVE -> {
        district(pi, Decision.RETURN, "ขอแผนการตลาด");
        complete(
            pi,
            Element.FIX_APPLICATION,
            Map.of(Var.PURPOSE, "ทำผ้ามัดย้อม จำหน่ายที่ตลาดน้ำและออนไลน์"));
        district(pi, Decision.APPROVE, "แก้ไขครบแล้ว");
        approveToTheEnd(pi);
      }
      case REJECT_AT_DISTRICT -> {
        district(pi, Decision.REJECT, "กลุ่มมีหนี้ค้างชำระกับกองทุนฯ");
        runJob(pi);
      }
      case REJECT_AT_PROVINCE -> {
        district(pi, Decision.APPROVE, "");
        complete(
            pi,
            Element.PROVINCE_DECISION,
            Map.of(
                Var.PROVINCE_DECISION,
                Decision.REJECT.name(),
                Var.PROVINCE_DECISION_REASON,
                "งบประมาณปีนี้หมดแล้ว"));
        runJob(pi);
      }
    }
    counter.pause(true);
    try {
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getEndTime())
          .as("%s %s ended", flavor, path)
          .isNotNull();
    } finally {
      counter.pause(false);
    }
  }

  void approveToTheEnd(ProcessInstance pi) {
    complete(
        pi,
        Element.PROVINCE_DECISION,
        Map.of(Var.PROVINCE_DECISION, Decision.APPROVE.name(), Var.PROVINCE_DECISION_REASON, ""));
    complete(
        pi,
        Element.SIGN_CONTRACT,
        Map.of(Var.CONTRACT_NO, "สญ.2305/12", Var.CONTRACT_DATE, ThaiDates.formatNumeric(TODAY)));
    complete(
        pi,
        Element.RECORD_TRANSFER,
        Map.of(
            Var.TRANSFER_DATE,
            ThaiDates.formatNumeric(TODAY),
            Var.TRANSFER_REFERENCE,
            "KTB-000123"));
    runJob(pi);
  }

  void district(ProcessInstance pi, Decision d, String reason) {
    complete(
        pi,
        Element.DISTRICT_SCREENING,
        Map.of(Var.DISTRICT_DECISION, d.name(), Var.DISTRICT_DECISION_REASON, reason));
  }

  void complete(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    Task task;
    counter.pause(true);
    try {
      task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    } finally {
      counter.pause(false);
    }
    assertThat(task).as("open task of %s", pi.getProcessDefinitionId()).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    String group = GROUP_OF_TASK.get(taskKey);
    engine.getIdentityService().setAuthentication("bench-" + group, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void runJob(ProcessInstance pi) {
    Job job;
    counter.pause(true);
    try {
      job =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(pi.getId())
              .singleResult();
    } finally {
      counter.pause(false);
    }
    engine.getManagementService().executeJob(job.getId());
  }

  // ---------------------------------------------------------------- the benchmarks

  SqlCounter.Measured measure(Flavor flavor, Path_ path) {
    return counter.measure(WARMUP, MEASURED, () -> drive(flavor, path));
  }

  @Test
  void statementsPerInstanceAgainstTheBareEngine() throws IOException {
    StringBuilder md =
        new StringBuilder(
            SqlCounter.tableHead(
                "SQL per instance",
                db,
                engine.getManagementService().getHistoryLevel(),
                MEASURED,
                WARMUP));
    double maxAllowed = Double.parseDouble(System.getProperty("bench.maxRatio", "NaN"));
    List<String> regressions = new ArrayList<>();
    for (Path_ path : Path_.values()) {
      SqlCounter.Measured app = measure(Flavor.APP, path);
      SqlCounter.Measured bare = measure(Flavor.BARE, path);
      double ratio = SqlCounter.ratio(app, bare);
      md.append(SqlCounter.row(path, app, bare));
      double allowed = Double.isNaN(maxAllowed) ? RECORDED_MAX_RATIO.get(path) : maxAllowed;
      if (ratio > allowed + 1e-9) {
        regressions.add(
            String.format(Locale.ROOT, "%s: %.3f > recorded %.3f", path, ratio, allowed));
      }
    }
    md.append('\n').append(breakdown());
    write("loan-application-sql-" + db + ".md", md.toString());
    assertThat(regressions)
        .as(
            "SQL statements per loan-application instance rose against the bare engine"
                + " (see target/bench and docs/PERFORMANCE.md)")
        .isEmpty();
  }

  @Test
  void throughputAgainstTheBareEngine() throws IOException {
    Throughput.Result r =
        Throughput.compare(
            "loan-application",
            db,
            side -> {
              for (Path_ p : Path_.values()) {
                drive(side, p);
              }
              return Path_.values().length;
            });
    write("loan-application-throughput-" + db + ".md", r.markdown());
    assertThat(r.medianRatio()).isPositive();
  }

  /** Statements of one approve instance of each flavour, grouped by verb and table. */
  String breakdown() {
    return SqlCounter.breakdown(
        "Approve path",
        counter.traceOf(() -> drive(Flavor.APP, Path_.APPROVE)),
        counter.traceOf(() -> drive(Flavor.BARE, Path_.APPROVE)));
  }

  void write(String name, String text) throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    System.out.println("\n==== " + name + "\n" + text);
  }
}
