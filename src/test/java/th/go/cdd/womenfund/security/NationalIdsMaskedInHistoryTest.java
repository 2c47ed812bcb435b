package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DemoApplications;
import th.go.cdd.womenfund.loan.LoanApplicationProcess;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.EngineClock;

/**
 * A loan application's list of borrowers holds their full national IDs: the running process keeps
 * them (a returned application is corrected from that text), the engine's history gets them masked.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class NationalIdsMaskedInHistoryTest {

  static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[0-9]{13}(?![0-9])");

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void borrowersIdsAreFullWhileRunningAndMaskedInHistory() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    Map<String, Object> application =
        DemoApplications.application(7, "กลุ่มทดสอบการปกปิดเลขบัตร", "230507", EngineClock.today());
    String borrowers = (String) application.get(LoanApplicationProcess.Var.BORROWERS);
    assertThat(FULL_ID.matcher(borrowers).find()).as("the form sends full IDs").isTrue();

    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers("2305")));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(LoanApplicationProcess.KEY, application)
            .getId();
    engine.getIdentityService().clearAuthentication();

    assertThat(engine.getRuntimeService().getVariable(pid, LoanApplicationProcess.Var.BORROWERS))
        .isEqualTo(borrowers);

    HistoricVariableInstance historic =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pid)
            .variableName(LoanApplicationProcess.Var.BORROWERS)
            .singleResult();
    String kept = (String) historic.getValue();
    assertThat(FULL_ID.matcher(kept).find()).as("history: %s", kept).isFalse();
    assertThat(kept).contains("X-XXXX-XXXX").hasLineCount(borrowers.strip().split("\n").length);

    List<HistoricDetail> details =
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(pid)
            .variableUpdates()
            .list();
    assertThat(details).isNotEmpty();
    for (HistoricDetail d : details) {
      Object value = ((HistoricVariableUpdate) d).getValue();
      if (value instanceof String text) {
        assertThat(FULL_ID.matcher(text).find())
            .as("detail of %s: %s", ((HistoricVariableUpdate) d).getVariableName(), text)
            .isFalse();
      }
    }
    engine.getRuntimeService().deleteProcessInstance(pid, "test");
  }

  @Test
  void pastTheProvinceTheRunningProcessKeepsThemMaskedToo() {
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureProvince(areas.province("23").orElseThrow());
    engine
        .getIdentityService()
        .setAuthentication("officer2305", List.of(Roles.districtOfficers("2305")));
    String pid =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                LoanApplicationProcess.KEY,
                DemoApplications.application(
                    8, "กลุ่มทดสอบการปกปิดเลขบัตร 2", "230507", EngineClock.today()))
            .getId();
    engine.getIdentityService().clearAuthentication();
    complete(
        pid,
        Map.of(
            LoanApplicationProcess.Var.ENDORSEMENT_DATE,
            th.go.cdd.womenfund.system.ThaiDates.formatNumeric(EngineClock.today()),
            LoanApplicationProcess.Var.ENDORSEMENT_REFERENCE,
            "1/2569"));
    assertThat(
            FULL_ID
                .matcher(
                    (String)
                        engine
                            .getRuntimeService()
                            .getVariable(pid, LoanApplicationProcess.Var.BORROWERS))
                .find())
        .as("still needed: the district may return the application for fixes")
        .isTrue();
    complete(pid, Map.of(LoanApplicationProcess.Var.DISTRICT_DECISION, "APPROVE"));
    assertThat(
            FULL_ID
                .matcher(
                    (String)
                        engine
                            .getRuntimeService()
                            .getVariable(pid, LoanApplicationProcess.Var.BORROWERS))
                .find())
        .as("still needed: the province may send the application back for fixes")
        .isTrue();
    engine
        .getIdentityService()
        .setAuthentication("provcommittee23", List.of(Roles.provinceCommittee("23")));
    complete(pid, Map.of(LoanApplicationProcess.Var.PROVINCE_DECISION, "APPROVE"));
    engine.getIdentityService().clearAuthentication();
    for (String name :
        List.of(
            LoanApplicationProcess.Var.BORROWERS,
            LoanApplicationProcess.Var.FAMILY_ACKNOWLEDGEMENTS)) {
      String text = (String) engine.getRuntimeService().getVariable(pid, name);
      assertThat(FULL_ID.matcher(text).find()).as("%s: %s", name, text).isFalse();
      assertThat(text).contains("X-XXXX-XXXX");
    }
    engine.getRuntimeService().deleteProcessInstance(pid, "test");
  }

  void complete(String pid, Map<String, Object> variables) {
    String taskId =
        engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
    engine.getTaskService().complete(taskId, variables);
  }
}
