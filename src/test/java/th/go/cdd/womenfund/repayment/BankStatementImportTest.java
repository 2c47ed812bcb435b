package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.approval.ApprovalRepository;
import th.go.cdd.womenfund.approval.ApprovalRequest;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.BankStatementImport.Report;
import th.go.cdd.womenfund.repayment.BankStatementImport.RowResult;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Bank statements: preview writes nothing, bad rows stop the whole import with a Thai report per
 * row, a good statement waits for a second province officer and is applied whole on approval.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class BankStatementImportTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Actor PROVINCE_OFFICER =
      new Actor("provofficer23", List.of(Roles.provinceOfficers("23")));
  static final Actor CHECKER = new Actor("provchecker23", List.of(Roles.provinceOfficers("23")));

  @Autowired BankStatementImport statements;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired ApprovalRepository approvals;

  String a;
  String b;
  long loanA;
  long loanB;

  @BeforeEach
  void loans() {
    loanA = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มนำเข้า ก");
    loanB = RepaymentFixtures.simpleLoan(disbursed, loans, "230101", "กลุ่มนำเข้า ข");
    a = contract(loanA);
    b = contract(loanB);
  }

  String contract(long id) {
    return RepaymentFixtures.contractNo(jdbc, id);
  }

  int payments() {
    return jdbc.sql("select count(*) from repayment_payment where loan_id in (?, ?)")
        .params(loanA, loanB)
        .query(Integer.class)
        .single();
  }

  String good() {
    // out of date order on purpose: loan A's rows are applied 1 March then 10 March
    return BankStatementImport.TEMPLATE
        + "\n"
        + "10/03/2569,"
        + a
        + ",\"1,009.03\",KTB-77,งวดที่ 2\n"
        + "01/03/2569,"
        + a
        + ",1010.08,KTB-76,งวดที่ 1\n"
        + "05/03/2569,"
        + b
        + ",500,SCB-1,\n";
  }

  @Test
  void aPreviewShowsWhatEachRowWouldPayAndWritesNothing() {
    Report r = statements.preview(good(), PROVINCE_OFFICER, TODAY);
    assertThat(r.applied()).isFalse();
    assertThat(r.refusedRows()).isZero();
    assertThat(r.acceptedAmount()).isEqualByComparingTo("2519.11");
    assertThat(r.messageTh())
        .contains("ทั้ง 3 รายการถูกต้อง")
        .contains("2,519.11 บาท")
        .contains("ยังไม่ได้บันทึก");
    // row 3 (1 March) settles installment 1 with 29 days' default interest on 1,000 at 0.1%: 0.08
    RowResult first = r.results().get(1);
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.toDefaultInterest()).isEqualByComparingTo("0.08");
    assertThat(first.toPrincipal()).isEqualByComparingTo("1000.00");
    assertThat(first.arrearsCleared())
        .isFalse(); // installment 2 (28 Feb) is still overdue on 10 March
    assertThat(r.results().get(0).arrearsCleared()).isTrue();
    assertThat(payments()).isZero();
  }

  @Test
  void aGoodStatementWaitsForApprovalAndIsRecordedWholeOnlyWhenApproved() {
    List<ApprovalRequest> started = new ArrayList<>();
    Report r = statements.request(good(), PROVINCE_OFFICER, TODAY, started::add);
    assertThat(r.applied()).isFalse();
    assertThat(r.waitsForApproval()).isTrue();
    assertThat(r.messageTh())
        .isEqualTo(
            "ตรวจสอบแล้ว ทั้ง 3 รายการถูกต้อง รวม 2,519.11 บาท ส่งให้เจ้าหน้าที่พัฒนาชุมชนจังหวัด"
                + "อีกคนหนึ่งอนุมัติใน Tasklist แล้ว (ยังไม่ได้บันทึกเข้าบัญชีจนกว่าจะได้รับอนุมัติ)");
    assertThat(started)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(r.approvalId());
              assertThat(e.provinceCode()).isEqualTo("23");
              assertThat(e.amount()).isEqualByComparingTo("2519.11");
              assertThat(e.summary())
                  .contains("แถวที่ 2: " + a + " วันที่ 10/03/2569 1,009.03 บาท อ้างอิง KTB-77");
            });
    assertThat(payments()).isZero();

    Report applied =
        statements.applyApproved(approvals.byId(r.approvalId()).orElseThrow(), CHECKER, TODAY);
    assertThat(applied.applied()).isTrue();
    assertThat(applied.messageTh())
        .isEqualTo("นำเข้าการชำระ 3 รายการ รวม 2,519.11 บาท เรียบร้อยแล้ว");
    assertThat(payments()).isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select count(*) from repayment_payment where source = 'BANK_STATEMENT' and loan_id = ?"
                        + " and recorded_by = 'provofficer23' and approved_by = 'provchecker23'")
                .param(loanA)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    // sending the same statement again is refused row by row (the references are recorded) and
    // nothing waits
    Report again = statements.request(good(), PROVINCE_OFFICER, TODAY, started::add);
    assertThat(again.waitsForApproval()).isFalse();
    assertThat(again.refusedRows()).isEqualTo(3);
    assertThat(again.results().get(0).problems())
        .anySatisfy(p -> assertThat(p).contains("บันทึกไว้แล้ว"));
    assertThat(started).hasSize(1);
    // approving it a second time finds every row recorded: refused in Thai, nothing applied
    assertThatThrownBy(
            () ->
                statements.applyApproved(
                    approvals.byId(r.approvalId()).orElseThrow(), CHECKER, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("แถวที่ 2:")
        .hasMessageContaining("บันทึกไว้แล้ว");
    assertThat(payments()).isEqualTo(3);
  }

  @Test
  void badRowsAreReportedInThaiAndNothingOfTheFileIsApplied() {
    String csv =
        BankStatementImport.TEMPLATE
            + "\n"
            + "01/03/2569,"
            + a
            + ",1010.08,KTB-76,\n" // row 2: fine
            + "02/03/2569,"
            + a
            + ",-50,KTB-78,\n" // row 3: negative
            + "02/03/2569,สญ.ไม่มีจริง,50,KTB-79,\n" // row 4: unknown loan
            + "31/02/2569,"
            + b
            + ",0,,\n" // row 5: impossible date, zero, no reference
            + "03/03/2569,"
            + a
            + ",1,500.00,KTB-80,\n" // row 6: unquoted thousands separator
            + "04/03/2569,"
            + a
            + ",99999,KTB-81,\n" // row 7: more than owed
            + "05/03/2569,"
            + a
            + ",10,KTB-76,\n"; // row 8: same reference as row 2
    Report r =
        statements.request(
            csv,
            PROVINCE_OFFICER,
            TODAY,
            e -> {
              throw new AssertionError("a statement with refused rows must not wait for approval");
            });
    assertThat(r.applied()).isFalse();
    assertThat(r.waitsForApproval()).isFalse();
    assertThat(r.rows()).isEqualTo(7);
    assertThat(r.refusedRows()).isEqualTo(6);
    assertThat(r.messageTh())
        .isEqualTo(
            "พบข้อผิดพลาด 6 จาก 7 รายการ จึงยังไม่ได้บันทึกและไม่ได้ส่งอนุมัติ: กรุณาแก้ไขไฟล์แล้วนำเข้าใหม่ทั้งไฟล์");
    assertThat(r.results()).extracting(RowResult::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(r.results().get(0).ok()).isTrue();
    assertThat(r.results().get(1).problems()).containsExactly("จำนวนเงินที่ชำระ ต้องไม่ติดลบ");
    assertThat(r.results().get(2).problems())
        .containsExactly("ไม่พบสัญญาเงินกู้เลขที่ \"สญ.ไม่มีจริง\"");
    assertThat(r.results().get(3).problems())
        .containsExactly(
            "จำนวนเงินที่ชำระต้องมากกว่า 0 บาท",
            "วันที่ชำระ \"31/02/2569\": ไม่มีวันที่นี้ในปฏิทิน",
            "กรุณากรอกเลขที่อ้างอิงการชำระ (เลขที่ใบเสร็จหรือรายการธนาคาร)");
    assertThat(r.results().get(4).problems())
        .singleElement()
        .asString()
        .startsWith("มี 6 ช่อง แต่หัวตารางมี 5 ช่อง");
    assertThat(r.results().get(5).problems())
        .singleElement()
        .asString()
        .contains("เกินยอดหนี้ทั้งหมด");
    assertThat(r.results().get(6).problems())
        .containsExactly("เลขที่อ้างอิง KTB-76 ซ้ำกับแถวที่ 2 ของสัญญาเดียวกันในไฟล์นี้");
    assertThat(payments()).isZero();
  }

  @Test
  void aRowOutsideTheOfficersDistrictIsRefused() {
    Actor officer = new Actor("officer2305", List.of(Roles.districtOfficers("2305")));
    Report r = statements.preview(good(), officer, TODAY);
    assertThat(r.refusedRows()).isEqualTo(1);
    assertThat(r.results().get(2).problems())
        .singleElement()
        .asString()
        .contains("ไม่มีสิทธิ์บันทึกการชำระหนี้ของสัญญาเลขที่ " + b);
  }

  @Test
  void aFileThatIsNotAStatementIsRefusedWhole() {
    assertThatThrownBy(() -> statements.preview("", PROVINCE_OFFICER, TODAY))
        .isInstanceOf(ThaiValidationException.class)
        .hasMessageContaining("ว่างเปล่า");
    assertThatThrownBy(
            () -> statements.preview("date,amount\n01/03/2569,5\n", PROVINCE_OFFICER, TODAY))
        .hasMessageContaining("หัวตารางของไฟล์ไม่มีคอลัมน์ เลขที่สัญญา, เลขที่อ้างอิง");
    assertThatThrownBy(
            () -> statements.preview(BankStatementImport.TEMPLATE + "\n", PROVINCE_OFFICER, TODAY))
        .hasMessageContaining("ไม่มีรายการชำระ");
    assertThatThrownBy(
            () ->
                statements.preview(
                    BankStatementImport.TEMPLATE + "\n01/03/2569,\"" + a + ",5,X,\n",
                    PROVINCE_OFFICER,
                    TODAY))
        .hasMessageContaining("อ่านไฟล์ CSV ไม่ได้");
    // a UTF-8 BOM (Excel) and tab-separated columns are read
    Report tabs =
        statements.preview(
            "\uFEFFวันที่\tเลขที่สัญญา\tจำนวนเงิน\tเลขที่อ้างอิง\n01/03/2569\t"
                + a
                + "\t100\tT-1\n",
            PROVINCE_OFFICER,
            TODAY);
    assertThat(tabs.refusedRows()).isZero();
    assertThat(payments()).isZero();
  }
}
