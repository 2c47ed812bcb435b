package th.go.cdd.womenfund.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.SubDistrict;
import th.go.cdd.womenfund.loan.FamilyRelation;
import th.go.cdd.womenfund.loan.ImportedLoans;
import th.go.cdd.womenfund.loan.ImportedLoans.Contract;
import th.go.cdd.womenfund.loan.Installment;
import th.go.cdd.womenfund.loan.OccupationCategory;
import th.go.cdd.womenfund.loan.RepaymentFrequency;
import th.go.cdd.womenfund.member.Member;
import th.go.cdd.womenfund.member.MemberRepository;
import th.go.cdd.womenfund.member.NationalId;
import th.go.cdd.womenfund.onboarding.PortfolioKind.Col;
import th.go.cdd.womenfund.repayment.PaymentService;
import th.go.cdd.womenfund.repayment.PaymentService.PaymentInput;
import th.go.cdd.womenfund.repayment.PaymentSource;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiMoney;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Imports one file of a province's existing portfolio (issue 15), all or nothing: every row is read
 * and written inside one transaction through the owners' Java APIs (member, loan, repayment); a
 * file with any refused row is rolled back whole. A preview is the same run, always rolled back, so
 * it refuses exactly what the import would (a payment over the balance left by the rows before it,
 * too). Rows already in the system (same national ID, group code, contract number, payment
 * reference) are counted and left as they are: the same file twice changes nothing. Rows are
 * streamed ({@link SheetRows}); what is kept is bounded by {@link #MEMBER_CHUNK} members, one loan
 * (its borrowers or schedule), the first {@link #MAX_PROBLEMS} problems, and the ids of the loans a
 * payment file touches.
 */
@Service
public class PortfolioImport {

  static final int MAX_PROBLEMS = 500;

  /** Members are written this many at a time (one look-up and one batched insert each). */
  static final int MEMBER_CHUNK = 500;

  private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{M}0-9./\\-_]{1,30}");
  private static final Pattern CONTRACT = Pattern.compile("[\\p{L}\\p{M}0-9 ./\\-_()#]{1,50}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]+\\.[^@\\s<>]+");
  private static final Pattern PHONE = Pattern.compile("[0-9 +\\-]{0,30}");

  private final TransactionTemplate tx;
  private final AreaRepository areas;
  private final MemberRepository members;
  private final ImportedLoans loans;
  private final PaymentService payments;

  public PortfolioImport(
      PlatformTransactionManager transactions,
      AreaRepository areas,
      MemberRepository members,
      ImportedLoans loans,
      PaymentService payments) {
    this.tx = new TransactionTemplate(transactions);
    this.areas = areas;
    this.members = members;
    this.loans = loans;
    this.payments = payments;
  }

  /**
   * Who imports, into which province: an admin anywhere, a province officer her province, a
   * district officer hers.
   */
  public record Scope(String provinceCode, Actor actor) {

    public boolean mayImport() {
      return actor.isAdmin()
          || actor.groups().contains(Roles.provinceOfficers(provinceCode))
          || actor.groups().stream()
              .anyMatch(g -> g.matches("district-" + provinceCode + "[0-9]{2}-officers"));
    }

    boolean covers(String districtCode) {
      return districtCode.startsWith(provinceCode)
          && (actor.isAdmin()
              || actor.groups().contains(Roles.provinceOfficers(provinceCode))
              || actor.groups().contains(Roles.districtOfficers(districtCode)));
    }
  }

  /**
   * A refused row: its number as the spreadsheet shows it, the column (empty: the row as a whole),
   * what is wrong.
   */
  public record Problem(long row, String column, String message) {}

  /**
   * What a run found: rows read, added and already present (left unchanged), rows refused and why,
   * and the file's totals in baht to reconcile with the province's books (null where the kind has
   * no such figure).
   */
  public record Report(
      PortfolioKind kind,
      boolean committed,
      long rows,
      long added,
      long existing,
      long refusedRows,
      List<Problem> problems,
      long problemsNotShown,
      BigDecimal principal,
      BigDecimal interest,
      BigDecimal paid,
      BigDecimal outstanding) {

    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /** Reads and checks the whole file, writing nothing (the run is rolled back). */
  public Report preview(PortfolioKind kind, Path file, Scope scope, LocalDate today) {
    return run(kind, file, scope, today, false);
  }

  /** Imports the file if every row is accepted; otherwise writes nothing and says why. */
  public Report apply(PortfolioKind kind, Path file, Scope scope, LocalDate today) {
    return run(kind, file, scope, today, true);
  }

  private Report run(PortfolioKind kind, Path file, Scope scope, LocalDate today, boolean commit) {
    return tx.execute(
        status -> {
          Run run = new Run(kind, scope, today);
          try {
            SheetRows.read(file, run::row);
            run.finish();
          } catch (SheetRows.StopReading e) {
            // the header was wrong: reported already
          } catch (ThaiValidationException e) {
            e.problems().forEach(p -> run.problem(0, "", p));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (run.empty() && run.problems.isEmpty()) {
            run.problem(0, "", "ไฟล์ไม่มีข้อมูล: กรุณากรอกข้อมูลตั้งแต่แถวที่ 2 ใต้หัวตาราง");
          }
          boolean write = commit && run.problems.isEmpty() && run.moreProblems == 0;
          if (!write) {
            status.setRollbackOnly();
          }
          return run.report(write);
        });
  }

  /** One pass over one file. */
  private final class Run {

    final PortfolioKind kind;
    final Scope scope;
    final LocalDate today;
    final List<Problem> problems = new ArrayList<>();
    long moreProblems;
    Map<String, Integer> index;
    long rows;
    long added;
    long existing;
    long refusedRows;
    BigDecimal principal = BigDecimal.ZERO.setScale(2);
    BigDecimal interest = BigDecimal.ZERO.setScale(2);
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    BigDecimal outstanding;
    final Map<String, Optional<SubDistrict>> subDistricts = new HashMap<>();
    final Set<String> contractsSeen = new HashSet<>();
    final Set<Long> loansPaid = new HashSet<>();
    final List<Member> pendingMembers = new ArrayList<>();
    PendingLoan pendingLoan;
    PendingSchedule pendingSchedule;
    String paymentContract;
    Contract paymentLoan;
    final Set<String> referencesOfContract = new HashSet<>();

    Run(PortfolioKind kind, Scope scope, LocalDate today) {
      this.kind = kind;
      this.scope = scope;
      this.today = today;
    }

    boolean empty() {
      return rows == 0;
    }

    void problem(long row, String column, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(row, column, message));
      } else {
        moreProblems++;
      }
    }

    Report report(boolean committed) {
      return new Report(
          kind,
          committed,
          rows,
          added,
          existing,
          refusedRows,
          List.copyOf(problems),
          moreProblems,
          kind == PortfolioKind.LOANS || kind == PortfolioKind.SCHEDULES ? principal : null,
          kind == PortfolioKind.SCHEDULES ? interest : null,
          kind == PortfolioKind.PAYMENTS ? paid : null,
          outstanding);
    }

    void row(long number, List<String> cells) {
      if (index == null) {
        header(number, cells);
        return;
      }
      rows++;
      Line line = new Line(number, cells);
      switch (kind) {
        case MEMBERS -> member(line);
        case GROUPS -> group(line);
        case LOANS -> loanRow(line);
        case SCHEDULES -> installment(line);
        case PAYMENTS -> payment(line);
      }
      if (line.refused) {
        refusedRows++;
      }
    }

    void finish() {
      flushMembers();
      flushLoan();
      flushSchedule();
      if (kind == PortfolioKind.PAYMENTS) {
        outstanding =
            loansPaid.stream()
                .map(id -> payments.balance(id, today).outstandingPrincipal())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      } else if (kind == PortfolioKind.LOANS) {
        outstanding = principal;
      }
    }

    void header(long number, List<String> cells) {
      Map<String, Integer> found = new LinkedHashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        String name = cells.get(i).replace("\uFEFF", "").strip();
        if (!name.isEmpty()) {
          found.put(name, i);
        }
      }
      List<String> missing = kind.columns().stream().filter(c -> !found.containsKey(c)).toList();
      List<String> unknown =
          found.keySet().stream().filter(c -> !kind.columns().contains(c)).toList();
      if (!missing.isEmpty() || !unknown.isEmpty()) {
        problem(
            number,
            "",
            "หัวตารางไม่ตรงกับแบบฟอร์ม"
                + kind.labelTh()
                + (missing.isEmpty() ? "" : ": ไม่พบคอลัมน์ " + String.join(", ", missing))
                + (unknown.isEmpty()
                    ? ""
                    : ": มีคอลัมน์ที่ระบบไม่รู้จัก " + String.join(", ", unknown))
                + " (กรุณาดาวน์โหลดแบบฟอร์มของ"
                + kind.labelTh()
                + "จากหน้านี้)");
        throw new SheetRows.StopReading();
      }
      index = found;
    }

    /** A row being read: its cells by column name, and whether a problem was found in it. */
    final class Line {
      final long number;
      final List<String> cells;
      boolean refused;

      Line(long number, List<String> cells) {
        this.number = number;
        this.cells = cells;
      }

      String get(String column) {
        int i = index.get(column);
        return i < cells.size() ? cells.get(i).strip() : "";
      }

      void refuse(String column, String message) {
        refused = true;
        problem(number, column, message);
      }

      /**
       * Parses a cell with a parser that throws Thai problems; null (and the problems noted) when
       * it fails.
       */
      <T> T parse(String column, Supplier<T> parser) {
        try {
          return parser.get();
        } catch (ThaiValidationException e) {
          e.problems().forEach(p -> refuse(column, p));
          return null;
        }
      }

      String text(String column, int max, boolean required) {
        String v = get(column);
        if (v.isEmpty()) {
          if (required) {
            refuse(column, "กรุณากรอก" + column);
          }
          return null;
        }
        if (v.length() > max) {
          refuse(column, column + " ยาวเกิน " + max + " ตัวอักษร");
          return null;
        }
        if (v.contains("<") || v.contains(">")) {
          refuse(column, column + " มีอักขระที่ไม่อนุญาต (< >)");
          return null;
        }
        return v;
      }

      LocalDate date(String column) {
        LocalDate d = parse(column, () -> ThaiDates.parseBuddhist(get(column), column));
        if (d != null && d.isAfter(today)) {
          refuse(column, column + " " + ThaiDates.format(d) + " อยู่ในอนาคต");
          return null;
        }
        return d;
      }

      BigDecimal money(String column, boolean positive) {
        BigDecimal m = parse(column, () -> ThaiMoney.parse(get(column), column));
        if (m != null && positive && m.signum() == 0) {
          refuse(column, column + " ต้องมากกว่า 0 บาท");
          return null;
        }
        return m;
      }

      Integer integer(String column, int min, int max) {
        String v = get(column);
        if (v.isEmpty()) {
          refuse(column, "กรุณากรอก" + column);
          return null;
        }
        try {
          int n = new BigDecimal(v.replace(",", "")).intValueExact();
          if (n >= min && n <= max) {
            return n;
          }
        } catch (NumberFormatException | ArithmeticException e) {
          // refused below
        }
        refuse(
            column,
            column + " \"" + shorten(v) + "\" ต้องเป็นจำนวนเต็มตั้งแต่ " + min + " ถึง " + max);
        return null;
      }

      SubDistrict subDistrict(String column) {
        String code = get(column);
        if (code.isEmpty()) {
          refuse(column, "กรุณากรอก" + column + " (6 หลัก)");
          return null;
        }
        Optional<SubDistrict> s =
            subDistricts.computeIfAbsent(
                code, c -> c.matches("[0-9]{6}") ? areas.subDistrict(c) : Optional.empty());
        if (s.isEmpty()) {
          refuse(column, column + " \"" + shorten(code) + "\" ไม่มีในทะเบียนตำบลของกรมการปกครอง");
          return null;
        }
        if (!scope.covers(s.get().districtCode())) {
          refuse(column, "ตำบล " + s.get().nameTh() + " ไม่อยู่ในพื้นที่ที่ท่านนำเข้าได้");
          return null;
        }
        return s.get();
      }

      String code(String column, Pattern pattern, int max) {
        String v = get(column);
        if (v.isEmpty()) {
          refuse(column, "กรุณากรอก" + column);
          return null;
        }
        if (!pattern.matcher(v).matches()) {
          refuse(
              column,
              column
                  + " \""
                  + shorten(v)
                  + "\" ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . / - _ ไม่เกิน "
                  + max
                  + " ตัวอักษร");
          return null;
        }
        return v;
      }
    }

    // ---- members
    // -------------------------------------------------------------------------------------------

    void member(Line l) {
      NationalId id = l.parse(Col.NATIONAL_ID, () -> NationalId.parse(l.get(Col.NATIONAL_ID)));
      String name = l.text(Col.FULL_NAME, 200, true);
      LocalDate born = l.date(Col.BIRTH_DATE);
      LocalDate resident = l.date(Col.RESIDENT_SINCE);
      SubDistrict s = l.subDistrict(Col.SUB_DISTRICT);
      if (born != null && resident != null && resident.isBefore(born)) {
        l.refuse(Col.RESIDENT_SINCE, "วันที่เริ่มอยู่ในพื้นที่ต้องไม่ก่อนวันเกิด");
      }
      if (l.refused) {
        return;
      }
      pendingMembers.add(new Member(null, id, name, born, resident, s.code()));
      if (pendingMembers.size() >= MEMBER_CHUNK) {
        flushMembers();
      }
    }

    /**
     * Writes the members read since the last chunk: one look-up of those already registered and one
     * batched insert of the others (a row per member took three round trips).
     */
    void flushMembers() {
      if (pendingMembers.isEmpty()) {
        return;
      }
      int n = members.addMissing(pendingMembers);
      added += n;
      existing += pendingMembers.size() - n;
      pendingMembers.clear();
    }

    // ---- groups
    // --------------------------------------------------------------------------------------------

    void group(Line l) {
      String code = l.code(Col.GROUP_CODE, CODE, 30);
      String name = l.text(Col.GROUP_NAME, 300, true);
      SubDistrict s = l.subDistrict(Col.SUB_DISTRICT);
      String contact = l.text(Col.CONTACT_NAME, 200, true);
      String email = l.text(Col.CONTACT_EMAIL, 200, false);
      if (email != null && !EMAIL.matcher(email).matches()) {
        l.refuse(
            Col.CONTACT_EMAIL,
            Col.CONTACT_EMAIL + " \"" + shorten(email) + "\" ไม่ใช่อีเมลที่ถูกต้อง");
      }
      String phone = l.text(Col.CONTACT_PHONE, 30, false);
      if (phone != null && !PHONE.matcher(phone).matches()) {
        l.refuse(
            Col.CONTACT_PHONE,
            Col.CONTACT_PHONE + " \"" + shorten(phone) + "\" ใช้ได้เฉพาะตัวเลข ช่องว่าง + และ -");
      }
      if (l.refused) {
        return;
      }
      if (loans.groupByCode(code).isPresent()) {
        existing++;
      } else {
        loans.insertGroup(new ImportedLoans.NewGroup(code, name, s, contact, email, phone));
        added++;
      }
    }

    // ---- loans (one row per borrower, a contract's rows together)
    // ------------------------------------------

    static final class PendingLoan {
      final String contractNo;
      final long firstRow;
      final Map<String, String> loanLevel = new HashMap<>();
      final List<ImportedLoans.Borrower> borrowers = new ArrayList<>();
      final Set<Long> memberIds = new HashSet<>();
      long rowCount;
      boolean refused;
      ImportedLoans.Group group;
      SubDistrict subDistrict;
      LocalDate contractDate;
      LocalDate transferDate;
      BigDecimal rate;
      Integer term;
      RepaymentFrequency frequency;
      OccupationCategory occupation;
      String purpose;

      PendingLoan(String contractNo, long firstRow) {
        this.contractNo = contractNo;
        this.firstRow = firstRow;
      }
    }

    void loanRow(Line l) {
      String contract = l.code(Col.CONTRACT_NO, CONTRACT, 50);
      if (contract == null) {
        return;
      }
      if (pendingLoan != null && !pendingLoan.contractNo.equals(contract)) {
        flushLoan();
      }
      PendingLoan p = pendingLoan;
      if (p == null) {
        if (!contractsSeen.add(contract)) {
          l.refuse(
              Col.CONTRACT_NO,
              "แถวของสัญญาเลขที่ " + contract + " ต้องอยู่ติดกัน: พบสัญญานี้ในแถวก่อนหน้าแล้ว");
        }
        p = new PendingLoan(contract, l.number);
        pendingLoan = p;
        loanLevel(l, p);
      } else {
        for (String column : Col.LOAN_LEVEL) {
          if (!l.get(column).equals(p.loanLevel.get(column))) {
            l.refuse(
                column,
                column
                    + " ไม่ตรงกับแถวที่ "
                    + p.firstRow
                    + " ของสัญญาเดียวกัน (ต้องเหมือนกันทุกแถวของสัญญา)");
          }
        }
      }
      p.rowCount++;
      NationalId id = l.parse(Col.BORROWER_ID, () -> NationalId.parse(l.get(Col.BORROWER_ID)));
      Long memberId = null;
      if (id != null) {
        Optional<Member> m = members.findByNationalId(id);
        if (m.isEmpty()) {
          l.refuse(
              Col.BORROWER_ID,
              "ไม่พบสมาชิกเลขประจำตัวประชาชน "
                  + id.masked()
                  + " ในระบบ: กรุณานำเข้าไฟล์สมาชิกก่อน");
        } else if (!p.memberIds.add(m.get().id())) {
          l.refuse(Col.BORROWER_ID, "ผู้กู้ " + id.masked() + " ซ้ำในสัญญาเดียวกัน");
        } else {
          memberId = m.get().id();
        }
      }
      BigDecimal amount = l.money(Col.BORROWER_AMOUNT, true);
      if (amount != null) {
        principal = principal.add(amount);
      }
      String beneficiary = l.text(Col.BENEFICIARY, 200, true);
      FamilyRelation relation = null;
      if (!l.get(Col.RELATION).isEmpty()) {
        relation = FamilyRelation.fromText(l.get(Col.RELATION)).orElse(null);
      }
      if (relation == null) {
        l.refuse(
            Col.RELATION,
            Col.RELATION
                + " ต้องเป็น "
                + Arrays.stream(FamilyRelation.values())
                    .map(FamilyRelation::labelTh)
                    .collect(Collectors.joining(" / ")));
      }
      if (l.refused) {
        p.refused = true;
      } else {
        p.borrowers.add(new ImportedLoans.Borrower(memberId, amount, beneficiary, relation));
      }
    }

    void loanLevel(Line l, PendingLoan p) {
      Col.LOAN_LEVEL.forEach(c -> p.loanLevel.put(c, l.get(c)));
      String groupCode = l.code(Col.GROUP_CODE, CODE, 30);
      if (groupCode != null) {
        p.group = loans.groupByCode(groupCode).orElse(null);
        if (p.group == null) {
          l.refuse(
              Col.GROUP_CODE, "ไม่พบกลุ่มรหัส " + groupCode + " ในระบบ: กรุณานำเข้าไฟล์กลุ่มก่อน");
        } else {
          p.subDistrict = areas.subDistrict(p.group.subDistrictCode()).orElseThrow();
          if (!scope.covers(p.subDistrict.districtCode())) {
            l.refuse(
                Col.GROUP_CODE, "กลุ่มรหัส " + groupCode + " ไม่อยู่ในพื้นที่ที่ท่านนำเข้าได้");
          }
        }
      }
      p.contractDate = l.date(Col.CONTRACT_DATE);
      p.transferDate = l.date(Col.TRANSFER_DATE);
      if (p.contractDate != null
          && p.transferDate != null
          && p.transferDate.isBefore(p.contractDate)) {
        l.refuse(
            Col.TRANSFER_DATE,
            "วันที่โอนเงินต้องไม่ก่อนวันที่ทำสัญญา (" + ThaiDates.format(p.contractDate) + ")");
      }
      String rate = l.get(Col.RATE);
      try {
        p.rate = new BigDecimal(rate.replace("%", "").strip());
        if (p.rate.signum() < 0
            || p.rate.compareTo(BigDecimal.valueOf(100)) > 0
            || p.rate.scale() > 4) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        p.rate = null;
        l.refuse(
            Col.RATE,
            Col.RATE
                + " \""
                + shorten(rate)
                + "\" ต้องเป็นตัวเลข 0 ถึง 100 ทศนิยมไม่เกิน 4 ตำแหน่ง เช่น 0.1");
      }
      p.term = l.integer(Col.TERM, 1, 600);
      String freq = l.get(Col.FREQUENCY);
      p.frequency =
          Arrays.stream(RepaymentFrequency.values())
              .filter(f -> f.labelTh().equals(freq) || f.name().equalsIgnoreCase(freq))
              .findFirst()
              .orElse(null);
      if (p.frequency == null) {
        l.refuse(
            Col.FREQUENCY,
            Col.FREQUENCY
                + " ต้องเป็น "
                + Arrays.stream(RepaymentFrequency.values())
                    .map(RepaymentFrequency::labelTh)
                    .collect(Collectors.joining(" / ")));
      }
      String occ = l.get(Col.OCCUPATION);
      p.occupation =
          Arrays.stream(OccupationCategory.values())
              .filter(o -> o.labelTh().equals(occ) || o.name().equalsIgnoreCase(occ))
              .findFirst()
              .orElse(null);
      if (p.occupation == null) {
        l.refuse(
            Col.OCCUPATION,
            Col.OCCUPATION
                + " ต้องเป็น "
                + Arrays.stream(OccupationCategory.values())
                    .map(OccupationCategory::labelTh)
                    .collect(Collectors.joining(" / ")));
      }
      p.purpose = l.text(Col.PURPOSE, 2000, true);
      if (l.refused) {
        p.refused = true;
      }
    }

    void flushLoan() {
      PendingLoan p = pendingLoan;
      pendingLoan = null;
      if (p == null || p.refused) {
        return;
      }
      List<Contract> found = loans.byContract(p.contractNo);
      if (!found.isEmpty()) {
        existing += p.rowCount;
        return;
      }
      loans.insertDisbursed(
          new ImportedLoans.NewLoan(
              p.contractNo,
              p.group,
              p.subDistrict,
              p.contractDate,
              p.transferDate,
              p.rate,
              p.term,
              p.frequency,
              p.occupation,
              p.purpose,
              p.borrowers),
          scope.actor().userId());
      added += p.rowCount;
    }

    // ---- schedules (one row per installment, a contract's rows together, from 1)
    // ----------------------------

    static final class PendingSchedule {
      final String contractNo;
      final Contract loan;
      final List<Installment> installments = new ArrayList<>();
      BigDecimal principal = BigDecimal.ZERO.setScale(2);
      long lastRow;
      boolean refused;

      PendingSchedule(String contractNo, Contract loan) {
        this.contractNo = contractNo;
        this.loan = loan;
      }
    }

    void installment(Line l) {
      String contract = l.code(Col.CONTRACT_NO, CONTRACT, 50);
      if (contract == null) {
        return;
      }
      if (pendingSchedule != null && !pendingSchedule.contractNo.equals(contract)) {
        flushSchedule();
      }
      PendingSchedule p = pendingSchedule;
      if (p == null) {
        if (!contractsSeen.add(contract)) {
          l.refuse(
              Col.CONTRACT_NO,
              "แถวของสัญญาเลขที่ " + contract + " ต้องอยู่ติดกัน: พบสัญญานี้ในแถวก่อนหน้าแล้ว");
        }
        p = new PendingSchedule(contract, contract(l, contract));
        pendingSchedule = p;
      }
      p.lastRow = l.number;
      Integer seq = l.integer(Col.SEQ, 1, 1000);
      int expected = p.installments.size() + 1;
      if (seq != null && seq != expected && !p.refused) {
        l.refuse(Col.SEQ, "งวดที่ต้องเรียงตั้งแต่ 1 ต่อเนื่องกัน: แถวนี้ควรเป็นงวดที่ " + expected);
      }
      LocalDate due =
          l.parse(Col.DUE_DATE, () -> ThaiDates.parseBuddhist(l.get(Col.DUE_DATE), Col.DUE_DATE));
      if (due != null
          && !p.installments.isEmpty()
          && !due.isAfter(p.installments.get(p.installments.size() - 1).dueDate())) {
        l.refuse(Col.DUE_DATE, "วันครบกำหนดต้องหลังวันครบกำหนดของงวดก่อนหน้า");
      }
      BigDecimal principalDue = l.money(Col.PRINCIPAL, false);
      BigDecimal interestDue = l.money(Col.INTEREST, false);
      if (principalDue != null) {
        principal = principal.add(principalDue);
        p.principal = p.principal.add(principalDue);
      }
      if (interestDue != null) {
        interest = interest.add(interestDue);
      }
      if (l.refused || p.loan == null) {
        p.refused = true;
      }
      if (!p.refused) {
        p.installments.add(new Installment(expected, due, principalDue, interestDue));
      }
    }

    Contract contract(Line l, String contractNo) {
      List<Contract> found = loans.byContract(contractNo);
      if (found.isEmpty()) {
        l.refuse(
            Col.CONTRACT_NO,
            "ไม่พบสัญญาเลขที่ " + contractNo + " ในระบบ: กรุณานำเข้าไฟล์สัญญาเงินกู้ก่อน");
        return null;
      }
      if (found.size() > 1) {
        l.refuse(
            Col.CONTRACT_NO,
            "สัญญาเลขที่ " + contractNo + " ซ้ำกัน " + found.size() + " สัญญาในระบบ");
        return null;
      }
      if (!scope.covers(found.get(0).districtCode())) {
        l.refuse(
            Col.CONTRACT_NO, "สัญญาเลขที่ " + contractNo + " ไม่อยู่ในพื้นที่ที่ท่านนำเข้าได้");
        return null;
      }
      return found.get(0);
    }

    void flushSchedule() {
      PendingSchedule p = pendingSchedule;
      pendingSchedule = null;
      if (p == null || p.refused) {
        return;
      }
      if (p.principal.compareTo(p.loan.amount()) != 0) {
        problem(
            p.lastRow,
            Col.PRINCIPAL,
            "เงินต้นรวมทุกงวดของสัญญาเลขที่ "
                + p.contractNo
                + " ("
                + ThaiMoney.format(p.principal)
                + ") ไม่เท่ากับจำนวนเงินกู้ ("
                + ThaiMoney.format(p.loan.amount())
                + ")");
        refusedRows++;
        return;
      }
      if (loans.hasSchedule(p.loan.id())) {
        existing += p.installments.size();
        return;
      }
      loans.setSchedule(p.loan.id(), p.installments);
      added += p.installments.size();
    }

    // ---- payments (one row per payment, in date order within a contract)
    // -----------------------------------

    void payment(Line l) {
      String contract = l.code(Col.CONTRACT_NO, CONTRACT, 50);
      String reference = l.text(Col.REFERENCE, 100, true);
      LocalDate paidOn = l.date(Col.PAID_ON);
      BigDecimal amount = l.money(Col.AMOUNT, true);
      String note = l.text(Col.NOTE, 500, false);
      if (amount != null) {
        paid = paid.add(amount);
      }
      if (contract == null) {
        return;
      }
      if (!contract.equals(paymentContract)) {
        paymentContract = contract;
        referencesOfContract.clear();
        paymentLoan = contract(l, contract);
      } else if (paymentLoan == null) {
        l.refuse(Col.CONTRACT_NO, "ไม่พบสัญญาเลขที่ " + contract + " ที่นำเข้าได้ (ดูแถวก่อนหน้า)");
      }
      if (reference != null && !referencesOfContract.add(reference)) {
        l.refuse(
            Col.REFERENCE, "เลขที่อ้างอิง " + reference + " ซ้ำกับแถวก่อนหน้าของสัญญาเดียวกัน");
      }
      if (l.refused || paymentLoan == null) {
        return;
      }
      loansPaid.add(paymentLoan.id());
      if (payments.hasPayment(paymentLoan.id(), reference)) {
        existing++;
        return;
      }
      try {
        payments.record(
            paymentLoan.id(),
            new PaymentInput(
                contract, ThaiDates.formatNumeric(paidOn), amount.toPlainString(), reference, note),
            PaymentSource.IMPORT,
            scope.actor(),
            today);
        added++;
      } catch (ThaiValidationException e) {
        e.problems().forEach(m -> l.refuse("", m));
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
