package th.go.cdd.womenfund.restructuring;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.repayment.Rescheduling.Terms;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Evaluates the deployed {@code restructuring-terms} table through the engine. An answer the
 * schedule cannot use (no rule matched, an unknown frequency or treatment, a negative extension) is
 * refused in Thai, naming the table.
 */
@Component
public class DmnRestructuringTerms implements RestructuringTerms {

  private final DecisionService decisions;

  public DmnRestructuringTerms(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Rule evaluate(int daysOverdue, String loanStatus) {
    var result =
        decisions.evaluateDecisionTableByKey(
            RestructuringProcess.TERMS_DECISION,
            Variables.createVariables()
                .putValue("daysOverdue", daysOverdue)
                .putValue("loanStatus", loanStatus));
    if (result.isEmpty()) {
      throw refusal("ไม่มีกฎที่ตรงกับสัญญาที่ค้างชำระ " + daysOverdue + " วัน");
    }
    Map<String, Object> row = result.getFirstResult().getEntryMap();
    Object extension = row.get("extensionMonths");
    if (!(extension instanceof Number n) || n.intValue() < 0 || n.intValue() > 120) {
      throw refusal("ขยายเวลาต้องเป็นจำนวนเดือน 0 ถึง 120");
    }
    RepaymentFrequency frequency = null;
    Object f = row.get("frequency");
    if (f != null && !f.toString().isBlank()) {
      try {
        frequency = RepaymentFrequency.valueOf(f.toString().strip());
      } catch (IllegalArgumentException e) {
        throw refusal(
            "ความถี่ของงวด \""
                + f
                + "\" ไม่รู้จัก (MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL หรือว่าง)");
      }
    }
    return new Rule(
        new Terms(
            n.intValue(),
            frequency,
            carry(row.get("overdueInterest")),
            carry(row.get("defaultInterest"))),
        row.get("reason") == null ? "" : row.get("reason").toString());
  }

  private static boolean carry(Object value) {
    if ("CARRY".equals(value)) {
      return true;
    }
    if ("WAIVE".equals(value)) {
      return false;
    }
    throw refusal("การจัดการดอกเบี้ย \"" + value + "\" ไม่รู้จัก (CARRY หรือ WAIVE)");
  }

  private static ThaiValidationException refusal(String problem) {
    return new ThaiValidationException(
        "ตารางเงื่อนไขการปรับโครงสร้างหนี้ (restructuring-terms) ใช้ไม่ได้: "
            + problem
            + " กรุณาแจ้งผู้ดูแลตารางให้แก้ไข");
  }
}
