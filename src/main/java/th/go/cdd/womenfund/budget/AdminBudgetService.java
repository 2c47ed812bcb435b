package th.go.cdd.womenfund.budget;

import static th.go.cdd.womenfund.system.ThaiValidationException.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.approval.ApprovalKind;
import th.go.cdd.womenfund.approval.ApprovalRepository;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiFiscalYear;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The districts' administrative budget (seed item 6): budget per district and fiscal year,
 * disbursements against it (never more than the budget), percentage disbursed. Keyed by the
 * province's officers, and (issue 11) approved by another of them before it takes effect: see
 * {@link #requestBudget}.
 */
@Service
public class AdminBudgetService {

  private final JdbcClient jdbc;
  private final AreaRepository areas;
  private final ApprovalRepository approvals;

  public AdminBudgetService(JdbcClient jdbc, AreaRepository areas, ApprovalRepository approvals) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.approvals = approvals;
  }

  public record DistrictBudget(
      String districtCode, String districtName, BigDecimal budget, BigDecimal disbursed) {

    public BigDecimal remaining() {
      return budget.subtract(disbursed);
    }

    /** Percent disbursed, one decimal; null without a budget. */
    public BigDecimal percentDisbursed() {
      return percent(disbursed, budget);
    }
  }

  public record Summary(
      String provinceCode, ThaiFiscalYear fiscalYear, List<DistrictBudget> districts) {

    public BigDecimal budget() {
      return districts.stream()
          .map(DistrictBudget::budget)
          .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal disbursed() {
      return districts.stream()
          .map(DistrictBudget::disbursed)
          .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal percentDisbursed() {
      return percent(disbursed(), budget());
    }

    public boolean hasBudget() {
      return budget().signum() > 0;
    }
  }

  public record Disbursement(
      String districtName, LocalDate paidOn, BigDecimal amount, String description) {}

  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }

  /** A budget change checked in full, not yet stored. */
  private record BudgetChange(District district, ThaiFiscalYear fiscalYear, BigDecimal amount) {}

  /** A disbursement checked in full, not yet stored. */
  private record CheckedDisbursement(
      District district,
      ThaiFiscalYear fiscalYear,
      long budgetId,
      LocalDate paidOn,
      BigDecimal amount,
      String description) {}

  /**
   * Maker: a province officer keys a district's budget for a year. Checked in full, then stored as
   * pending in {@code money_approval} and handed to {@code started} (which starts the approval) in
   * the same transaction; the budget changes only when another province officer approves it.
   */
  @Transactional
  public ApprovalRequest requestBudget(
      String districtCode,
      String fiscalYearText,
      String amountText,
      Actor actor,
      Consumer<ApprovalRequest> started) {
    BudgetChange c = checkBudget(districtCode, fiscalYearText, amountText, actor);
    BigDecimal current =
        budgetId(c.district().code(), c.fiscalYear()).map(this::budgetAmount).orElse(null);
    String summary =
        "งบบริหารของอำเภอ"
            + c.district().nameTh()
            + " "
            + c.fiscalYear().label()
            + ": "
            + (current == null
                ? "กำหนดใหม่ "
                : "เปลี่ยนจาก " + ThaiMoney.format(current) + " เป็น ")
            + ThaiMoney.format(c.amount())
            + "\n";
    return pend(
        ApprovalKind.BUDGET,
        c.district(),
        c.fiscalYear(),
        null,
        c.amount(),
        null,
        summary,
        actor,
        started);
  }

  /** Maker: a disbursement, checked in full and stored as pending like {@link #requestBudget}. */
  @Transactional
  public ApprovalRequest requestDisbursement(
      String districtCode,
      String fiscalYearText,
      String paidOnText,
      String amountText,
      String description,
      Actor actor,
      LocalDate today,
      Consumer<ApprovalRequest> started) {
    CheckedDisbursement c =
        checkDisbursement(
            districtCode, fiscalYearText, paidOnText, amountText, description, actor, today);
    String summary =
        "เบิกจ่ายงบบริหารของอำเภอ"
            + c.district().nameTh()
            + " "
            + c.fiscalYear().label()
            + " "
            + ThaiMoney.format(c.amount())
            + " วันที่ "
            + ThaiDates.format(c.paidOn())
            + "\n\n- รายการ: "
            + c.description()
            + "\n- คงเหลือก่อนเบิกจ่าย: "
            + ThaiMoney.format(budgetAmount(c.budgetId()).subtract(disbursed(c.budgetId())));
    return pend(
        ApprovalKind.DISBURSEMENT,
        c.district(),
        c.fiscalYear(),
        c.paidOn(),
        c.amount(),
        c.description(),
        summary,
        actor,
        started);
  }

  /**
   * Stores a checked change as pending (its summary followed by who keyed it) and hands it to
   * {@code started}.
   */
  private ApprovalRequest pend(
      ApprovalKind kind,
      District district,
      ThaiFiscalYear fiscalYear,
      LocalDate paidOn,
      BigDecimal amount,
      String note,
      String summary,
      Actor actor,
      Consumer<ApprovalRequest> started) {
    ApprovalRequest entry =
        approvals.insert(
            new ApprovalRequest.New(
                kind,
                district.provinceCode(),
                district.code(),
                null,
                null,
                paidOn,
                amount,
                null,
                note,
                null,
                fiscalYear.buddhistYear(),
                null,
                summary
                    + "\n- บันทึกโดย: "
                    + actor.userId()
                    + "\n- มีผลเมื่อได้รับอนุมัติแล้วเท่านั้น\n",
                actor.userId()));
    started.accept(entry);
    return entry;
  }

  /**
   * Checker: an approved budget change or disbursement, checked again as the approver, stored as
   * keyed by the maker.
   */
  @Transactional
  public void applyApproved(ApprovalRequest entry, Actor approver, LocalDate today) {
    String fy = Integer.toString(entry.fiscalYear());
    switch (entry.kind()) {
      case BUDGET ->
          store(
              checkBudget(entry.districtCode(), fy, entry.amount().toPlainString(), approver),
              entry.requestedBy());
      case DISBURSEMENT ->
          store(
              checkDisbursement(
                  entry.districtCode(),
                  fy,
                  ThaiDates.formatNumeric(entry.paidOn()),
                  entry.amount().toPlainString(),
                  entry.note(),
                  approver,
                  today),
              entry.requestedBy());
      default -> throw new IllegalArgumentException("not a budget entry: " + entry.kind());
    }
  }

  /**
   * Sets a budget at once: only for an approved entry ({@link #applyApproved}) and the demo data.
   */
  @Transactional
  public void setBudget(
      String districtCode, String fiscalYearText, String amountText, Actor actor) {
    store(checkBudget(districtCode, fiscalYearText, amountText, actor), actor.userId());
  }

  /**
   * Records a disbursement at once: only for an approved entry ({@link #applyApproved}) and the
   * demo data.
   */
  @Transactional
  public void recordDisbursement(
      String districtCode,
      String fiscalYearText,
      String paidOnText,
      String amountText,
      String description,
      Actor actor,
      LocalDate today) {
    store(
        checkDisbursement(
            districtCode, fiscalYearText, paidOnText, amountText, description, actor, today),
        actor.userId());
  }

  private BudgetChange checkBudget(
      String districtCode, String fiscalYearText, String amountText, Actor actor) {
    List<String> problems = new ArrayList<>();
    District d = district(problems, districtCode, actor);
    ThaiFiscalYear fy = fiscalYear(problems, fiscalYearText);
    BigDecimal amount = collect(problems, () -> ThaiMoney.parse(amountText, "งบบริหาร"));
    if (d != null && fy != null && amount != null) {
      BigDecimal spent = budgetId(d.code(), fy).map(this::disbursed).orElse(BigDecimal.ZERO);
      if (amount.compareTo(spent) < 0) {
        problems.add("งบบริหารต้องไม่น้อยกว่าที่เบิกจ่ายไปแล้ว " + ThaiMoney.format(spent));
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return new BudgetChange(d, fy, amount);
  }

  private static ThaiFiscalYear fiscalYear(List<String> problems, String text) {
    return collect(problems, () -> ThaiFiscalYear.parse(text, "ปีงบประมาณ (พ.ศ.)"));
  }

  private void store(BudgetChange c, String setBy) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.sql(
                "update admin_budget set amount = ?, set_by = ?, updated_at = ? where district_code = ? and fiscal_year = ?")
            .params(c.amount(), setBy, now, c.district().code(), c.fiscalYear().buddhistYear())
            .update()
        == 0) {
      jdbc.sql(
              "insert into admin_budget (district_code, province_code, fiscal_year, amount, set_by, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              c.district().code(),
              c.district().provinceCode(),
              c.fiscalYear().buddhistYear(),
              c.amount(),
              setBy,
              now)
          .update();
    }
  }

  private CheckedDisbursement checkDisbursement(
      String districtCode,
      String fiscalYearText,
      String paidOnText,
      String amountText,
      String description,
      Actor actor,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    District d = district(problems, districtCode, actor);
    ThaiFiscalYear fy = fiscalYear(problems, fiscalYearText);
    LocalDate paidOn =
        collect(problems, () -> ThaiDates.parseBuddhist(paidOnText, "วันที่เบิกจ่าย"));
    BigDecimal amount =
        collect(problems, () -> ThaiMoney.parse(amountText, "จำนวนเงินที่เบิกจ่าย"));
    String what = description == null ? "" : description.strip();
    if (what.isEmpty()) {
      problems.add("กรุณาระบุรายการที่เบิกจ่าย");
    } else if (what.length() > 500) {
      problems.add("รายการที่เบิกจ่ายยาวเกิน 500 ตัวอักษร");
    }
    if (amount != null && amount.signum() == 0) {
      problems.add("จำนวนเงินที่เบิกจ่ายต้องมากกว่า 0 บาท");
    }
    if (paidOn != null && paidOn.isAfter(today)) {
      problems.add("วันที่เบิกจ่าย " + ThaiDates.formatNumeric(paidOn) + " เป็นวันในอนาคต");
    }
    if (paidOn != null && fy != null && !fy.contains(paidOn)) {
      problems.add("วันที่เบิกจ่าย " + ThaiDates.formatNumeric(paidOn) + " ไม่อยู่ใน" + fy.label());
    }
    Long budgetId = null;
    if (d != null && fy != null) {
      budgetId = budgetId(d.code(), fy).orElse(null);
      if (budgetId == null) {
        problems.add(
            "อำเภอ"
                + d.nameTh()
                + "ยังไม่มีงบบริหารของ"
                + fy.label()
                + ": กรุณาบันทึกงบประมาณก่อน");
      } else if (amount != null) {
        BigDecimal left = budgetAmount(budgetId).subtract(disbursed(budgetId));
        if (amount.compareTo(left) > 0) {
          problems.add("เบิกจ่ายเกินงบประมาณ: คงเหลือ " + ThaiMoney.format(left));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return new CheckedDisbursement(d, fy, budgetId, paidOn, amount, what);
  }

  private void store(CheckedDisbursement c, String recordedBy) {
    jdbc.sql(
            "insert into admin_disbursement (budget_id, paid_on, amount, description, recorded_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            c.budgetId(),
            c.paidOn(),
            c.amount(),
            c.description(),
            recordedBy,
            Timestamp.from(Instant.now()))
        .update();
  }

  public Summary summary(String provinceCode, ThaiFiscalYear fy) {
    Map<String, BigDecimal[]> figures = new java.util.HashMap<>();
    jdbc.sql(
            "select b.district_code, b.amount, coalesce((select sum(x.amount) from admin_disbursement x"
                + " where x.budget_id = b.id), 0) from admin_budget b where b.province_code = ? and b.fiscal_year = ?")
        .params(provinceCode, fy.buddhistYear())
        .query(
            (rs, n) ->
                figures.put(
                    rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)}))
        .list();
    List<DistrictBudget> rows =
        areas.districtsOf(provinceCode).stream()
            .map(
                d -> {
                  BigDecimal[] f =
                      figures.getOrDefault(
                          d.code(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                  return new DistrictBudget(
                      d.code(), d.nameTh(), f[0].setScale(2), f[1].setScale(2));
                })
            .toList();
    return new Summary(provinceCode, fy, rows);
  }

  /** A budget change or disbursement keyed and waiting for another province officer. */
  public record PendingChange(String what, String requestedBy, java.time.Instant requestedAt) {}

  /**
   * The province's budget changes and disbursements that wait for approval, oldest first (shown on
   * /budget).
   */
  public List<PendingChange> pending(String provinceCode) {
    return approvals
        .pendingInProvince(provinceCode, List.of(ApprovalKind.BUDGET, ApprovalKind.DISBURSEMENT))
        .stream()
        .map(
            e ->
                new PendingChange(
                    e.summary().lines().findFirst().orElse(""), e.requestedBy(), e.requestedAt()))
        .toList();
  }

  public List<Disbursement> disbursements(String provinceCode, ThaiFiscalYear fy) {
    Map<String, String> names =
        areas.districtsOf(provinceCode).stream()
            .collect(Collectors.toMap(District::code, District::nameTh));
    return jdbc.sql(
            "select b.district_code, x.paid_on, x.amount, x.description from admin_disbursement x"
                + " join admin_budget b on b.id = x.budget_id"
                + " where b.province_code = ? and b.fiscal_year = ? order by x.paid_on desc, x.id desc")
        .params(provinceCode, fy.buddhistYear())
        .query(
            (rs, n) ->
                new Disbursement(
                    names.get(rs.getString(1)),
                    rs.getDate(2).toLocalDate(),
                    rs.getBigDecimal(3),
                    rs.getString(4)))
        .list();
  }

  private Optional<Long> budgetId(String districtCode, ThaiFiscalYear fy) {
    return jdbc.sql("select id from admin_budget where district_code = ? and fiscal_year = ?")
        .params(districtCode, fy.buddhistYear())
        .query(Long.class)
        .optional();
  }

  private BigDecimal budgetAmount(long budgetId) {
    return jdbc.sql("select amount from admin_budget where id = ?")
        .param(budgetId)
        .query(BigDecimal.class)
        .single();
  }

  private BigDecimal disbursed(long budgetId) {
    return jdbc.sql("select coalesce(sum(amount), 0) from admin_disbursement where budget_id = ?")
        .param(budgetId)
        .query(BigDecimal.class)
        .single();
  }

  private District district(List<String> problems, String code, Actor actor) {
    Optional<District> d = areas.district(code == null ? "" : code.strip());
    if (d.isEmpty()) {
      problems.add("กรุณาเลือกอำเภอ");
      return null;
    }
    if (!(actor.isAdmin()
        || actor.groups().contains(Roles.provinceOfficers(d.get().provinceCode())))) {
      problems.add("เฉพาะเจ้าหน้าที่พัฒนาชุมชนจังหวัดเท่านั้นที่บันทึกงบบริหารของอำเภอได้");
      return null;
    }
    return d.get();
  }
}
