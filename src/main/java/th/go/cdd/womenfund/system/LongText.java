package th.go.cdd.womenfund.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A text shown in a form that may outgrow one process variable: the engine keeps a string variable
 * in a {@code varchar(4000)} column (PostgreSQL refuses longer ones, so a district with some 40
 * eligible debtors could not open its restructuring package). Split at line ends into parts that
 * each fit; the form shows the parts one after the other ({@code {{name}}}, {@code {{name2}}}, …).
 */
public final class LongText {

  /** Characters per part: under the column's 4000 with room for multi-byte counting differences. */
  public static final int PART = 3800;

  /** Parts a form shows; what is beyond them is summarised in the last part. */
  public static final int MAX_PARTS = 10;

  private LongText() {}

  /**
   * The parts, at least one; the variable names are {@code name}, {@code name + 2}, … {@code name +
   * MAX_PARTS}.
   */
  public static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String[] lines = text.split("\n", -1);
    int shown = 0;
    for (String line : lines) {
      String piece = line.length() > PART ? line.substring(0, PART - 1) + "…" : line;
      if (current.length() + piece.length() + 1 > PART) {
        parts.add(current.toString());
        current.setLength(0);
        if (parts.size() == MAX_PARTS - 1) {
          int left = lines.length - shown;
          parts.add("… และอีก " + left + " บรรทัด (ข้อความยาวเกินกว่าที่แบบฟอร์มแสดงได้)");
          return parts;
        }
      }
      current.append(piece).append('\n');
      shown++;
    }
    parts.add(current.toString());
    return parts;
  }

  /** The variable name of part {@code index} (0-based). */
  public static String name(String base, int index) {
    return index == 0 ? base : base + (index + 1);
  }
}
