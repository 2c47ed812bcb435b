package th.go.cdd.womenfund.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.BorrowerRow;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;
import th.go.cdd.womenfund.membership.MembershipService;
import th.go.cdd.womenfund.membership.MembershipService.IndividualInput;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.LoginThrottle;
import th.go.cdd.womenfund.security.RoleAuthorizations;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.BrowserJourney;
import th.go.cdd.womenfund.system.PatientWait;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * A browser journey that keys a loan application's borrowers as rows (issue 17): its borrowers are
 * first made members of the district's register, as the demo's register holds them, then keyed one
 * row each (national ID, amount, the family's acknowledgement) in the start or fix form.
 */
abstract class LoanFormJourney extends BrowserJourney {

  /** One borrower row as the officer keys it. */
  record Row(String nationalId, String amount, String ackRelation, String ackName, String ackDate) {
    Row withNationalId(String id) {
      return new Row(id, amount, ackRelation, ackName, ackDate);
    }
  }

  /** The loan application's name in Tasklist's เริ่มกระบวนการ list. */
  static final String APPLICATION = "คำขอกู้เงินทุนหมุนเวียนกองทุนพัฒนาบทบาทสตรี";

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired LoginThrottle throttle;
  @Autowired MembershipService membership;

  @BeforeEach
  void liftThrottle() {
    throttle.liftAll();
  }

  /** The engine's authentication is per thread, and the next test class runs on this thread. */
  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** Clicks the start form's เริ่ม; returns the application it started, found by its group. */
  ProcessInstance submitApplication(String groupName) {
    click(By.cssSelector(".modal-footer button.btn-primary"));
    PatientWait.until(
        browser, WAIT, ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal"), 0));
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(LoanApplicationProcess.KEY)
            .variableValueEquals(Var.GROUP_NAME, groupName)
            .singleResult();
    assertThat(pi).isNotNull();
    return pi;
  }

  /** Waits until the engine has moved the application on to {@code element}. */
  void waitUntilAt(ProcessInstance pi, String element) {
    PatientWait.until(
        browser,
        WAIT,
        d -> engine.getRuntimeService().getActiveActivityIds(pi.getId()).contains(element));
  }

  /**
   * The borrowers of a {@code DemoApplications} application, registered as members of the district
   * of {@code subDistrict} a month ago, as the rows that name them.
   */
  List<Row> registeredBorrowers(Map<String, Object> application, String subDistrict) {
    String district = subDistrict.substring(0, 4);
    Actor officer = new Actor("officer" + district, List.of(Roles.districtOfficers(district)));
    List<String> borrowers = ((String) application.get(Var.BORROWERS)).lines().toList();
    List<String> acks = ((String) application.get(Var.FAMILY_ACKNOWLEDGEMENTS)).lines().toList();
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < borrowers.size(); i++) {
      String[] b = borrowers.get(i).split(", ");
      String[] a = acks.get(i).split(", ");
      membership.registerIndividual(
          new IndividualInput(b[0], b[1], b[2], b[3], subDistrict, true, true),
          officer,
          today.minusDays(30));
      rows.add(new Row(b[0], b[4], a[1], a[2], a[3]));
    }
    return rows;
  }

  /**
   * Keys the group's contact, project, amount and terms from a {@code DemoApplications}
   * application, and ticks that every borrower is a Thai woman.
   */
  void keyGroupDetails(Map<String, Object> application, String occupation, String frequency) {
    type(Var.CONTACT_NAME, (String) application.get(Var.CONTACT_NAME));
    type(Var.CONTACT_EMAIL, (String) application.get(Var.CONTACT_EMAIL));
    type(Var.CONTACT_PHONE, (String) application.get(Var.CONTACT_PHONE));
    type(Var.PURPOSE, (String) application.get(Var.PURPOSE));
    choose(Var.OCCUPATION, occupation);
    type(Var.REQUESTED_AMOUNT, (String) application.get(Var.REQUESTED_AMOUNT));
    type(Var.TERM_MONTHS, String.valueOf(application.get(Var.TERM_MONTHS)));
    choose(Var.REPAYMENT_FREQUENCY, frequency);
    click(field(Var.ALL_THAI_WOMEN));
  }

  /** Keys {@code rows} into the form's borrower rows, adding rows as needed. */
  void keyRows(List<Row> rows) {
    for (int i = 0; i < rows.size(); i++) {
      int row = i + 1;
      Row r = rows.get(i);
      addRow(BorrowerRow.NATIONAL_ID, row);
      rowType(BorrowerRow.NATIONAL_ID, row, r.nationalId());
      rowType(BorrowerRow.AMOUNT, row, r.amount());
      rowChoose(BorrowerRow.ACK_RELATION, row, r.ackRelation());
      rowType(BorrowerRow.ACK_NAME, row, r.ackName());
      rowType(BorrowerRow.ACK_DATE, row, r.ackDate());
    }
    // each row keeps its own choice once the later rows are keyed
    assertThat(rowValues(BorrowerRow.ACK_RELATION))
        .containsExactlyElementsOf(rows.stream().map(Row::ackRelation).toList());
  }
}
