package th.go.cdd.womenfund.repayment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentService.RecordedPayment;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;
import th.go.cdd.womenfund.system.limits.BodyTooLargeException;
import th.go.cdd.womenfund.system.limits.PayloadTooLargeRefusal;

/**
 * Imports the payments of a bank statement (CSV, UTF-8, header row; see {@link #TEMPLATE}). All or
 * nothing: the rows are applied in date order inside one transaction exactly as they would be recorded
 * one by one, and the transaction commits only when every row is accepted. A preview is the same run
 * rolled back. Either way the report lists every row: what it paid (default interest, interest,
 * principal) or, in Thai, why it is refused. A statement is one document: applying part of it would
 * leave the officer to work out which rows are in and which are not; a report of all problems lets her
 * fix the file and import it again whole.
 */
@Service
public class BankStatementImport {

  public static final int MAX_ROWS = 2000;
  public static final String TEMPLATE = "วันที่,เลขที่สัญญา,จำนวนเงิน,เลขที่อ้างอิง,หมายเหตุ";

  private static final Map<String, String> COLUMNS = new HashMap<>();

  static {
    for (String n : List.of("วันที่", "วันที่ชำระ", "วันที่รับชำระ", "date", "paid_on", "paidon")) {
      COLUMNS.put(n, "date");
    }
    for (String n : List.of("เลขที่สัญญา", "สัญญา", "เลขที่สัญญาหรือเลขที่คำขอ", "เลขที่คำขอ", "loan", "contract_no",
        "contract", "loan_number")) {
      COLUMNS.put(n, "loan");
    }
    for (String n : List.of("จำนวนเงิน", "จำนวนเงินที่ชำระ", "ยอดเงิน", "amount")) {
      COLUMNS.put(n, "amount");
    }
    for (String n : List.of("เลขที่อ้างอิง", "อ้างอิง", "reference", "ref")) {
      COLUMNS.put(n, "reference");
    }
    for (String n : List.of("หมายเหตุ", "note", "remark")) {
      COLUMNS.put(n, "note");
    }
  }

  private final PaymentService payments;
  private final TransactionTemplate tx;

  public BankStatementImport(PaymentService payments, PlatformTransactionManager transactions) {
    this.payments = payments;
    this.tx = new TransactionTemplate(transactions);
  }

  /** One data row as read. {@code line} is the row number in the file (the header is row 1). */
  public record Row(long line, String paidOn, String loanNumber, String amount, String reference, String note,
                    String malformed) {}

  /** What became of one row. */
  public record RowResult(long line, String loanNumber, String paidOn, String amount, String reference, boolean ok,
                          List<String> problems, String applicationNo, BigDecimal toDefaultInterest,
                          BigDecimal toInterest, BigDecimal toPrincipal, boolean arrearsCleared, boolean loanClosed) {}

  public record Report(boolean applied, int rows, int acceptedRows, int refusedRows, BigDecimal acceptedAmount,
                       List<RowResult> results, String messageTh) {}

  public Report preview(String csv, Actor actor, LocalDate today) {
    return run(parse(csv), actor, today, false);
  }

  public Report apply(String csv, Actor actor, LocalDate today) {
    return run(parse(csv), actor, today, true);
  }

  /** The statement as it arrives (an upload): read row by row, and no further than {@link #MAX_ROWS} rows. */
  public Report preview(Reader csv, Actor actor, LocalDate today) {
    return run(parse(csv), actor, today, false);
  }

  public Report apply(Reader csv, Actor actor, LocalDate today) {
    return run(parse(csv), actor, today, true);
  }

