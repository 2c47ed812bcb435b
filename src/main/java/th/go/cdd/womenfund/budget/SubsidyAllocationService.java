package th.go.cdd.womenfund.budget;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.area.Province;
import th.go.cdd.womenfund.membership.MembershipRepository;
import th.go.cdd.womenfund.repayment.OverdueFigures;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Subsidy allocation (seed item 4.1): the facts of each district on the day (sub-districts, fund
 * members, overdue-debt ratio), the exact split ({@link SubsidyAllocator}), the sub-committee's
 * decision.
 */
@Service
public class SubsidyAllocationService {

  private final SubsidyAllocationRepository repo;
  private final AreaRepository areas;
  private final MembershipRepository members;
  private final OverdueFigures overdue;

  public SubsidyAllocationService(
      SubsidyAllocationRepository repo,
      AreaRepository areas,
      MembershipRepository members,
      OverdueFigures overdue) {
    this.repo = repo;
    this.areas = areas;
    this.members = members;
    this.overdue = overdue;
  }

  /** What the province's officer keyed (texts as the form sent them). */
  public record ProposalInput(
      String provinceCode,
      String fiscalYear,
      String budget,
      String basis,
      String weightSubDistricts,
      String weightMembers,
      String weightOverdue) {}

  public record Proposal(long allocationId, String provinceName, String summary) {}

  /** Each district of the province with its facts on {@code asOf}. */
  public List<SubsidyAllocator.DistrictFacts> facts(String provinceCode, LocalDate asOf) {
    Map<String, Integer> memberCounts = members.allIndividualsByDistrict(provinceCode);
    Map<String, OverdueFigures.DistrictOverdue> debt =
        overdue.byDistrict(provinceCode, asOf).stream()
            .collect(
                Collectors.toMap(
                    OverdueFigures.DistrictOverdue::districtCode, Function.identity()));
    return areas.districtsOf(provinceCode).stream()
        .map(
            d ->
                new SubsidyAllocator.DistrictFacts(
                    d.code(),
                    d.nameTh(),
                    areas.subDistrictsOf(d.code()).size(),
                    memberCounts.getOrDefault(d.code(), 0),
                    debt.containsKey(d.code()) ? debt.get(d.code()).ratioPct() : null))
        .toList();
  }

