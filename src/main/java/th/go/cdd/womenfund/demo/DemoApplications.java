package th.go.cdd.womenfund.demo;

import static th.go.cdd.womenfund.loan.LoanApplicationProcess.Var;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import th.go.cdd.womenfund.loan.Decision;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;

/** Builds demo loan applications as an officer would key them, and walks them through the steps. */
public final class DemoApplications {

  private DemoApplications() {}

  /** A woman as the borrowers' list of the start form names her. */
  public record Person(
      String nationalId, String fullName, LocalDate birthDate, LocalDate residentSince) {}

  /**
   * Start-form variables of a valid application: five to seven borrowers, amounts summing exactly.
   * The borrowers are made up, distinct for each {@code n} and district; not yet members, they join
   * the fund in the registering step.
   */
  public static Map<String, Object> application(
      int n, String groupName, String subDistrictCode, LocalDate today) {
    int district = Integer.parseInt(subDistrictCode.substring(0, 4));
    List<Person> people = new java.util.ArrayList<>();
    for (int b = 0; b < size(n); b++) {
      int person = n * 10 + b;
      people.add(
          new Person(
              DemoPeople.nationalId(district * 100_000 + person),
              DemoPeople.woman(person),
              today.minusYears(25 + person % 30).minusDays(person * 11L % 300),
              today.minusYears(2 + person % 10)));
    }
    return application(n, groupName, subDistrictCode, today, people);
  }

  /** How many borrowers application {@code n} has. */
  public static int size(int n) {
    return 5 + n % 3;
  }

  /**
   * The same with the given borrowers (at least {@link #size(int)} of them: registered members, in
   * the demo).
   */
  public static Map<String, Object> application(
      int n, String groupName, String subDistrictCode, LocalDate today, List<Person> people) {
    int size = size(n);
    StringBuilder borrowers = new StringBuilder();
    StringBuilder acks = new StringBuilder();
    long total = 0;
    for (int b = 0; b < size; b++) {
      int person = n * 10 + b;
      Person p = people.get(b);
      long amount = 10_000 + (person % 4) * 5_000L;
      total += amount;
      borrowers
          .append(p.nationalId())
          .append(", ")
          .append(p.fullName())
          .append(", ")
          .append(ThaiDates.formatNumeric(p.birthDate()))
          .append(", ")
          .append(ThaiDates.formatNumeric(p.residentSince()))
          .append(", ")
          .append(amount)
          .append(".00\n");
      acks.append(p.nationalId())
          .append(", คู่สมรส, ")
          .append(DemoPeople.husbandOf(person))
          .append(", ")
          .append(ThaiDates.formatNumeric(today.minusDays(3)))
          .append('\n');
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.GROUP_NAME, groupName);
    vars.put(Var.SUB_DISTRICT_CODE, subDistrictCode);
    vars.put(Var.CONTACT_NAME, DemoPeople.woman(n * 10));
    vars.put(Var.CONTACT_EMAIL, "group" + (n + 1) + "@womenfund.example");
    vars.put(Var.CONTACT_PHONE, "08" + String.format("%08d", 12345678 + n));
    vars.put(
        Var.PURPOSE,
        "ทุนหมุนเวียนสำหรับ" + groupName + " ซื้อวัตถุดิบและอุปกรณ์ เพื่อเพิ่มรายได้ของสมาชิก");
    vars.put(
        Var.OCCUPATION,
        List.of("AGRICULTURE", "HANDICRAFT", "FOOD_PROCESSING", "LIVESTOCK", "TRADE").get(n % 5));
    vars.put(Var.REQUESTED_AMOUNT, total + ".00");
    vars.put(Var.TERM_MONTHS, (long) List.of(12, 24, 36).get(n % 3));
    vars.put(Var.REPAYMENT_FREQUENCY, n % 4 == 3 ? "QUARTERLY" : "MONTHLY");
    vars.put(Var.BORROWERS, borrowers.toString());
    vars.put(Var.FAMILY_ACKNOWLEDGEMENTS, acks.toString());
    vars.put(Var.ALL_THAI_WOMEN, true);
    return vars;
  }

  /**
   * Completes tasks, each as a user of its candidate group, until the application reaches {@code
   * stage}.
   */
  public static void advance(
      ProcessEngine engine, String pid, String district, String stage, LocalDate today) {
    String province = district.substring(0, 2);
    if (stage.equals("endorsement")) {
      return;
    }
    complete(
        engine,
        pid,
        "officer" + district,
        Roles.districtOfficers(district),
        Map.of(
            Var.ENDORSEMENT_DATE, ThaiDates.formatNumeric(today), // not before the application
            Var.ENDORSEMENT_REFERENCE, "5/2569",
            Var.ENDORSEMENT_OPINION, "คณะทำงานฯ ตำบลรับรองโครงการ กลุ่มมีความพร้อม"));
    if (stage.equals("screening")) {
      return;
    }
    if (stage.equals("fix") || stage.equals("screening-after-fix")) {
      districtDecision(
          engine,
          pid,
          district,
          Decision.RETURN,
          "ขอให้ระบุแผนการตลาดของผลิตภัณฑ์ในวัตถุประสงค์โครงการ");
      if (stage.equals("fix")) {
        return;
      }
      engine.getIdentityService().clearAuthentication();
      // the fix form sends the application's fields, nothing else (the engine refuses any other
      // variable)
      Map<String, Object> current =
          engine.getRuntimeService().getVariables(pid, Var.APPLICATION_FIELDS);
      Map<String, Object> vars = new HashMap<>(current);
      vars.put(
          Var.PURPOSE, vars.get(Var.PURPOSE) + " จำหน่ายที่ตลาดชุมชนและร้านค้าออนไลน์ของจังหวัด");
      complete(engine, pid, "officer" + district, Roles.districtOfficers(district), vars);
      return;
    }
    districtDecision(engine, pid, district, Decision.APPROVE, "โครงการเป็นไปได้");
    if (stage.equals("province")) {
      return;
    }
    complete(
        engine,
        pid,
        "provcommittee" + province,
        Roles.provinceCommittee(province),
        Map.of(
            Var.PROVINCE_DECISION,
            Decision.APPROVE.name(),
            Var.PROVINCE_DECISION_REASON,
            "อนุมัติตามที่อำเภอเสนอ"));
    if (stage.equals("contract")) {
      return;
    }
    // four eyes: the contract is recorded by the district's second officer, not by the one who
    // keyed the application
    complete(
        engine,
        pid,
        DemoPeople.contractOfficer(district),
        Roles.districtOfficers(district),
        Map.of(
            Var.CONTRACT_NO,
            "สญ." + district + "/" + (today.getYear() + 543) + "-" + (pid.hashCode() & 0xfff),
            Var.CONTRACT_DATE,
            ThaiDates.formatNumeric(today)));
  }

  /** The district committee's decision, keyed by the district's committee member. */
  private static void districtDecision(
      ProcessEngine engine, String pid, String district, Decision decision, String reason) {
    complete(
        engine,
        pid,
        "committee" + district,
        Roles.districtCommittee(district),
        Map.of(Var.DISTRICT_DECISION, decision.name(), Var.DISTRICT_DECISION_REASON, reason));
  }

  private static void complete(
      ProcessEngine engine, String pid, String user, String group, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    engine.getTaskService().complete(task.getId(), vars);
  }
}
