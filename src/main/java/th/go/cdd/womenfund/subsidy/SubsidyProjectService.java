package th.go.cdd.womenfund.subsidy;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.budget.SubsidyAllocationRepository;
import th.go.cdd.womenfund.membership.MembershipRepository;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.RuleTables;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Subsidy-type projects (โครงการประเภทอุดหนุน, issue 16 item 3): a women's organisation of the
 * fund's register asks for a grant; the sub-district working group endorses, the district committee
 * screens, the province committee approves within the district's approved subsidy allocation of the
 * fiscal year (budget's), the province records the transfer and the district the group's report.
 * Every step refuses bad input in Thai before it writes.
 */
@Service
public class SubsidyProjectService {

  private final SubsidyProjectRepository repo;
  private final MembershipRepository organisations;
  private final SubsidyAllocationRepository allocations;
  private final AreaRepository areas;
  private final RuleTables rules;
  private final SubsidyProjectSettings settings;

  public SubsidyProjectService(
      SubsidyProjectRepository repo,
      MembershipRepository organisations,
      SubsidyAllocationRepository allocations,
      AreaRepository areas,
      RuleTables rules,
      SubsidyProjectSettings settings) {
    this.repo = repo;
    this.organisations = organisations;
    this.allocations = allocations;
    this.areas = areas;
    this.rules = rules;
    this.settings = settings;
  }

  /** What the district officer keyed (texts as the start form sent them). */
  public record ProjectInput(
      String organisationName,
      String subDistrictCode,
      String projectName,
      String objective,
      String periodFrom,
      String periodTo,
      String budgetLines) {}

  /** A registered project: what the process keeps and shows. */
  public record Registration(
      long projectId,
      String projectNo,
      String districtCode,
      String provinceCode,
      String areaName,
      BigDecimal total,
      String summary) {}

  /** One criterion of the eligibility table and its outcome. */
  public record Check(String criterion, boolean passed, String message) {}

  public enum Decision {
    APPROVE,
    REJECT
  }

  @Transactional
  public Registration register(
      ProjectInput in, Actor actor, LocalDate today, String processInstanceId) {
    List<String> problems = new ArrayList<>();
    String subCode = in.subDistrictCode() == null ? "" : in.subDistrictCode().strip();
    SubDistrict sub = areas.subDistrict(subCode).orElse(null);
    String orgName =
        in.organisationName() == null ? "" : in.organisationName().strip().replaceAll("\\s+", " ");
    MembershipRepository.Organisation org = null;
    if (sub == null) {
      problems.add("ไม่พบตำบลรหัส \"" + subCode + "\": กรอกรหัสตำบล 6 หลัก เช่น 230101");
    } else if (!actor.mayRegisterFor(sub.districtCode())) {
      problems.add("ท่านเสนอโครงการได้เฉพาะขององค์กรในอำเภอของท่านเท่านั้น");
    } else if (orgName.isEmpty()) {
      problems.add("กรุณากรอกชื่อองค์กรสตรีตามทะเบียนสมาชิกกองทุน");
    } else {
      org = organisations.organisation(sub.code(), orgName).orElse(null);
      if (org == null) {
        problems.add(
            "ไม่พบองค์กรสตรี \""
                + orgName
                + "\" ของตำบล"
                + sub.nameTh()
                + " ในทะเบียนสมาชิกกองทุน: กรุณาลงทะเบียนองค์กรที่หน้าสมาชิกกองทุนก่อน หรือตรวจชื่อให้ตรงกับทะเบียน");
      }
    }
    String name = in.projectName() == null ? "" : in.projectName().strip();
    if (name.isEmpty()) {
      problems.add("กรุณากรอกชื่อโครงการ");
    } else if (name.length() > 300) {
      problems.add("ชื่อโครงการยาวเกิน 300 ตัวอักษร");
    }
    String objective = in.objective() == null ? "" : in.objective().strip();
    if (objective.isEmpty()) {
      problems.add("กรุณากรอกวัตถุประสงค์ของโครงการ");
    } else if (objective.length() > 2000) {
      problems.add("วัตถุประสงค์ยาวเกิน 2,000 ตัวอักษร");
    }
    LocalDate from =
        collect(problems, () -> ThaiDates.parseBuddhist(in.periodFrom(), "วันเริ่มโครงการ"));
    LocalDate to =
        collect(problems, () -> ThaiDates.parseBuddhist(in.periodTo(), "วันสิ้นสุดโครงการ"));
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(
          "วันสิ้นสุดโครงการ ("
              + ThaiDates.format(to)
              + ") ต้องไม่ก่อนวันเริ่มโครงการ ("
              + ThaiDates.format(from)
              + ")");
      to = null;
    }
    List<BudgetLines.Line> lines = collect(problems, () -> BudgetLines.parse(in.budgetLines()));
    if (org != null && from != null && to != null && lines != null) {
      for (Check c : eligibility(BudgetLines.total(lines), org, today, from, to)) {
        if (!c.passed()) {
          problems.add(c.message());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    int fiscalYear = ThaiFiscalYear.of(today).buddhistYear();
    long id =
        repo.insert(
            new SubsidyProjectRepository.NewProject(
                org.id(),
                org.name(),
                sub.code(),
                sub.districtCode(),
                org.provinceCode(),
                fiscalYear,
                name,
                objective,
                from,
                to,
                lines,
                actor.userId(),
                processInstanceId));
    SubsidyProjectRepository.Project p = repo.get(id);
    String areaName =
        "ตำบล"
            + sub.nameTh()
            + " อำเภอ"
            + areas.district(sub.districtCode()).orElseThrow().nameTh()
            + " จังหวัด"
            + areas.province(org.provinceCode()).orElseThrow().nameTh();
    return new Registration(
        id,
        p.projectNo(),
        p.districtCode(),
        p.provinceCode(),
        areaName,
        p.totalAmount(),
        summary(id));
  }

  /** Each criterion of the officers' table {@code subsidy-project-eligibility} for this project. */
  public List<Check> eligibility(
      BigDecimal total,
      MembershipRepository.Organisation org,
      LocalDate today,
      LocalDate from,
      LocalDate to) {
    DmnDecisionTableResult result =
        rules.evaluate(
            SubsidyProjectProcess.ELIGIBILITY_DECISION,
            Map.of(
                "totalAmount",
                total,
                "registeredMonths",
                (int) ChronoUnit.MONTHS.between(org.registeredOn(), today),
                "memberCount",
                org.memberCount(),
                "periodMonths",
                (int) ChronoUnit.MONTHS.between(from, to.plusDays(1))));
    return result.getResultList().stream()
        .map(
            row ->
                new Check(
                    (String) row.get("criterion"),
                    Boolean.TRUE.equals(row.get("passed")),
                    (String) row.get("message")))
        .toList();
  }

  @Transactional
  public LocalDate recordEndorsement(
      long projectId, String dateText, String reference, LocalDate today) {
    expect(projectId, SubsidyProjectStatus.REGISTERED);
    List<String> problems = new ArrayList<>();
    LocalDate date =
        collect(problems, () -> ThaiDates.parseBuddhist(dateText, "วันที่คณะทำงานฯ ตำบลรับรอง"));
    if (date != null && date.isAfter(today)) {
      problems.add("วันที่คณะทำงานฯ ตำบลรับรอง (" + ThaiDates.format(date) + ") ต้องไม่เกินวันนี้");
    }
    if (reference == null || reference.isBlank()) {
      problems.add("กรุณากรอกครั้งที่ประชุมหรือเลขที่หนังสือรับรองของคณะทำงานฯ ตำบล");
    } else if (reference.strip().length() > 100) {
      problems.add("ครั้งที่ประชุม/เลขที่หนังสือยาวเกิน 100 ตัวอักษร");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.endorse(projectId, date);
    return date;
  }

  @Transactional
  public Decision recordDistrictDecision(
      long projectId, String decisionText, String reason, LocalDate today) {
    expect(projectId, SubsidyProjectStatus.ENDORSED);
    Decision d = decision(decisionText, reason, "เห็นชอบ หรือไม่เห็นชอบ");
    repo.districtDecision(
        projectId,
        d == Decision.APPROVE
            ? SubsidyProjectStatus.SCREENED
            : SubsidyProjectStatus.REJECTED_BY_DISTRICT,
        today,
        blankToNull(reason));
    return d;
  }

  /**
   * The province committee's decision. Approval spends the project's total from the district's
   * approved allocation of the fiscal year, and is refused in Thai when what remains is smaller
   * (the committee may still reject).
   */
  @Transactional
  public Decision recordProvinceDecision(
      long projectId, String decisionText, String reason, LocalDate today) {
    SubsidyProjectRepository.Project p = expect(projectId, SubsidyProjectStatus.SCREENED);
    Decision d = decision(decisionText, reason, "อนุมัติ หรือไม่อนุมัติ");
    if (d == Decision.APPROVE) {
      String district = areas.district(p.districtCode()).orElseThrow().nameTh();
      SubsidyAllocationRepository.DistrictShare share =
          allocations
              .approvedShareLocked(p.districtCode(), p.fiscalYear())
              .orElseThrow(
                  () ->
                      new ThaiValidationException(
                          "อำเภอ"
                              + district
                              + " ยังไม่มีเงินอุดหนุนที่ได้รับจัดสรร (ที่อนุมัติแล้ว) ของปีงบประมาณ พ.ศ. "
                              + p.fiscalYear()
                              + ": อนุมัติโครงการไม่ได้จนกว่าจังหวัดจะอนุมัติการจัดสรรเงินอุดหนุน"));
      BigDecimal remaining =
          share.amount().subtract(repo.committed(p.districtCode(), p.fiscalYear()));
      if (remaining.compareTo(p.totalAmount()) < 0) {
        throw new ThaiValidationException(
            "เงินอุดหนุนที่จัดสรรให้อำเภอ"
                + district
                + " ปีงบประมาณ พ.ศ. "
                + p.fiscalYear()
                + " เหลือ "
                + ThaiMoney.format(remaining.max(BigDecimal.ZERO))
                + " น้อยกว่างบประมาณของโครงการ "
                + ThaiMoney.format(p.totalAmount())
                + ": อนุมัติไม่ได้ (เลือกไม่อนุมัติ หรือรอการจัดสรรเพิ่มเติม)");
      }
    }
    repo.provinceDecision(
        projectId,
        d == Decision.APPROVE
            ? SubsidyProjectStatus.APPROVED
            : SubsidyProjectStatus.REJECTED_BY_PROVINCE,
        today,
        blankToNull(reason));
    return d;
  }

  /** The transfer to the group: the amount must be the approved total, to the satang. */
  @Transactional
  public LocalDate recordDisbursement(
      long projectId, String dateText, String amountText, String reference, LocalDate today) {
    SubsidyProjectRepository.Project p = expect(projectId, SubsidyProjectStatus.APPROVED);
    List<String> problems = new ArrayList<>();
    LocalDate date = collect(problems, () -> ThaiDates.parseBuddhist(dateText, "วันที่โอนเงิน"));
    if (date != null && date.isAfter(today)) {
      problems.add("วันที่โอนเงิน (" + ThaiDates.format(date) + ") ต้องไม่เกินวันนี้");
    }
    BigDecimal amount = collect(problems, () -> ThaiMoney.parse(amountText, "จำนวนเงินที่โอน"));
    if (amount != null && amount.compareTo(p.totalAmount()) != 0) {
      problems.add(
          "จำนวนเงินที่โอน "
              + ThaiMoney.format(amount)
              + " ต้องเท่ากับงบประมาณที่อนุมัติ "
              + ThaiMoney.format(p.totalAmount()));
    }
    if (reference == null || reference.isBlank()) {
      problems.add("กรุณากรอกเลขที่อ้างอิงการโอน");
    } else if (reference.strip().length() > 100) {
      problems.add("เลขที่อ้างอิงการโอนยาวเกิน 100 ตัวอักษร");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.disbursed(projectId, date, amount, reference.strip());
    return date;
  }

  /**
   * The group's report on results: what it spent (not more than it received) and what came of the
   * project.
   */
  @Transactional
  public LocalDate recordReport(
      long projectId, String dateText, String spentText, String results, LocalDate today) {
    SubsidyProjectRepository.Project p = expect(projectId, SubsidyProjectStatus.DISBURSED);
    List<String> problems = new ArrayList<>();
    LocalDate date = collect(problems, () -> ThaiDates.parseBuddhist(dateText, "วันที่รายงานผล"));
    if (date != null && date.isAfter(today)) {
      problems.add("วันที่รายงานผล (" + ThaiDates.format(date) + ") ต้องไม่เกินวันนี้");
    }
    BigDecimal spent = collect(problems, () -> ThaiMoney.parse(spentText, "จำนวนเงินที่ใช้จริง"));
    if (spent != null && spent.compareTo(p.transferAmount()) > 0) {
      problems.add(
          "จำนวนเงินที่ใช้จริง "
              + ThaiMoney.format(spent)
              + " ต้องไม่เกินเงินที่ได้รับ "
              + ThaiMoney.format(p.transferAmount()));
    }
    if (results == null || results.isBlank()) {
      problems.add("กรุณากรอกผลการดำเนินโครงการ");
    } else if (results.strip().length() > 4000) {
      problems.add("ผลการดำเนินโครงการยาวเกิน 4,000 ตัวอักษร");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    repo.reported(projectId, date, spent, results.strip());
    return date;
  }

  /** When the group's report is due: {@code report-due-after} the project's last day. */
  public LocalDate reportDue(long projectId) {
    LocalDate end = repo.get(projectId).periodTo();
    return end.plusDays(settings.reportDueAfter().toDays());
  }

  /** The project as the committees read it (markdown for the Camunda forms). */
  public String summary(long projectId) {
    SubsidyProjectRepository.Project p = repo.get(projectId);
    StringBuilder md = new StringBuilder();
    md.append("**")
        .append(p.name())
        .append("** ขององค์กร **")
        .append(p.organisationName())
        .append("**\n\n")
        .append("วัตถุประสงค์: ")
        .append(p.objective())
        .append("\n\n")
        .append("ระยะเวลา ")
        .append(ThaiDates.format(p.periodFrom()))
        .append(" ถึง ")
        .append(ThaiDates.format(p.periodTo()))
        .append(" ปีงบประมาณ พ.ศ. ")
        .append(p.fiscalYear())
        .append("\n\n")
        .append("| รายการ | จำนวนเงิน (บาท) |\n|---|---:|\n");
    for (BudgetLines.Line l : repo.lines(projectId)) {
      md.append("| ")
          .append(l.item().replace("|", "/"))
          .append(" | ")
          .append(ThaiMoney.amount(l.amount()))
          .append(" |\n");
    }
    md.append("| **รวม** | **").append(ThaiMoney.amount(p.totalAmount())).append("** |\n");
    return md.toString();
  }

  public SubsidyProjectRepository.Project project(long projectId) {
    return repo.get(projectId);
  }

  private SubsidyProjectRepository.Project expect(long projectId, SubsidyProjectStatus status) {
    SubsidyProjectRepository.Project p = repo.get(projectId);
    if (p.status() != status) {
      throw new ThaiValidationException(
          "โครงการ "
              + p.projectNo()
              + " อยู่ในสถานะ \""
              + p.status().thai()
              + "\": บันทึกขั้นตอนนี้ไม่ได้");
    }
    return p;
  }

  private static Decision decision(String text, String reason, String choices) {
    Decision d;
    try {
      d = Decision.valueOf(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw new ThaiValidationException("กรุณาเลือกผลการพิจารณา: " + choices);
    }
    String why = reason == null ? "" : reason.strip();
    if (d == Decision.REJECT && why.isEmpty()) {
      throw new ThaiValidationException("กรุณาระบุเหตุผลเมื่อไม่เห็นชอบหรือไม่อนุมัติ");
    }
    if (why.length() > 1000) {
      throw new ThaiValidationException("เหตุผลยาวเกิน 1,000 ตัวอักษร");
    }
    return d;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
