package th.go.cdd.womenfund.loan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.BorrowerMembership.RegisteredMember;
import th.go.cdd.womenfund.loan.LoanApplication.Acknowledgement;
import th.go.cdd.womenfund.loan.LoanApplication.Borrower;
import th.go.cdd.womenfund.loan.LoanApplicationProcess.BorrowerRow;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Checks what an officer keyed in and turns it into a {@link LoanApplication}, or refuses it with
 * every problem found, each in Thai, naming the line and field. Structure only: the fund's criteria
 * (caps, group size, terms, age, residence) are the decision table's.
 *
 * <p>Borrowers come as rows of the form ({@code borrowerRows}: national ID, amount, and the family
 * acknowledgement's relation, name and date), each a member of the district's register whose name,
 * birth date and residence are taken from the register; and/or pasted, one a line: {@code
 * เลขประจำตัวประชาชน, ชื่อ-สกุล, วันเกิด, อาศัยในพื้นที่ตั้งแต่, จำนวนเงินกู้}. Family
 * acknowledgements, one a line: {@code เลขประจำตัวประชาชนผู้กู้, ความสัมพันธ์, ชื่อ-สกุลผู้รับทราบ,
 * วันที่รับทราบ}. Fields are separated by commas (or tabs, when pasted from a spreadsheet); dates
 * are วว/ดด/ปปปป in พ.ศ.
 */
@Component
public class LoanApplicationParser {

  static final int MAX_TEXT = 300;
  static final int MAX_PURPOSE = 2000;
  static final int MAX_LINES = 100;
  static final int MAX_LINE = 500;
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{9,20}");
  private static final Pattern SUB_DISTRICT = Pattern.compile("\\d{6}");
  private static final Pattern MARKUP = Pattern.compile("[<>{}]");

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ROWS_JSON = 100_000;

  private final AreaRepository areas;
  private final BorrowerMembership register;

  @Autowired
  public LoanApplicationParser(AreaRepository areas, BorrowerMembership register) {
    this.areas = areas;
    this.register = register;
  }

  /** A parser that knows no member: borrower rows are refused, pasted lines still work. */
  public LoanApplicationParser(AreaRepository areas) {
    this(areas, null);
  }

  public LoanApplication parse(LoanApplicationInput in, LocalDate today) {
    List<String> problems = new ArrayList<>();
    String groupName = text(in.groupName(), "ชื่อกลุ่ม", MAX_TEXT, problems);
    SubDistrict subDistrict = subDistrict(in.subDistrictCode(), problems);
    String contactName = text(in.contactName(), "ชื่อผู้ประสานงานของกลุ่ม", MAX_TEXT, problems);
    String contactEmail = email(in.contactEmail(), problems);
    String contactPhone = phone(in.contactPhone(), problems);
    String purpose = text(in.projectPurpose(), "วัตถุประสงค์ของโครงการ", MAX_PURPOSE, problems);
    OccupationCategory occupation =
        enumValue(OccupationCategory.class, in.occupationCategory(), "ประเภทอาชีพ", problems);
    BigDecimal amount =
        capture(problems, () -> ThaiMoney.parse(in.requestedAmount(), "วงเงินขอกู้"));
    if (amount != null && amount.signum() == 0) {
      problems.add("วงเงินขอกู้ต้องมากกว่า 0 บาท");
      amount = null;
    }
    RepaymentFrequency frequency =
        enumValue(RepaymentFrequency.class, in.repaymentFrequency(), "งวดการชำระคืน", problems);
    Integer term = termMonths(in.termMonths(), frequency, problems);
    int beforeBorrowers = problems.size();
    List<Borrower> borrowers = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    List<Map<String, String>> rows = rows(in.borrowerRows(), problems);
    if (!rows.isEmpty()) {
      borrowers.addAll(
          rowBorrowers(
              rows,
              subDistrict == null ? null : subDistrict.districtCode(),
              seen,
              today,
              problems));
    }
    boolean pasted = in.borrowers() != null && !in.borrowers().isBlank();
    if (pasted || rows.isEmpty()) {
      Map<String, Acknowledgement> acks =
          acknowledgements(in.familyAcknowledgements(), today, problems);
      borrowers.addAll(borrowers(in.borrowers(), acks, seen, today, problems));
    }
    boolean everyBorrowerLineIsValid = problems.size() == beforeBorrowers;
    if (amount != null && !borrowers.isEmpty() && everyBorrowerLineIsValid) {
      BigDecimal sum =
          borrowers.stream().map(Borrower::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(amount) != 0) {
        problems.add(
            "ผลรวมเงินกู้ของผู้กู้ทุกคน ("
                + ThaiMoney.format(sum)
                + ") ไม่เท่ากับวงเงินขอกู้ของโครงการ ("
                + ThaiMoney.format(amount)
                + ")");
      }
    }
    if (in.allBorrowersThaiWomen() == null) {
      problems.add("กรุณายืนยันว่าผู้กู้ทุกคนเป็นสตรีสัญชาติไทย");
    }
    if (!problems.isEmpty()) {
      throw new ThaiValidationException(problems);
    }
    return new LoanApplication(
        groupName,
        subDistrict,
        contactName,
        contactEmail,
        contactPhone,
        purpose,
        occupation,
        amount,
        term,
        frequency,
        List.copyOf(borrowers),
        in.allBorrowersThaiWomen());
  }

  /**
   * The form's borrower rows: a JSON list of objects whose values are text ({@link
   * LoanApplicationProcess.BorrowerRow}); rows left wholly blank are dropped.
   */
  private List<Map<String, String>> rows(String json, List<String> problems) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = json.length() > MAX_ROWS_JSON ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      list = null;
    }
    if (list == null || !list.isArray()) {
      problems.add("รายชื่อผู้กู้ (แถว): ข้อมูลไม่ถูกต้อง กรุณากรอกผู้กู้แถวละ 1 คนในแบบฟอร์ม");
      return List.of();
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode row : list) {
      Map<String, String> values = new HashMap<>();
      if (row.isObject()) {
        row.fields()
            .forEachRemaining(
                f -> {
                  if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    values.put(f.getKey(), f.getValue().asText().strip());
                  }
                });
      }
      if (values.values().stream().anyMatch(v -> !v.isEmpty())) {
        rows.add(values);
      }
    }
    if (rows.size() > MAX_LINES) {
      problems.add("รายชื่อผู้กู้: มีได้ไม่เกิน " + MAX_LINES + " แถว");
      return List.of();
    }
    return rows;
  }

  /**
   * Borrowers from the rows: each a member of the district's register, her name, birth date and
   * residence taken from the register. Every problem names the row and the field.
   */
  private List<Borrower> rowBorrowers(
      List<Map<String, String>> rows,
      String districtCode,
      Map<String, String> seen,
      LocalDate today,
      List<String> problems) {
    List<NationalId> ids = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String typed = rows.get(i).get(BorrowerRow.NATIONAL_ID);
      ids.add(
          capture(
              problems,
              "แถวที่ " + (i + 1) + " เลขประจำตัวประชาชน",
              () -> NationalId.parse(typed)));
    }
    Map<String, RegisteredMember> members =
        register == null || districtCode == null
            ? Map.of()
            : register.membersIn(
                districtCode,
                ids.stream().filter(id -> id != null).map(NationalId::value).toList());
    String district =
        districtCode == null
            ? ""
            : areas.district(districtCode).map(d -> "อำเภอ" + d.nameTh()).orElse("");
    List<Borrower> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      String row = "แถวที่ " + (i + 1) + " ";
      int before = problems.size();
      NationalId id = ids.get(i);
      BigDecimal amount =
          capture(
              problems,
              row + "จำนวนเงินกู้",
              () -> ThaiMoney.parse(r.get(BorrowerRow.AMOUNT), "จำนวนเงินกู้"));
      if (amount != null && amount.signum() == 0) {
        problems.add(row + "จำนวนเงินกู้: ต้องมากกว่า 0 บาท");
      }
      Optional<FamilyRelation> relation = FamilyRelation.fromText(r.get(BorrowerRow.ACK_RELATION));
      if (relation.isEmpty()) {
        problems.add(row + "ความสัมพันธ์ของผู้รับทราบ: ต้องเป็น " + FamilyRelation.choicesTh());
      }
      String ackName =
          text(r.get(BorrowerRow.ACK_NAME), row + "ชื่อ-สกุลผู้รับทราบ", MAX_TEXT, problems);
      LocalDate ackDate =
          capture(
              problems,
              row + "วันที่รับทราบ",
              () -> ThaiDates.parseBuddhist(r.get(BorrowerRow.ACK_DATE), "วันที่รับทราบ"));
      if (ackDate != null && ackDate.isAfter(today)) {
        problems.add(row + "วันที่รับทราบ: อยู่ในอนาคต");
      }
      RegisteredMember member = null;
      if (id != null) {
        String first = seen.putIfAbsent(id.value(), "แถวที่ " + (i + 1));
        member = members.get(id.value());
        if (first != null) {
          problems.add(row + "เลขประจำตัวประชาชน: " + id.masked() + " ซ้ำกับผู้กู้" + first);
        } else if (member == null) {
          problems.add(
              row
                  + "เลขประจำตัวประชาชน: "
                  + id.masked()
                  + " ไม่เป็นสมาชิกในทะเบียนสมาชิกกองทุนของ"
                  + (district.isEmpty() ? "อำเภอที่ตั้งกลุ่ม" : district)
                  + " (สมัครสมาชิกก่อน หรือกรอกในช่องวางรายชื่อพร้อมวันเกิดเพื่อสมัครพร้อมคำขอ)");
        }
      }
      if (problems.size() == before && id != null && member != null) {
        result.add(
            new Borrower(
                id,
                member.fullName(),
                member.birthDate(),
                member.residentSince(),
                amount,
                new Acknowledgement(relation.get(), ackName, ackDate)));
      }
    }
    return result;
  }

  private List<Borrower> borrowers(
      String text,
      Map<String, Acknowledgement> acks,
      Map<String, String> seen,
      LocalDate today,
      List<String> problems) {
    List<String> lines = lines(text, "รายชื่อผู้กู้", problems);
    List<Borrower> result = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = "ผู้กู้บรรทัดที่ " + (i + 1);
      String[] f = fields(lines.get(i), 5);
      if (f.length != 5) {
        problems.add(
            where
                + ": ต้องมี 5 ช่อง คือ เลขประจำตัวประชาชน, ชื่อ-สกุล, วันเกิด, อาศัยในพื้นที่ตั้งแต่, จำนวนเงินกู้");
        continue;
      }
      int before = problems.size();
      NationalId id = capture(problems, where, () -> NationalId.parse(f[0]));
      String name = text(f[1], where + ": ชื่อ-สกุล", MAX_TEXT, problems);
      LocalDate birth = capture(problems, where, () -> ThaiDates.parseBuddhist(f[2], "วันเกิด"));
      LocalDate since =
          capture(
              problems, where, () -> ThaiDates.parseBuddhist(f[3], "วันที่เริ่มอาศัยในพื้นที่"));
      BigDecimal amount = capture(problems, where, () -> ThaiMoney.parse(f[4], "จำนวนเงินกู้"));
      if (birth != null && birth.isAfter(today)) {
        problems.add(where + ": วันเกิดอยู่ในอนาคต");
      }
      if (since != null && since.isAfter(today)) {
        problems.add(where + ": วันที่เริ่มอาศัยในพื้นที่อยู่ในอนาคต");
      }
      if (amount != null && amount.signum() == 0) {
        problems.add(where + ": จำนวนเงินกู้ต้องมากกว่า 0 บาท");
      }
      if (id != null) {
        String first = seen.putIfAbsent(id.value(), "บรรทัดที่ " + (i + 1));
        if (first != null) {
          problems.add(where + ": เลขประจำตัวประชาชน " + id.masked() + " ซ้ำกับ" + first);
        } else if (!acks.containsKey(id.value())) {
          problems.add(
              where
                  + ": ผู้กู้ "
                  + id.masked()
                  + " ยังไม่มีการรับทราบการกู้เงินของครอบครัว ("
                  + FamilyRelation.choicesTh()
                  + ")");
        }
      }
      if (problems.size() == before) {
        result.add(new Borrower(id, name, birth, since, amount, acks.get(id.value())));
      }
    }
    for (String ackId : acks.keySet()) {
      if (!seen.containsKey(ackId)) {
        problems.add(
            "การรับทราบของครอบครัว: เลขประจำตัวประชาชน "
                + NationalId.parse(ackId).masked()
                + " ไม่อยู่ในรายชื่อผู้กู้");
      }
    }
    return result;
  }

  private Map<String, Acknowledgement> acknowledgements(
      String text, LocalDate today, List<String> problems) {
    Map<String, Acknowledgement> result = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return result; // each borrower is then reported as lacking one
    }
    List<String> lines = lines(text, "การรับทราบของครอบครัว", problems);
    for (int i = 0; i < lines.size(); i++) {
      String where = "การรับทราบของครอบครัวบรรทัดที่ " + (i + 1);
      String[] f = fields(lines.get(i), 4);
      if (f.length != 4) {
        problems.add(
            where
                + ": ต้องมี 4 ช่อง คือ เลขประจำตัวประชาชนผู้กู้, ความสัมพันธ์, ชื่อ-สกุลผู้รับทราบ, วันที่รับทราบ");
        continue;
      }
      int before = problems.size();
      NationalId id = capture(problems, where, () -> NationalId.parse(f[0]));
      Optional<FamilyRelation> relation = FamilyRelation.fromText(f[1]);
      if (relation.isEmpty()) {
        problems.add(where + ": ความสัมพันธ์ต้องเป็น " + FamilyRelation.choicesTh());
      }
      String name = text(f[2], where + ": ชื่อ-สกุลผู้รับทราบ", MAX_TEXT, problems);
      LocalDate date =
          capture(problems, where, () -> ThaiDates.parseBuddhist(f[3], "วันที่รับทราบ"));
      if (date != null && date.isAfter(today)) {
        problems.add(where + ": วันที่รับทราบอยู่ในอนาคต");
      }
      if (id != null && result.containsKey(id.value())) {
        problems.add(where + ": ผู้กู้ " + id.masked() + " มีการรับทราบซ้ำ");
      }
      if (problems.size() == before) {
        result.put(id.value(), new Acknowledgement(relation.get(), name, date));
      }
    }
    return result;
  }

  private List<String> lines(String text, String label, List<String> problems) {
    if (text == null || text.isBlank()) {
      problems.add("กรุณากรอก" + label + " (แถวละ 1 คน)");
      return List.of();
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.size() > MAX_LINES) {
      problems.add(label + ": มีได้ไม่เกิน " + MAX_LINES + " บรรทัด");
      return List.of();
    }
    if (lines.stream().anyMatch(l -> l.length() > MAX_LINE)) {
      problems.add(label + ": บรรทัดยาวเกิน " + MAX_LINE + " ตัวอักษร");
      return List.of();
    }
    return lines;
  }

  /**
   * Splits on tabs if there are any, else on the first n-1 commas (the last field may hold
   * "15,000.00").
   */
  static String[] fields(String line, int n) {
    String[] parts = line.contains("\t") ? line.split("\t", -1) : line.split(",", n);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  private String text(String value, String label, int max, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add("กรุณากรอก" + label.replace(": ", " "));
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      problems.add(label + " ยาวเกิน " + max + " ตัวอักษร");
      return null;
    }
    if (MARKUP.matcher(v).find()) {
      problems.add(label + " มีอักขระที่ไม่อนุญาต (< > { })");
      return null;
    }
    return v;
  }

  private SubDistrict subDistrict(String code, List<String> problems) {
    if (code == null || code.isBlank()) {
      problems.add("กรุณากรอกรหัสตำบล 6 หลัก");
      return null;
    }
    String c = code.strip();
    if (!SUB_DISTRICT.matcher(c).matches()) {
      problems.add("รหัสตำบลต้องเป็นตัวเลข 6 หลัก เช่น 230507");
      return null;
    }
    Optional<SubDistrict> found = areas.subDistrict(c);
    if (found.isEmpty()) {
      problems.add("ไม่พบตำบลรหัส " + c + " ในทะเบียนเขตการปกครอง");
      return null;
    }
    return found.get();
  }

  private String email(String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add("กรุณากรอกอีเมลของผู้ประสานงานกลุ่ม (ใช้แจ้งผลการพิจารณา)");
      return null;
    }
    String v = value.strip();
    if (!EMAIL.matcher(v).matches()) {
      problems.add("อีเมลของผู้ประสานงานกลุ่มไม่ถูกต้อง");
      return null;
    }
    return v;
  }

  private String phone(String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!PHONE.matcher(v).matches()) {
      problems.add("หมายเลขโทรศัพท์ต้องเป็นตัวเลข 9-20 หลัก");
      return null;
    }
    return v;
  }

  private Integer termMonths(String value, RepaymentFrequency frequency, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add("กรุณากรอกระยะเวลาชำระคืน (เดือน)");
      return null;
    }
    String v = value.strip();
    if (v.endsWith(".0")) {
      v = v.substring(0, v.length() - 2);
    }
    if (!v.matches("\\d{1,3}") || Integer.parseInt(v) == 0) {
      problems.add("ระยะเวลาชำระคืนต้องเป็นจำนวนเดือนเต็ม มากกว่า 0");
      return null;
    }
    int months = Integer.parseInt(v);
    if (frequency != null && months % frequency.months() != 0) {
      problems.add(
          "ระยะเวลาชำระคืน " + months + " เดือน แบ่งเป็นงวด" + frequency.labelTh() + "ไม่ลงตัว");
      return null;
    }
    return months;
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String label, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add("กรุณาเลือก" + label);
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(label + " ไม่ถูกต้อง: กรุณาเลือกจากรายการ");
      return null;
    }
  }

  private static <T> T capture(List<String> problems, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ThaiValidationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static <T> T capture(List<String> problems, String where, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ThaiValidationException e) {
      e.problems().forEach(p -> problems.add(where + ": " + p));
      return null;
    }
  }
}
