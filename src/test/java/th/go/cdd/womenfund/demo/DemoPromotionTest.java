package th.go.cdd.womenfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.go.cdd.womenfund.fieldvisit.FieldVisitActionProcess;
import th.go.cdd.womenfund.reporting.DemoContext;
import th.go.cdd.womenfund.security.AppSession;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.subsidy.SubsidyProjectProcess;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The demo's occupation records, meeting and subsidy projects (issue 16) show where an officer
 * looks: the briefing's 4.3 and the last meeting's resolutions (one done, one open, one late), the
 * projects waiting at the district committee and at the transfer.
 */
@DemoContext
class DemoPromotionTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theBriefingShowsTheGroupsSalesAndWhatBecameOfTheLastMeetingsResolutions() throws Exception {
    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    // held before today: a meeting recorded today (the browser journey's) is not yet "the last"
    String today = ThaiDates.formatNumeric(EngineClock.today());
    HttpResponse<String> page = supervisor.get("/briefing?province=23&date=" + today);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("การส่งเสริมอาชีพและช่องทางการตลาดของกลุ่มสตรี")
        .contains("กลุ่มสตรีได้รับการส่งเสริม")
        .contains("ตลาดในชุมชน")
        .contains("ผลการดำเนินงานตามมติการประชุมครั้งที่ " + DemoPromotion.MEETING_NO + "/")
        .contains("ดำเนินการแล้ว 1 รายการ อยู่ระหว่างดำเนินการ 1 รายการ เลยกำหนด 1 รายการ")
        .contains("หนี้ค้างชำระเหลือร้อยละ 4.8");
  }

  @Test
  void twoSubsidyProjectsWaitAtDifferentSteps() {
    assertThat(waitingAt(SubsidyProjectProcess.Element.DISTRICT_SCREENING)).isPositive();
    assertThat(waitingAt(SubsidyProjectProcess.Element.DISBURSEMENT)).isPositive();
  }

  @Test
  void theBriefingShowsTheQuartersFieldVisitsPlannedAgainstDoneAndTheActionWaitsAsATask()
      throws Exception {
    AppSession supervisor = AppSession.login(port, "supervisor23", DemoContext.PASSWORD);
    String today = ThaiDates.formatNumeric(EngineClock.today());
    String briefing = supervisor.get("/briefing?province=23&date=" + today).body();
    assertThat(briefing)
        .contains("การลงพื้นที่ติดตามในแต่ละอำเภอ")
        .containsPattern("อำเภอวางแผนลงพื้นที่ติดตาม \\d+ ครั้ง ลงพื้นที่แล้ว [1-9]\\d* ครั้ง")
        .containsPattern("อำเภอที่ยังไม่ได้ลงพื้นที่ตามวันที่วางแผน[^<]*อำเภอคลองใหญ่");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey(FieldVisitActionProcess.KEY)
                .taskCandidateGroup(Roles.districtOfficers(DemoFieldVisits.VISITED))
                .count())
        .isPositive();
  }

  long waitingAt(String element) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(SubsidyProjectProcess.KEY)
        .activityIdIn(element)
        .count();
  }
}
