package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.demo.DisbursedLoans;
import th.go.cdd.womenfund.loan.LoanRepository;
import th.go.cdd.womenfund.repayment.RepaymentFixtures;
import th.go.cdd.womenfund.system.DatabaseTest;
import th.go.cdd.womenfund.system.ThaiDates;

/**
 * Issue 11: {@code /api} skipped its CSRF check for any request with an {@code Authorization}
 * header, even a bogus one, and Spring's Basic filter does not check the password again when the
 * session is signed in as the same name. A page of another site could so make the officer's browser
 * record payments. Now only real HTTP Basic is exempt.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiCsrfTest {

  static final String PASSWORD = "csrf-test-password";

  @Autowired ProcessEngine engine;
  @Autowired RoleAuthorizations roles;
  @Autowired AreaRepository areas;
  @Autowired DisbursedLoans disbursed;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void aSessionWithABogusAuthorizationHeaderCannotSkipTheCsrfCheck() throws Exception {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(ThaiDates.BANGKOK).toInstant()));
    roles.ensureDistrict(areas.district("2305").orElseThrow());
    TestPeople.of(engine)
        .user("csrf2305")
        .password(PASSWORD)
        .member(Roles.districtOfficers("2305"));
    long loanId = RepaymentFixtures.simpleLoan(disbursed, loans, "230507", "กลุ่มทดสอบ CSRF");
    AppSession browser = AppSession.login(port, "csrf2305", PASSWORD);
    String path = "/api/loans/" + loanId + "/payments";
    java.util.function.Function<String, HttpRequest.BodyPublisher> payment =
        ref ->
            HttpRequest.BodyPublishers.ofString(
                "{\"paidOn\":\"10/03/2569\",\"amount\":\"100\",\"reference\":\"" + ref + "\"}");

    // real HTTP Basic without a session (a script): accepted without a token, and no session is
    // made for it
    var script =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", AppSession.basic("csrf2305", PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(payment.apply("CSRF-OK"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
    assertThat(script.headers().firstValue("Set-Cookie")).isEmpty();
    int before =
        jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
            .param(loanId)
            .query(Integer.class)
            .single();

    // the session alone, without the CSRF token: refused (as before)
    assertThat(
            browser
                .send(
                    path,
                    b -> b.header("Content-Type", "application/json").POST(payment.apply("CSRF-0")))
                .statusCode())
        .isEqualTo(403);
    // the session with a bogus Basic header of the same name: the password is checked, 401
    int bogusBasic =
        browser
            .send(
                path,
                b ->
                    b.header("Authorization", AppSession.basic("csrf2305", "not-the-password"))
                        .header("Content-Type", "application/json")
                        .POST(payment.apply("CSRF-1")))
            .statusCode();
    assertThat(bogusBasic).isIn(401, 403);
    // the session with any other Authorization header: still the session, still needs the token
    assertThat(
            browser
                .send(
                    path,
                    b ->
                        b.header("Authorization", "Bearer whatever")
                            .header("Content-Type", "application/json")
                            .POST(payment.apply("CSRF-2")))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            browser
                .send(
                    path,
                    b ->
                        b.header("Authorization", "x")
                            .header("Content-Type", "application/json")
                            .POST(payment.apply("CSRF-3")))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from repayment_payment where loan_id = ?")
                .param(loanId)
                .query(Integer.class)
                .single())
        .isEqualTo(before);
  }
}