  private Report run(List<Row> rows, Actor actor, LocalDate today, boolean apply) {
    return tx.execute(status -> {
      List<RowResult> results = new ArrayList<>();
      Map<String, Long> seen = new HashMap<>();
      // in date order (stable: file order within a day), as a clerk would record them one by one
      List<Row> ordered = rows.stream().sorted(Comparator.comparing((Row r) -> sortDate(r.paidOn()))
          .thenComparingLong(Row::line)).toList();
      for (Row row : ordered) {
        if (row.malformed() != null) {
          results.add(refused(row, List.of(row.malformed())));
          continue;
        }
        String key = (row.loanNumber() == null ? "" : row.loanNumber().strip()) + "\u0000"
            + (row.reference() == null ? "" : row.reference().strip());
        Long earlier = row.reference() == null || row.reference().isBlank() ? null : seen.putIfAbsent(key, row.line());
        if (earlier != null) {
          results.add(refused(row, List.of("เลขที่อ้างอิง " + row.reference().strip() + " ซ้ำกับแถวที่ " + earlier
              + " ของสัญญาเดียวกันในไฟล์นี้")));
          continue;
        }
        try {
          RecordedPayment p = payments.recordByNumber(
              new PaymentInput(row.loanNumber(), row.paidOn(), row.amount(), row.reference(), row.note()),
              PaymentSource.BANK_STATEMENT, actor, today);
          results.add(new RowResult(row.line(), row.loanNumber(), row.paidOn(), row.amount(), row.reference(), true,
              List.of(), p.loan().applicationNo(), p.toDefaultInterest(), p.toInterest(), p.toPrincipal(),
              p.arrearsCleared(), p.loanClosed()));
        } catch (ThaiValidationException e) {
          results.add(refused(row, e.problems()));
        }
      }
      results.sort(Comparator.comparingLong(RowResult::line));
      int refused = (int) results.stream().filter(r -> !r.ok()).count();
      BigDecimal accepted = results.stream().filter(RowResult::ok).map(r -> ThaiMoney.parse(r.amount(), "จำนวนเงิน"))
          .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      boolean applied = apply && refused == 0;
      if (!applied) {
        status.setRollbackOnly();
      }
      String message;
      if (applied) {
        message = "นำเข้าการชำระ " + results.size() + " รายการ รวม " + ThaiMoney.format(accepted) + " เรียบร้อยแล้ว";
      } else if (refused == 0) {
        message = "ตรวจสอบแล้ว ทั้ง " + results.size() + " รายการถูกต้อง รวม " + ThaiMoney.format(accepted)
            + " (ยังไม่ได้บันทึก: กดยืนยันเพื่อนำเข้า)";
      } else {
        message = "พบข้อผิดพลาด " + refused + " จาก " + results.size() + " รายการ"
            + (apply ? " จึงยังไม่ได้บันทึกรายการใดเลย" : "") + ": กรุณาแก้ไขไฟล์แล้วนำเข้าใหม่ทั้งไฟล์";
      }
      return new Report(applied, results.size(), results.size() - refused, refused, accepted, List.copyOf(results),
          message);
    });
  }

  private static RowResult refused(Row row, List<String> problems) {
    return new RowResult(row.line(), row.loanNumber(), row.paidOn(), row.amount(), row.reference(), false,
        List.copyOf(problems), null, null, null, null, false, false);
  }

  private static LocalDate sortDate(String text) {
    try {
      return ThaiDates.parseBuddhist(text, "วันที่");
    } catch (ThaiValidationException e) {
      return LocalDate.MIN;
    }
  }

  /** Reads the file; a file that is not a readable statement is refused whole, in Thai. */
  static List<Row> parse(String csv) {
    if (csv == null || csv.isBlank()) {
      throw empty();
    }
    return parse(new StringReader(csv));
  }

  private static ThaiValidationException empty() {
    return new ThaiValidationException("ไฟล์รายการเดินบัญชีว่างเปล่า: ต้องมีหัวตาราง " + TEMPLATE + " และรายการอย่างน้อย 1 แถว");
  }

