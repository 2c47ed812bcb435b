package th.go.cdd.womenfund.repayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.go.cdd.womenfund.approval.MoneyApprovalProcess;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.security.TestPeople;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * The repayment REST API: login required, district scoping, Thai refusals, bank statement upload.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RepaymentApiTest {

  static final String PASSWORD = "repay-test-password";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired th.go.cdd.womenfund.security.RoleAuthorizations roles;
  @Autowired th.go.cdd.womenfund.area.AreaRepository areas;

  long loanId;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    roles.ensureDistrict(areas.district("2301").orElseThrow());
    user("pay2305", Roles.districtOfficers("2305"));
    user("pay2301", Roles.districtOfficers("2301"));
    loanId = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มทดสอบ REST");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  void user(String id, String group) {
    TestPeople.of(engine).user(id).password(PASSWORD).member(group);
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  ResponseEntity<String> post(String user, String path, HttpEntity<?> body) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, String.class);
  }

  ResponseEntity<String> balance(String user, long loan) {
    return balance(user, loan, "");
  }

  ResponseEntity<String> balance(String user, long loan, String query) {
    return get(user, "/api/loans/" + loan + "/balance" + query);
  }

  /** Records a payment of {@code loan} as {@code user} through the API. */
  ResponseEntity<String> pay(String user, long loan, String json) {
    return post(user, "/api/loans/" + loan + "/payments", json(json));
  }

  /** As {@link #pay(String, long, String)}, the amount sent as a string. */
  ResponseEntity<String> pay(
      String user, long loan, String paidOn, String amount, String reference) {
    return pay(
        user,
        loan,
        String.format(
            "{\"paidOn\":\"%s\",\"amount\":\"%s\",\"reference\":\"%s\"}",
            paidOn, amount, reference));
  }

  int count(String sql, long loan) {
    return value(sql, loan, Integer.class);
  }

  <T> T value(String sql, long loan, Class<T> type) {
    return jdbc.sql(sql).param(loan).query(type).single();
  }

  @Test
  void theApiNeedsALogin() {
    assertThat(rest.getForEntity("/api/loans/" + loanId + "/balance", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // an anonymous write is refused before it reaches the API: no login (401) or no CSRF token for
    // a session (403)
    assertThat(
            rest.postForEntity(
                    "/api/loans/" + loanId + "/payments",
                    json("{\"paidOn\":\"10/03/2569\",\"amount\":\"100\",\"reference\":\"X\"}"),
                    String.class)
                .getStatusCode())
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
  }

  @Test
  void anOfficerRecordsAPaymentOfHerDistrictAndSeesTheBalance() {
    ResponseEntity<String> created =
        pay(
            "pay2305",
            loanId,
            "{\"paidOn\":\"10/03/2569\",\"amount\":1500,\"reference\":\"KTB-REST-1\",\"note\":\"โอนผ่านธนาคาร\"}");
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody())
        .contains("\"amount\":1500.00")
        .contains("\"principal\":480.87")
        .contains("\"paidOn\":\"2026-03-10\"")
        .contains("\"arrearsCleared\":false")
        .contains("ดอกเบี้ยผิดนัด");
    ResponseEntity<String> balance = balance("pay2305", loanId);
    assertThat(balance.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(balance.getBody())
        .contains("\"arrears\":519.13")
        .contains("\"daysOverdue\":10")
        .contains("เกินกำหนด 10 วัน");
  }

  /**
   * Early settlement (issue 13): the balance of any day tells its pay-off, interest only up to that
   * day; paying it closes the loan exactly. The loan: 3,000.00 transferred 31 Dec 2025, #1 31 Jan
   * 1,000 + 10.00, #2 28 Feb 1,000 + 9.00, #3 31 Mar 1,000 + 8.00; rates 0.1% a year.
   */
  @Test
  void theBalanceOfAnyDayGivesThePayoffAndPayingItClosesTheLoanExactly() {
    // 1 Jan 2026: 3,000 + 10.00 x 1 / 31 = 0.3226 -> 0.32 (not the whole term's 27.00)
    ResponseEntity<String> dayAfter = balance("pay2305", loanId, "?asOf=01/01/2569");
    assertThat(dayAfter.getStatusCode()).as(dayAfter.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(dayAfter.getBody())
        .contains("\"payoff\":3000.32")
        .contains("\"interestToDate\":0.32")
        .contains("\"unpaidInterest\":27.00")
        .contains("ยอดปิดบัญชี ณ วันที่ 1 มกราคม 2569: 3,000.32 บาท");
    // 10 Feb 2026, nothing paid: #1 overdue 10 days, 10.00 in full and 1,000 x 0.1% x 10 / 365 =
    // 0.0274 -> 0.03
    // default interest; #2 10 of its 28 days, 9.00 x 10 / 28 = 3.2143 -> 3.21. 3,000 + 10.00 + 3.21
    // + 0.03
    ResponseEntity<String> later = balance("pay2305", loanId, "?asOf=10/02/2569");
    assertThat(later.getBody())
        .contains("\"payoff\":3013.24")
        .contains("\"interestToDate\":13.21")
        .contains("\"defaultInterest\":0.03");
    // one satang more than the pay-off is refused, nothing recorded
    ResponseEntity<String> over = pay("pay2305", loanId, "10/02/2569", "3013.25", "KTB-PO-0");
    assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(over.getBody()).contains("เกินยอดหนี้ทั้งหมด").contains("(ยอดปิดบัญชี 3,013.24 บาท");
    // the pay-off itself closes the loan
    ResponseEntity<String> paid = pay("pay2305", loanId, "10/02/2569", "3013.24", "KTB-PO-1");
    assertThat(paid.getStatusCode()).as(paid.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(paid.getBody())
        .contains("\"loanClosed\":true")
        .contains(
            "{\"installment\":2,\"defaultInterest\":0.00,\"interest\":3.21,\"principal\":1000.00,"
                + "\"interestWaived\":5.79}");
    assertThat(value("select status from loan_project where id = ?", loanId, String.class))
        .isEqualTo("CLOSED");
    assertThat(
            value(
                "select sum(interest_paid) from repayment_installment where loan_id = ?",
                loanId,
                BigDecimal.class))
        .isEqualByComparingTo("13.21");
    assertThat(
            value(
                "select sum(interest_waived) from repayment_installment where loan_id = ?",
                loanId,
                BigDecimal.class))
        .isEqualByComparingTo("13.79"); // 5.79 of #2 and 8.00 of #3
  }

  @Test
  void aBadOrEarlyAsOfDateIs400InThai() {
    ResponseEntity<String> iso = balance("pay2305", loanId, "?asOf=2026-01-01");
    assertThat(iso.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(iso.getBody()).contains("วันที่ที่ขอดูยอด").doesNotContain("Exception");
    ResponseEntity<String> early = balance("pay2305", loanId, "?asOf=30/12/2568");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody()).contains("ต้องไม่ก่อนวันที่โอนเงินกู้ (31 ธันวาคม 2568)");
    // another district's loan is still 403, whatever the date
    assertThat(balance("pay2301", loanId, "?asOf=01/01/2569").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anotherDistrictsOfficerIsRefused403AndBadInputIs400InThai() {
    ResponseEntity<String> foreign = pay("pay2301", loanId, "10/03/2569", "100", "X-1");
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(foreign.getBody()).contains("ไม่มีสิทธิ์บันทึกการชำระหนี้");
    assertThat(balance("pay2301", loanId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> bad =
        pay("pay2305", loanId, "{\"paidOn\":\"2026-03-10\",\"amount\":\"-1\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody())
        .contains("ต้องไม่ติดลบ")
        .contains("ไม่ถูกรูปแบบ")
        .contains("กรุณากรอกเลขที่อ้างอิง")
        .doesNotContain("Exception");
    assertThat(pay("pay2305", loanId, "{not json").getBody()).contains("อ่านไม่ได้");
    // a loan that does not exist is answered as one of another area (issue 11: the answer tells
    // nothing)
    assertThat(get("pay2305", "/api/loans/99999999/balance").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count("select count(*) from repayment_payment where loan_id = ?", loanId)).isZero();
  }

  @Test
  void aStatementIsPreviewedThenSentForApprovalAndABadOneIs422() {
    String contract = RepaymentFixtures.contractNo(jdbc, loanId);
    String csv = BankStatementImport.TEMPLATE + "\n01/03/2569," + contract + ",1010.08,KTB-F1,\n";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "statement.csv";
          }
        });
    ResponseEntity<String> preview =
        post("pay2305", "/api/repayments/import", new HttpEntity<>(form, headers));
    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(preview.getBody()).contains("\"applied\":false").contains("ยังไม่ได้บันทึก");

    // apply=true no longer applies: the statement waits for a second province officer (202)
    ResponseEntity<String> sent =
        post("pay2305", "/api/repayments/import?apply=true", new HttpEntity<>(form, headers));
    assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(sent.getBody())
        .contains("\"applied\":false")
        .contains("\"approvalId\":")
        .contains("อนุมัติใน Tasklist");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey(MoneyApprovalProcess.KEY)
                .taskCandidateGroup(Roles.provinceOfficers("23"))
                .list())
        .isNotEmpty();

    HttpHeaders text = new HttpHeaders();
    text.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    ResponseEntity<String> refused =
        post(
            "pay2305",
            "/api/repayments/import?apply=true",
            new HttpEntity<>(
                BankStatementImport.TEMPLATE + "\n02/03/2569," + contract + ",abc,KTB-F2,\n",
                text));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody()).contains("ไม่ใช่จำนวนเงินที่ถูกต้อง").contains("\"line\":2");
    ResponseEntity<String> notCsv =
        post("pay2305", "/api/repayments/import", new HttpEntity<>("just some text", text));
    assertThat(notCsv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notCsv.getBody()).contains("หัวตารางของไฟล์ไม่มีคอลัมน์");
    assertThat(count("select count(*) from repayment_payment where loan_id = ?", loanId)).isZero();
  }

  @Test
  void aboveTheThresholdAPaymentIsAccepted202AndWaitsWithTheBalanceUnchanged() {
    long big = RepaymentFixtures.bigLoan(disbursed, loans, "230507", "กลุ่มทดสอบ REST เกินวงเงิน");
    String payoff = balance("pay2305", big).getBody();
    ResponseEntity<String> accepted = pay("pay2305", big, "10/03/2569", "50000.01", "KTB-BIG-1");
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(accepted.getBody())
        .contains("\"status\":\"PENDING\"")
        .contains("\"amount\":50000.01")
        .contains("รอการอนุมัติ")
        .contains("\"requestedBy\":\"pay2305\"");
    assertThat(count("select count(*) from repayment_payment where loan_id = ?", big)).isZero();
    assertThat(balance("pay2305", big).getBody()).isEqualTo(payoff);
    String processInstanceId =
        value(
            "select process_instance_id from money_approval where loan_id = ?", big, String.class);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateGroup(Roles.districtOfficers("2305"))
                .count())
        .isEqualTo(1);
    // the same Thai refusals as below the threshold, and nothing waits
    ResponseEntity<String> tooMuch = pay("pay2305", big, "10/03/2569", "999999.00", "KTB-BIG-2");
    assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMuch.getBody()).contains("เกินยอดหนี้ทั้งหมด");
    assertThat(pay("pay2301", big, "10/03/2569", "60000", "KTB-BIG-3").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count("select count(*) from money_approval where loan_id = ?", big)).isEqualTo(1);
  }

  @Test
  void aReversalIsRequestedWithAReasonAndWaits202() {
    ResponseEntity<String> created = pay("pay2305", loanId, "10/03/2569", "100", "KTB-REV-1");
    long paymentId =
        value("select id from repayment_payment where loan_id = ?", loanId, Long.class);
    ResponseEntity<String> noReason =
        post(
            "pay2305",
            "/api/loans/" + loanId + "/payments/" + paymentId + "/reversal",
            json("{\"reason\":\"\"}"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("กรุณาระบุเหตุผลที่กลับรายการ");
    assertThat(
            post(
                    "pay2301",
                    "/api/loans/" + loanId + "/payments/" + paymentId + "/reversal",
                    json("{\"reason\":\"ผิด\"}"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "pay2305",
                    "/api/loans/" + loanId + "/payments/99999999/reversal",
                    json("{\"reason\":\"ผิด\"}"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> asked =
        post(
            "pay2305",
            "/api/loans/" + loanId + "/payments/" + paymentId + "/reversal",
            json("{\"reason\":\"บันทึกผิดสัญญา\"}"));
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(asked.getBody()).contains("\"kind\":\"REVERSAL\"").contains("รอการอนุมัติ");
    // the audit trail shows the payment and the reversal waiting, with who asked and why
    ResponseEntity<String> ledger = get("pay2305", "/api/loans/" + loanId + "/ledger");
    assertThat(ledger.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ledger.getBody())
        .contains("\"kind\":\"PAYMENT\"")
        .contains("\"reference\":\"KTB-REV-1\"")
        .contains("\"kind\":\"APPROVAL_REVERSAL\"")
        .contains("\"status\":\"PENDING\"")
        .contains("\"reason\":\"บันทึกผิดสัญญา\"")
        .contains("\"keyedBy\":\"pay2305\"");
    assertThat(get("pay2301", "/api/loans/" + loanId + "/ledger").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(count("select count(*) from payment_reversal where loan_id = ?", loanId)).isZero();
  }
}
