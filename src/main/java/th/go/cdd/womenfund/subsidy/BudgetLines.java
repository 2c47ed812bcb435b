package th.go.cdd.womenfund.subsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * The budget lines of a project as the officer types them: one line per item, "รายการ, จำนวนเงิน"
 * (the first comma ends the item, so "ค่าวัสดุ, 15,000.50" is 15,000.50 baht). Every bad line is
 * named in Thai, all at once.
 */
public final class BudgetLines {

  public static final int MAX_LINES = 50;

  /** One item and its exact amount. */
  public record Line(String item, BigDecimal amount) {}

  private BudgetLines() {}

  public static List<Line> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ThaiValidationException(
          "กรุณากรอกรายการงบประมาณ บรรทัดละหนึ่งรายการ: รายการ, จำนวนเงิน");
    }
    List<Line> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] rows = text.split("\\r?\\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      String where = "รายการงบประมาณ บรรทัดที่ " + (i + 1);
      int comma = row.indexOf(',');
      if (comma < 0) {
        problems.add(
            where
                + " \""
                + shown(row)
                + "\": กรุณากรอกเป็น รายการ, จำนวนเงิน เช่น ค่าวัสดุ, 15000.00");
        continue;
      }
      String item = row.substring(0, comma).strip().replaceAll("\\s+", " ");
      if (item.isEmpty()) {
        problems.add(where + ": กรุณาระบุชื่อรายการก่อนจำนวนเงิน");
        continue;
      }
      if (item.length() > 300) {
        problems.add(where + ": ชื่อรายการยาวเกิน 300 ตัวอักษร");
        continue;
      }
      try {
        BigDecimal amount = ThaiMoney.parse(row.substring(comma + 1), where + " (จำนวนเงิน)");
        if (amount.signum() == 0) {
          problems.add(where + ": จำนวนเงินต้องมากกว่า 0 บาท");
        } else {
          lines.add(new Line(item, amount));
        }
      } catch (ThaiValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (problems.isEmpty() && lines.isEmpty()) {
      problems.add("กรุณากรอกรายการงบประมาณอย่างน้อยหนึ่งรายการ");
    }
    if (lines.size() > MAX_LINES) {
      problems.add("รายการงบประมาณมีเกิน " + MAX_LINES + " รายการ: กรุณารวมรายการที่คล้ายกัน");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return List.copyOf(lines);
  }

  public static BigDecimal total(List<Line> lines) {
    return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static String shown(String row) {
    return row.length() > 40 ? row.substring(0, 40) + "…" : row;
  }
}