  /**
   * Reads the file as it streams in, one record at a time: reading stops at the first row past {@link #MAX_ROWS}
   * (the rest of the file is never read nor kept), and a body past its size limit stops the read too.
   */
  static List<Row> parse(Reader source) {
    try (BufferedReader in = new BufferedReader(source)) {
      // Excel's BOM; the first line (read ahead, then given back) tells commas from tabs
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      in.mark(FIRST_LINE_LOOKAHEAD + 1);
      StringBuilder firstLine = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n' && c != '\r' && firstLine.length() < FIRST_LINE_LOOKAHEAD; c = in.read()) {
        firstLine.append((char) c);
      }
      in.reset();
      char delimiter = firstLine.indexOf("\t") >= 0 && firstLine.indexOf(",") < 0 ? '\t' : ',';
      CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
      try (CSVParser parser = CSVParser.parse(in, format)) {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
          throw empty();
        }
        CSVRecord header = records.next();
        Map<String, Integer> index = columns(header);
        List<Row> rows = new ArrayList<>();
        while (records.hasNext()) {
          CSVRecord r = records.next();
          if (rows.size() == MAX_ROWS) {
            throw new ThaiValidationException("ไฟล์มีรายการเกิน " + MAX_ROWS + " รายการต่อครั้ง (หยุดอ่านที่แถวที่ "
                + r.getRecordNumber() + "): กรุณาแบ่งไฟล์เป็นหลายไฟล์ ไฟล์ละไม่เกิน " + MAX_ROWS + " รายการ");
          }
          rows.add(row(r, header, index));
        }
        if (rows.isEmpty()) {
          throw new ThaiValidationException("ไฟล์มีแต่หัวตาราง ไม่มีรายการชำระ");
        }
        return rows;
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
      if (tooLarge != null) {
        throw new PayloadTooLargeRefusal(tooLarge.getMessage());
      }
      throw new ThaiValidationException("อ่านไฟล์ CSV ไม่ได้: รูปแบบไม่ถูกต้อง (เช่น เครื่องหมายคำพูด \" ไม่ครบคู่)"
          + " กรุณาบันทึกไฟล์จากโปรแกรมตารางคำนวณเป็น CSV UTF-8 อีกครั้ง");
    }
  }

  private static final int FIRST_LINE_LOOKAHEAD = 4096;

  private static Map<String, Integer> columns(CSVRecord header) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      String column = COLUMNS.get(name);
      if (column != null) {
        index.putIfAbsent(column, i);
      } else if (!name.isEmpty()) {
        unknown.add(header.get(i).strip());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of("date", "loan", "amount", "reference")) {
      if (!index.containsKey(required)) {
        missing.add(switch (required) {
          case "date" -> "วันที่";
          case "loan" -> "เลขที่สัญญา";
          case "amount" -> "จำนวนเงิน";
          default -> "เลขที่อ้างอิง";
        });
      }
    }
    if (!missing.isEmpty()) {
      throw new ThaiValidationException("หัวตารางของไฟล์ไม่มีคอลัมน์ " + String.join(", ", missing)
          + (unknown.isEmpty() ? "" : " (พบคอลัมน์ที่ไม่รู้จัก: " + String.join(", ", unknown) + ")")
          + ": แถวแรกต้องเป็น " + TEMPLATE);
    }
    return index;
  }

  private static Row row(CSVRecord r, CSVRecord header, Map<String, Integer> index) {
    long line = r.getRecordNumber();
    if (r.size() != header.size()) {
      return new Row(line, "", cell(r, index.get("loan")), cell(r, index.get("amount")), "", null,
          "มี " + r.size() + " ช่อง แต่หัวตารางมี " + header.size() + " ช่อง (ตรวจสอบเครื่องหมายจุลภาคในจำนวนเงินหรือข้อความ:"
              + " จำนวนเงินที่มี , ต้องอยู่ในเครื่องหมายคำพูด เช่น \"1,500.00\")");
    }
    return new Row(line, cell(r, index.get("date")), cell(r, index.get("loan")), cell(r, index.get("amount")),
        cell(r, index.get("reference")), index.containsKey("note") ? cell(r, index.get("note")) : null, null);
  }

  private static String cell(CSVRecord r, Integer i) {
    return i == null || i >= r.size() ? "" : r.get(i);
  }
}