  /**
   * A new proposal ({@code allocationId} null) or the revision of a returned one; refused input
   * changes nothing.
   */
  @Transactional
  public Proposal propose(
      ProposalInput in, Long allocationId, Actor actor, LocalDate today, String processInstanceId) {
    List<String> problems = new ArrayList<>();
    String provinceCode = in.provinceCode() == null ? "" : in.provinceCode().strip();
    Province province = areas.province(provinceCode).orElse(null);
    if (province == null) {
      problems.add("ไม่พบจังหวัดรหัส \"" + provinceCode + "\"");
    } else if (actor != null
        && !(actor.isAdmin() || actor.groups().contains(Roles.provinceOfficers(provinceCode)))) {
      problems.add(
          "เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัด"
              + province.nameTh()
              + "เท่านั้นที่เสนอการจัดสรรของจังหวัดได้");
    }
    ThaiFiscalYear fy =
        collect(problems, () -> ThaiFiscalYear.parse(in.fiscalYear(), "ปีงบประมาณ (พ.ศ.)"));
    BigDecimal budget =
        collect(problems, () -> ThaiMoney.parse(in.budget(), "งบประมาณเงินอุดหนุน"));
    AllocationBasis basis = null;
    try {
      basis = AllocationBasis.valueOf(in.basis() == null ? "" : in.basis().strip());
    } catch (IllegalArgumentException e) {
      problems.add("กรุณาเลือกฐานการจัดสรร");
    }
    SubsidyAllocator.Weights weights = null;
    if (basis == AllocationBasis.WEIGHTED) {
      Integer s = weight(problems, in.weightSubDistricts(), "น้ำหนักฐานจำนวนตำบล");
      Integer m = weight(problems, in.weightMembers(), "น้ำหนักฐานจำนวนสมาชิก");
      Integer o = weight(problems, in.weightOverdue(), "น้ำหนักฐานอัตราหนี้เกินกำหนดชำระ");
      if (s != null && m != null && o != null) {
        weights = new SubsidyAllocator.Weights(s, m, o);
      }
    } else if (basis != null) {
      weights = SubsidyAllocator.Weights.only(basis);
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    List<SubsidyAllocator.DistrictFacts> facts = facts(provinceCode, today);
    List<SubsidyAllocator.Share> shares = SubsidyAllocator.allocate(budget, facts, basis, weights);
    long id;
    if (allocationId == null) {
      id =
          repo.insert(
              provinceCode,
              fy.buddhistYear(),
              budget,
              basis,
              weights,
              today,
              actor == null ? "system" : actor.userId(),
              processInstanceId);
    } else {
      id = allocationId;
      repo.revise(id, fy.buddhistYear(), budget, basis, weights, today);
    }
    for (int i = 0; i < facts.size(); i++) {
      repo.insertLine(id, facts.get(i), shares.get(i));
    }
    return new Proposal(id, province.nameTh(), summary(id));
  }

  public enum Decision {
    APPROVE,
    RETURN,
    REJECT
  }

  @Transactional
  public Decision decide(long allocationId, String decisionText, String reason, LocalDate today) {
    Decision decision;
    try {
      decision = Decision.valueOf(decisionText == null ? "" : decisionText.strip());
    } catch (IllegalArgumentException e) {
      throw new ThaiValidationException("กรุณาเลือกมติ: อนุมัติ ส่งกลับแก้ไข หรือไม่อนุมัติ");
    }
    String why = reason == null ? "" : reason.strip();
    if (decision != Decision.APPROVE && why.isEmpty()) {
      throw new ThaiValidationException("กรุณาระบุเหตุผลเมื่อส่งกลับแก้ไขหรือไม่อนุมัติ");
    }
    if (why.length() > 1000) {
      throw new ThaiValidationException("เหตุผลยาวเกิน 1,000 ตัวอักษร");
    }
    switch (decision) {
      case RETURN -> repo.decide(allocationId, AllocationStatus.RETURNED, today, why);
      case REJECT -> repo.decide(allocationId, AllocationStatus.REJECTED, today, why);
      case APPROVE -> {}
    }
    return decision;
  }

  @Transactional
  public void recordApproved(long allocationId, String reason, LocalDate today) {
    SubsidyAllocationRepository.Allocation a = repo.get(allocationId);
    repo.decide(
        allocationId,
        AllocationStatus.APPROVED,
        today,
        reason == null || reason.isBlank() ? null : reason.strip());
    repo.supersedeApproved(a.provinceCode(), a.fiscalYear(), allocationId);
  }

  /** The proposal as the sub-committee reads it (markdown for the Camunda form). */
  public String summary(long allocationId) {
    SubsidyAllocationRepository.Allocation a = repo.get(allocationId);
    Map<String, String> names =
        areas.districtsOf(a.provinceCode()).stream()
            .collect(Collectors.toMap(District::code, District::nameTh));
    StringBuilder md = new StringBuilder();
    md.append("**ปีงบประมาณ พ.ศ. ")
        .append(a.fiscalYear())
        .append("** งบประมาณเงินอุดหนุน **")
        .append(ThaiMoney.format(a.budget()))
        .append("**\n\nฐานการจัดสรร: ")
        .append(a.basis().thai());
    if (a.basis() == AllocationBasis.WEIGHTED) {
      md.append(" (ตำบล ร้อยละ ")
          .append(a.weights().subDistricts())
          .append(", สมาชิก ร้อยละ ")
          .append(a.weights().members())
          .append(", หนี้เกินกำหนด ร้อยละ ")
          .append(a.weights().overdue())
          .append(')');
    }
    md.append("\n\nข้อมูล ณ วันที่ ")
        .append(ThaiDates.format(a.factsAsOf()))
        .append(" (ปัดเศษแบบเศษเหลือมากที่สุด ละเอียดถึงบาท)\n\n");
    md.append(
        "| อำเภอ | ตำบล | สมาชิก | หนี้เกินกำหนด (%) | ได้รับ (บาท) |\n|---|---:|---:|---:|---:|\n");
    BigDecimal total = BigDecimal.ZERO;
    for (SubsidyAllocationRepository.Line l : repo.lines(allocationId)) {
      md.append("| ")
          .append(names.getOrDefault(l.districtCode(), l.districtCode()))
          .append(" | ")
          .append(l.subDistricts())
          .append(" | ")
          .append(l.members())
          .append(" | ")
          .append(l.overduePct() == null ? "ไม่มีหนี้" : l.overduePct())
          .append(" | ")
          .append(ThaiMoney.amount(l.amount()))
          .append(" |\n");
      total = total.add(l.amount());
    }
    md.append("| **รวม** | | | | **").append(ThaiMoney.amount(total)).append("** |\n");
    return md.toString();
  }

  private static Integer weight(List<String> problems, String text, String label) {
    String v = text == null ? "" : text.strip();
    if (v.endsWith(".0")) {
      v = v.substring(0, v.length() - 2);
    }
    if (v.isEmpty()) {
      return 0;
    }
    if (!v.matches("\\d{1,3}") || Integer.parseInt(v) > 100) {
      problems.add(label + " \"" + v + "\" ไม่ถูกต้อง: กรอกเป็นร้อยละ 0-100");
      return null;
    }
    return Integer.parseInt(v);
  }
}
